import { rng, scaledDotProduct } from "../../../lib";
import { fields } from "../primitives/urlState";

/** The state of the worked example: two raw scores and the key size (the chapter's 112, 96, 64). */
export const workedSpec = {
  s1: fields.number(112, -1000, 1000),
  s2: fields.number(96, -1000, 1000),
  dk: fields.choice("64", ["4", "16", "64", "256", "1024"] as const),
};

export interface WorkedResult {
  raw: [number, number];
  root: number;
  scaled: [number, number];
  weights: [number, number];
}

/**
 * Build q = (1, …, 1) and keys k_j = (s_j/d_k, …) so that q·k_j = s_j, then run the library's
 * scaled dot-product attention on them.
 */
export function computeWorked(s: { s1: number; s2: number; dk: string }): WorkedResult {
  const dk = Number(s.dk);
  const q = [Array<number>(dk).fill(1)]; // (1, d_k)
  const K = [Array<number>(dk).fill(s.s1 / dk), Array<number>(dk).fill(s.s2 / dk)]; // (2, d_k)
  const r = scaledDotProduct(q, K, [[1], [0]]);
  const scaled = r.scores.toArray()[0];
  const w = r.weights.toArray()[0];
  const root = Math.sqrt(dk);
  return {
    raw: [scaled[0] * root, scaled[1] * root],
    root,
    scaled: [scaled[0], scaled[1]],
    weights: [w[0], w[1]],
  };
}

/** Random (query, key) pairs drawn to measure how raw scores spread at a given d_k. */
export const SPREAD_PAIRS = 1000;

/**
 * The standard deviation of q·k, and of q·k/√d_k, over SPREAD_PAIRS random pairs whose entries
 * are independent standard normals (seed 1): about √d_k and about 1, since Var(q·k) = d_k.
 */
export function scoreSpread(dk: number): { raw: number; scaled: number } {
  const r = rng(1);
  let sumSq = 0;
  for (let p = 0; p < SPREAD_PAIRS; p++) {
    let s = 0;
    for (let i = 0; i < dk; i++) s += r.normal() * r.normal();
    sumSq += s * s;
  }
  const raw = Math.sqrt(sumSq / SPREAD_PAIRS);
  return { raw, scaled: raw / Math.sqrt(dk) };
}
