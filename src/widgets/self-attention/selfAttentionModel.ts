import { Matrix, matmul, rng, scaledDotProduct, wordTokens } from "../../../lib";
import { fields } from "../primitives/urlState";

/** Embedding size d and query/key/value size d_k of the chapter's toy sentence. */
export const D_MODEL = 6;
export const D_K = 4;
export const MAX_TOKENS = 10;

/** The state a link to the self-attention explorer reproduces. */
export const selfAttentionSpec = {
  // Up to 10 words of at most 20 characters (the field's message says so first).
  text: fields.text("the cat sat on the warm mat", { maxLength: 120, maxWord: 20 }),
  seed: fields.int(7, 0, 99999),
  wseed: fields.int(3, 0, 99999),
  token: fields.int(1, 0, MAX_TOKENS - 1),
  causal: fields.bool(false),
  shuffle: fields.int(0, 0, 99999),
};

export interface SelfAttentionInput {
  text: string;
  seed: number;
  wseed: number;
  token: number;
  causal: boolean;
  shuffle: number;
}

export interface SelfAttentionResult {
  /** Tokens in the order shown (after any shuffle). */
  tokens: string[];
  /** perm[i] = index in the original sentence of the token shown at position i. */
  perm: number[];
  weights: number[][]; // (n, n)
  output: number[][]; // (n, d_k)
  /** Output of the same tokens in the original order: base[perm[i]] should equal output[i]. */
  baseOutput: number[][]; // (n, d_k)
  /** max_i |output[i] − baseOutput[perm[i]]|: 0 up to rounding when attention is equivariant. */
  maxMoveError: number;
  token: number;
  /** (n, d_k) queries, keys and values of the tokens in the order shown. */
  Q: number[][];
  K: number[][];
  V: number[][];
  Wq: number[][];
  Wk: number[][];
  Wv: number[][];
}

export type SelfAttentionOutcome = { ok: true; result: SelfAttentionResult } | { ok: false; error: string };

/** FNV-1a hash of a word, so the same word always gets the same embedding for a given seed. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The seeded embedding of one word: a row of D_MODEL standard normal numbers. */
export function embedWord(word: string, seed: number): number[] {
  const r = rng((wordHash(word.toLowerCase()) ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0);
  return Array.from({ length: D_MODEL }, () => r.normal());
}

/** Seeded projection matrices W_q, W_k, W_v, each D_MODEL × D_K. */
export function projections(wseed: number): { Wq: Matrix; Wk: Matrix; Wv: Matrix } {
  const r = rng(wseed);
  const make = () => Matrix.fromFn(D_MODEL, D_K, () => r.normal() * 0.5); // (d, d_k)
  return { Wq: make(), Wk: make(), Wv: make() };
}

/** A seeded permutation of 0…n−1 (Fisher–Yates); shuffle 0 is the identity. */
export function permutation(n: number, shuffle: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  if (shuffle === 0) return p;
  const r = rng(shuffle * 7919 + n);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

function attend(words: string[], s: SelfAttentionInput, W: ReturnType<typeof projections>) {
  const X = words.map((w) => embedWord(w, s.seed)); // (n, d)
  const Q = matmul(X, W.Wq); // (n, d_k)
  const K = matmul(X, W.Wk); // (n, d_k)
  const V = matmul(X, W.Wv); // (n, d_k)
  return { ...scaledDotProduct(Q, K, V, { causal: s.causal }), Q, K, V };
}

/** Embed the reader's sentence, project it and run self-attention with `lib/`. */
export function computeSelfAttention(s: SelfAttentionInput): SelfAttentionOutcome {
  const long = selfAttentionSpec.text.message(s.text, "The sentence");
  if (long) return { ok: false, error: long };
  const typed = wordTokens(s.text);
  const original = typed.map((t) => t.text); // shown as typed
  const words = typed.map((t) => t.word); // embedded: NFC, lower-case
  if (original.length < 2) return { ok: false, error: "Type at least two words separated by spaces." };
  if (original.length > MAX_TOKENS) {
    return { ok: false, error: `That is ${original.length} words; this widget takes at most ${MAX_TOKENS}.` };
  }
  const n = original.length;
  const perm = permutation(n, s.shuffle);
  const tokens = perm.map((i) => original[i]);
  const shuffled = perm.map((i) => words[i]);
  const W = projections(s.wseed);
  const shown = attend(shuffled, s, W);
  const base = attend(words, s, W);
  const output = shown.output.toArray();
  const baseOutput = base.output.toArray();
  let maxMoveError = 0;
  output.forEach((row, i) =>
    row.forEach((v, t) => (maxMoveError = Math.max(maxMoveError, Math.abs(v - baseOutput[perm[i]][t])))),
  );
  return {
    ok: true,
    result: {
      tokens,
      perm,
      weights: shown.weights.toArray(),
      output,
      baseOutput,
      maxMoveError,
      token: Math.min(s.token, n - 1),
      Q: shown.Q.toArray(),
      K: shown.K.toArray(),
      V: shown.V.toArray(),
      Wq: W.Wq.toArray(),
      Wk: W.Wk.toArray(),
      Wv: W.Wv.toArray(),
    },
  };
}

/** Column labels that stay unique when a word repeats ("the", "the²"). */
export function tokenLabels(tokens: string[]): string[] {
  const seen = new Map<string, number>();
  return tokens.map((t, i) => {
    const k = (seen.get(t) ?? 0) + 1;
    seen.set(t, k);
    return k === 1 ? t : `${t} (${i + 1})`;
  });
}
