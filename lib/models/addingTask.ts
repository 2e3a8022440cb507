import { type Rng, rng } from "../core/random";

/**
 * A batch of the adding problem, time-major: `values` and `marks` are (T × B) row-major, so row t
 * is every sequence's input at time t.
 */
export interface AddingBatch {
  size: number;
  length: number;
  values: Float64Array;
  marks: Float64Array;
  /** (B) the sum of each sequence's two marked values. */
  targets: Float64Array;
}

/** A prediction within this of the target counts as correct (Hochreiter & Schmidhuber, 1997). */
export const ADDING_TOLERANCE = 0.04;

const HELD_OUT_SEED = 20_260_116;

/**
 * Sample adding-problem sequences: values uniform in [0, 1), one mark in the first half and one
 * in the second; the target is the sum of the two marked values. Predicting the mean, 1, scores
 * a mean squared error of 1/6.
 *
 * $$y = \sum_{t=1}^{T} m_t u_t,\quad u_t \sim \mathcal{U}[0, 1),\ \textstyle\sum_t m_t = 2$$
 *
 * @example
 * const b = models.addingBatch(rng(1), 4, 10); [b.values.length, b.marks.reduce((s, m) => s + m, 0)];
 * // returns [40, 8]
 *
 * @see {@link addingHeldOut}
 */
export function addingBatch(r: Rng, size: number, length: number): AddingBatch {
  if (!(Number.isInteger(length) && length >= 2))
    throw new RangeError(`addingBatch: length must be ≥ 2, got ${length}`);
  const values = new Float64Array(length * size);
  const marks = new Float64Array(length * size);
  const targets = new Float64Array(size);
  for (let i = 0; i < values.length; i++) values[i] = r.uniform();
  const half = Math.floor(length / 2);
  for (let b = 0; b < size; b++) {
    const first = r.int(half);
    const second = half + r.int(length - half);
    marks[first * size + b] = 1;
    marks[second * size + b] = 1;
    targets[b] = values[first * size + b] + values[second * size + b];
  }
  return { size, length, values, marks, targets };
}

/**
 * The held-out set of the adding problem: the same sequences for every seed.
 *
 * $$\mathcal{D}_{\text{held-out}} = \{(u, m, y)\}_{k=1}^{n}$$
 *
 * @example
 * models.addingHeldOut(40, 8).size;
 * // returns 8
 */
export function addingHeldOut(length: number, size = 256): AddingBatch {
  return addingBatch(rng(HELD_OUT_SEED + length), size, length);
}
