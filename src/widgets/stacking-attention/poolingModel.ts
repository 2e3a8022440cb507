import { attentionPool, conv1d, lastPool, leakyStates, maxPool, meanPool, tokenize } from "../../../lib";
import { fields } from "../primitives/urlState";
import { ASPECTS, type Aspect, FEATURES, aspectQuery, embed } from "./lexicon";

export const MAX_WORDS = 25;
/** The convolution's hand-set filters: one per aspect, and praise (+mood) and complaint (−mood). */
export const FILTERS = ["food", "service", "price", "praise", "complaint"] as const;

/** The state a link to this widget reproduces (seed included). */
export const poolSpec = {
  text: fields.text("the soup was bland but the waiter was friendly and the bill was cheap", 1000),
  aspect: fields.choice<Aspect>("food", ASPECTS),
  kappa: fields.number(4, 0, 10),
  lambda: fields.number(0.6, 0, 0.95),
  k: fields.int(2, 1, 4),
  seed: fields.int(1, 0, 99999),
};

export interface PoolInput {
  text: string;
  aspect: Aspect;
  kappa: number;
  lambda: number;
  k: number;
  seed: number;
}

export interface PoolView {
  words: string[];
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
  const ws = tokenize(s.text);
  if (ws.length === 0) return { ok: false, error: "The sentence has no words: type a few." };
  if (ws.length > MAX_WORDS)
    return { ok: false, error: `The sentence has ${ws.length} words; at most ${MAX_WORDS} are allowed.` };
  const X = ws.map((w) => embed(w, s.seed)); // (n, 4)
  const H = leakyStates(X, s.lambda); // (n, 4)
  const att = attentionPool(H, aspectQuery(s.aspect, s.kappa));
  const view: PoolView = {
    words: ws,
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
