import {
  Matrix,
  gumbelSoftmax,
  hardAttention,
  localMAttention,
  rng,
  sampleHard,
  softmax,
} from "../../../lib";
import { fields } from "../primitives/urlState";
import { parseNumberList } from "../primitives/parseList";

export const MODES = ["soft", "hard", "local"] as const;
export type Mode = (typeof MODES)[number];

/** The state a link to this widget reproduces (the seed included). */
export const shlSpec = {
  scores: fields.text("1.2 0.3 2 -0.5 0.8 1.5 -1 0.4", { maxLength: 120, ascii: true }),
  mode: fields.choice<Mode>("soft", MODES),
  D: fields.int(2, 1, 6),
  p: fields.number(3, 0, 11),
  tau: fields.number(1, 0.05, 5),
  n: fields.int(20, 1, 500),
  seed: fields.int(1, 0, 99999),
  /** The position (0-based) whose weight the equation writes out. */
  pos: fields.int(2, 0, 11),
};

export interface ShlInput {
  scores: string;
  mode: Mode;
  D: number;
  p: number;
  tau: number;
  n: number;
  seed: number;
  pos: number;
}

export interface ShlResult {
  scores: number[];
  soft: number[];
  argmax: number;
  /** Frequencies of n categorical samples (sampleHard). */
  freq: number[];
  /** The first few Gumbel-softmax samples, (3, S). */
  gumbel: number[][];
  /** Mean of the n Gumbel-softmax samples, (S). */
  gumbelMean: number[];
  /** Mean over samples of the largest entry: 1 when every sample is one-hot. */
  oneHotness: number;
  /** Total-variation distance between the mean of the Gumbel samples and the soft weights. */
  tv: number;
  local: {
    window: [number, number];
    align: number[];
    gaussian: number[];
    weights: number[];
    mass: number;
  } | null;
  localError?: string;
}

export type ShlOutcome = { ok: true; result: ShlResult } | { ok: false; error: string };

const tvDistance = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / 2;

/**
 * Run soft, hard (argmax, sampling, Gumbel-softmax) and local attention over the same scores.
 * The scores act as logits: a query h_t = scores against one-hot keys h̄_s = e_s gives h_tᵀh̄_s = score_s.
 */
export function computeShl(s: ShlInput): ShlOutcome {
  const long = shlSpec.scores.message(s.scores, "The scores");
  if (long) return { ok: false, error: long };
  const parsed = parseNumberList(s.scores, "Scores", 2, 12, 50);
  if (!parsed.ok) return parsed;
  const scores = parsed.value;
  const S = scores.length;
  const eye = Matrix.fromFn(S, S, (i, j) => (i === j ? 1 : 0)); // (S, S) one-hot keys
  const soft = Array.from(softmax(scores));
  const argmax = hardAttention([scores], eye).index[0];
  const softRows = Array.from({ length: s.n }, () => soft); // (n, S)
  const drawn = sampleHard(softRows, rng(s.seed)).index;
  const freq = new Array<number>(S).fill(0);
  for (const j of drawn) freq[j] += 1 / s.n;
  const G = gumbelSoftmax(
    Array.from({ length: s.n }, () => scores),
    s.tau,
    rng(s.seed + 7919),
  ).toArray(); // (n, S)
  const gumbelMean = soft.map((_, j) => G.reduce((acc, row) => acc + row[j], 0) / s.n);
  const oneHotness = G.reduce((acc, row) => acc + Math.max(...row), 0) / s.n;
  const result: ShlResult = {
    scores,
    soft,
    argmax,
    freq,
    gumbel: G.slice(0, 3),
    gumbelMean,
    oneHotness,
    tv: tvDistance(gumbelMean, soft),
    local: null,
  };
  if (s.p > S - 1) {
    result.localError = `pₜ = ${s.p + 1} is past the last position (${S}); move it back inside the sequence.`;
    return { ok: true, result };
  }
  const loc = localMAttention([scores], eye, [s.p], { D: s.D });
  const weights = Array.from(loc.weights.row(0));
  result.local = {
    window: loc.window[0],
    align: Array.from(loc.align.row(0)),
    gaussian: Array.from(loc.gaussian.row(0)),
    weights,
    mass: weights.reduce((a, b) => a + b, 0),
  };
  return { ok: true, result };
}
