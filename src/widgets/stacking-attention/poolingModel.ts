import { attentionPool, conv1d, lastPool, leakyStates, maxPool, meanPool, tokenize } from "../../../lib";
import { fixed, formats } from "../primitives/format";
import { texVector } from "../primitives/texNumbers";
import { fields } from "../primitives/urlState";
import { ASPECTS, type Aspect, FEATURES, aspectQuery, embed } from "./lexicon";

export const MAX_WORDS = 25;
/** The convolution's hand-set filters: one per aspect, and praise (+mood) and complaint (−mood). */
export const FILTERS = ["food", "service", "price", "praise", "complaint"] as const;

/** The state a link to this widget reproduces (seed included). */
export const poolSpec = {
  // Up to 25 words in 150 characters, each word at most 20 (any script).
  text: fields.text("the soup was bland but the waiter was friendly and the bill was cheap", {
    maxLength: 150,
    maxWord: 20,
  }),
  aspect: fields.choice<Aspect>("food", ASPECTS),
  kappa: fields.number(4, 0, 10),
  lambda: fields.number(0.6, 0, 0.95),
  k: fields.int(2, 1, 4),
  seed: fields.int(1, 0, 99999),
  /** The word (0-based) whose state and weight the equation writes out. */
  word: fields.int(0, 0, MAX_WORDS - 1),
};

export interface PoolInput {
  text: string;
  aspect: Aspect;
  kappa: number;
  lambda: number;
  k: number;
  seed: number;
  word: number;
}

export interface PoolView {
  words: string[];
  /** (n, 4) the word vectors x_t and the recurrent states h_t. */
  X: number[][];
  H: number[][];
  /** (n) the attention scores u·tanh(h_t). */
  seqScores: number[];
  aspectIndex: number;
  kappa: number;
  lambda: number;
  /** The word (0-based) of the equation, clamped to the sentence. */
  word: number;
  /** (3, 4) last, mean and attention pooling of the recurrent states. */
  seq: number[][];
  /** (n) attention weights over the states. */
  seqWeights: number[];
  conv: {
    /** The k-gram each row of the feature map reads. */
    grams: string[];
    /** (n − k + 1, 5) feature map. */
    map: number[][];
    maxPooled: number[];
    argmax: number[];
    attPooled: number[];
    attWeights: number[];
  } | null;
  convError?: string;
}

export type PoolOutcome = { ok: true; view: PoolView } | { ok: false; error: string };

/** Hand-set filters of width k over [food, service, price, mood] vectors, each averaging its feature. */
export function convFilters(k: number): number[][] {
  const d = FEATURES.length;
  const pick: [number, number][] = [
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 1],
    [3, -1],
  ];
  return pick.map(([c, sign]) => Array.from({ length: k * d }, (_, i) => (i % d === c ? sign / k : 0)));
}

/** Encode the reader's sentence, then pool it by last state, mean and attention; and convolve and pool. */
export function computePool(s: PoolInput): PoolOutcome {
  const long = poolSpec.text.message(s.text, "The sentence");
  if (long) return { ok: false, error: long };
  const ws = tokenize(s.text);
  if (ws.length === 0) return { ok: false, error: "The sentence has no words: type a few." };
  if (ws.length > MAX_WORDS)
    return { ok: false, error: `The sentence has ${ws.length} words; at most ${MAX_WORDS} are allowed.` };
  const X = ws.map((w) => embed(w, s.seed)); // (n, 4)
  const H = leakyStates(X, s.lambda); // (n, 4)
  const att = attentionPool(H, aspectQuery(s.aspect, s.kappa));
  const view: PoolView = {
    words: ws,
    X,
    H: H.toArray(),
    seqScores: Array.from(att.scores),
    aspectIndex: ASPECTS.indexOf(s.aspect),
    kappa: s.kappa,
    lambda: s.lambda,
    word: Math.min(s.word, ws.length - 1),
    seq: [Array.from(lastPool(H)), Array.from(meanPool(H)), Array.from(att.pooled)],
    seqWeights: Array.from(att.weights),
    conv: null,
  };
  if (ws.length < s.k) {
    view.convError = `The convolution needs at least ${s.k} words for width k = ${s.k}.`;
    return { ok: true, view };
  }
  const C = conv1d(X, convFilters(s.k)); // (n − k + 1, 5)
  const mx = maxPool(C);
  const ap = attentionPool(C, aspectQuery(s.aspect, s.kappa, FILTERS.length));
  view.conv = {
    grams: Array.from({ length: C.rows }, (_, t) => ws.slice(t, t + s.k).join(" ")),
    map: C.toArray(),
    maxPooled: Array.from(mx.pooled),
    argmax: Array.from(mx.argmax),
    attPooled: Array.from(ap.pooled),
    attWeights: Array.from(ap.weights),
  };
  return { ok: true, view };
}

const vec = (v: ArrayLike<number>) => texVector(v, formats.entry);

/**
 * The equation of the selected word t with its numbers: the leaky state h_t, its score (W = I and
 * b = 0 are set by hand, and only the aspect's entry of u is not 0), its weight α_t, and the
 * attention-pooled sentence vector. Vectors print with 4 significant digits (as the sentence
 * vector table), weights with 2 decimals (as under the words).
 */
export function poolTex(v: PoolView): string {
  const t = v.word;
  const T = t + 1;
  const a = v.aspectIndex;
  const k = formats.score(v.kappa);
  const lam = formats.score(v.lambda);
  const rest = formats.score(1 - v.lambda);
  const state =
    t === 0
      ? `h_{1} &= (1 - \\lambda)\\, x_{1} = ${rest} \\cdot ${vec(v.X[0])} = ${vec(v.H[0])} && h_0 = 0 \\\\`
      : `h_{${T}} &= \\lambda h_{${t}} + (1 - \\lambda)\\, x_{${T}} = ${lam} \\cdot ${vec(v.H[t - 1])} + ${rest} \\cdot ${vec(v.X[t])} = ${vec(v.H[t])} \\\\`;
  return [
    "\\begin{aligned}",
    state,
    `e_{${T}} &= u^{\\top} \\tanh(h_{${T}}) = ${k}\\,\\tanh(${formats.entry(v.H[t][a])}) = ${formats.score(v.seqScores[t])} && W = I,\\ b = 0;\\ \\text{the other 3 entries of } u \\text{ are } 0 \\\\`,
    `\\alpha_{${T}} &= \\frac{e^{e_{${T}}}}{\\sum_s e^{e_s}} = \\frac{${formats.score(Math.exp(v.seqScores[t]))}}{${formats.score(v.seqScores.reduce((z, x) => z + Math.exp(x), 0))}} = ${fixed(v.seqWeights[t], 2)} \\\\`,
    `c &= \\textstyle\\sum_s \\alpha_s h_s = ${vec(v.seq[2])}`,
    "\\end{aligned}",
  ].join("\n");
}
