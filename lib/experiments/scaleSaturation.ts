import { normalMatrix } from "../core/normalMatrix";
import { rng } from "../core/random";
import { softmax } from "../attention/softmax";
import { entropy } from "../analysis/entropy";
import { dotScoreMatrix } from "../scores/dot";

/** Options of {@link scaleSaturation}. */
export interface ScaleSaturationOptions {
  /** Keys per query, n (default 16). */
  keys?: number;
  /** Queries sampled per dimension (default 200). */
  samples?: number;
  /** Seed of the random source (default 1); each dimension gets its own stream. */
  seed?: number;
}

const DEFAULTS: Required<ScaleSaturationOptions> = { keys: 16, samples: 200, seed: 1 };

/** What {@link scaleSaturation} measures at one dimension d. */
export interface ScaleSaturationPoint {
  d: number;
  /** Sample standard deviation of qᵀk over every (query, key) pair: about √d. */
  std: number;
  /** The same for qᵀk/√d: about 1 at every d. */
  stdScaled: number;
  /** Mean over queries of the largest softmax weight of the raw scores qᵀk. */
  maxWeight: number;
  /** Mean largest weight of the scaled scores qᵀk/√d. */
  maxWeightScaled: number;
  /** Mean entropy (nats) of the weights of the raw scores; log n means uniform, 0 one-hot. */
  entropy: number;
  /** Mean entropy of the weights of the scaled scores. */
  entropyScaled: number;
}

/** The random stream of one dimension: independent of which other dimensions are measured. */
function stream(seed: number, d: number) {
  return rng((Math.imul(seed, 7919) + d) >>> 0);
}

/** One sampled query of {@link scaleSaturation}: its scores and weights, raw and scaled. */
export interface ScaleSaturationSample {
  /** (n) qᵀk_j */
  raw: Float64Array;
  /** (n) qᵀk_j / √d */
  scaled: Float64Array;
  /** (n) softmax of the raw scores. */
  weights: Float64Array;
  /** (n) softmax of the scaled scores. */
  weightsScaled: Float64Array;
}

/**
 * The first query that {@link scaleSaturation} samples at dimension d (same seed, same numbers):
 * its n scores and softmax weights, with and without dividing by √d.
 *
 * $$\alpha = \operatorname{softmax}(q K^\top) \quad\text{vs}\quad \alpha' = \operatorname{softmax}\!\left(\tfrac{q K^\top}{\sqrt d}\right)$$
 *
 * @example
 * const s = scaleSaturationSample(64, 4, 1);
 * [s.raw.length, +(s.raw[0] / 8 - s.scaled[0]).toFixed(12), +s.weights.reduce((a, b) => a + b).toFixed(12)];
 * // returns [4, 0, 1]
 *
 * @see {@link scaleSaturation}
 */
export function scaleSaturationSample(d: number, keys: number, seed: number): ScaleSaturationSample {
  if (!Number.isInteger(d) || d < 1)
    throw new RangeError(`scaleSaturationSample: d must be an integer ≥ 1, got ${d}`);
  if (!Number.isInteger(keys) || keys < 2)
    throw new RangeError(`scaleSaturationSample: keys must be an integer ≥ 2, got ${keys}`);
  const random = stream(seed, d);
  const q = normalMatrix(1, d, random); // (1, d)
  const K = normalMatrix(keys, d, random); // (n, d)
  const raw = dotScoreMatrix(q, K).row(0).slice(); // (n)
  const scaled = raw.map((x) => x / Math.sqrt(d));
  return { raw, scaled, weights: softmax(raw), weightsScaled: softmax(scaled) };
}

/**
 * Why dot-product attention divides by √d: for q and k with independent N(0, 1) entries, measure
 * the spread of qᵀk and how peaked softmax over n keys becomes, with and without the scaling.
 *
 * $$\operatorname{Var}(q^\top k) = \sum_{i=1}^{d} \operatorname{Var}(q_i k_i) = d,\qquad \operatorname{std}\!\left(\tfrac{q^\top k}{\sqrt d}\right) = 1$$
 *
 * @example
 * scaleSaturation([1, 256], { keys: 8, samples: 400, seed: 3 }).map((p) => [p.d, Math.round(p.std), Math.round(p.stdScaled), p.maxWeight > p.maxWeightScaled]);
 * // returns [[1, 1, 1, false], [256, 16, 1, true]]
 *
 * @see {@link scaledDotScoreMatrix}, {@link softmax}, {@link entropy}
 */
export function scaleSaturation(
  dims: readonly number[],
  options: ScaleSaturationOptions = {},
): ScaleSaturationPoint[] {
  const o = { ...DEFAULTS, ...options };
  if (!Number.isInteger(o.keys) || o.keys < 2)
    throw new RangeError(`scaleSaturation: keys must be an integer ≥ 2, got ${o.keys}`);
  if (!Number.isInteger(o.samples) || o.samples < 2) {
    throw new RangeError(`scaleSaturation: samples must be an integer ≥ 2, got ${o.samples}`);
  }
  return dims.map((d) => {
    if (!Number.isInteger(d) || d < 1)
      throw new RangeError(`scaleSaturation: each dimension must be an integer ≥ 1, got ${d}`);
    const random = stream(o.seed, d);
    const root = Math.sqrt(d);
    let sum = 0;
    let sumSq = 0;
    let maxW = 0;
    let maxWs = 0;
    let ent = 0;
    let ents = 0;
    const scaled = new Float64Array(o.keys);
    for (let s = 0; s < o.samples; s++) {
      const q = normalMatrix(1, d, random); // (1, d)
      const K = normalMatrix(o.keys, d, random); // (n, d)
      const raw = dotScoreMatrix(q, K).row(0); // (n)
      for (let j = 0; j < raw.length; j++) {
        sum += raw[j];
        sumSq += raw[j] * raw[j];
        scaled[j] = raw[j] / root;
      }
      const w = softmax(raw);
      const ws = softmax(scaled);
      maxW += Math.max(...w);
      maxWs += Math.max(...ws);
      ent += entropy(w);
      ents += entropy(ws);
    }
    const count = o.samples * o.keys;
    const mean = sum / count;
    const std = Math.sqrt(Math.max(0, (sumSq - count * mean * mean) / (count - 1)));
    return {
      d,
      std,
      stdScaled: std / root,
      maxWeight: maxW / o.samples,
      maxWeightScaled: maxWs / o.samples,
      entropy: ent / o.samples,
      entropyScaled: ents / o.samples,
    };
  });
}
