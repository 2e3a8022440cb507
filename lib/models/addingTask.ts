import { type Rng, rng } from "../core/random";
import { excerpt } from "../core/excerpt";

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

/**
 * Parse a reader's adding-problem sequence: `length` values in [0, 1], separated by spaces or
 * commas, exactly two of them marked with a trailing `*` (one in each half, as in training).
 * Throws a RangeError with a short message otherwise.
 *
 * $$u \in [0, 1]^{T},\quad m_i = m_j = 1,\ i < \lfloor T/2 \rfloor \le j$$
 *
 * @example
 * models.parseAddingSequence("0.5* 0.1 0.2 0.3*", 4);
 * // returns {"values": [0.5, 0.1, 0.2, 0.3], "marks": [0, 3]}
 */
export function parseAddingSequence(
  text: string,
  length: number,
): { values: number[]; marks: [number, number] } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length !== length)
    throw new RangeError(`Give ${length} values, one per time step; that is ${parts.length}.`);
  const values: number[] = [];
  const marks: number[] = [];
  parts.forEach((p, t) => {
    const marked = p.endsWith("*");
    const s = marked ? p.slice(0, -1) : p;
    const v = /^(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`"${excerpt(p)}" is not a value from 0 to 1.`);
    values.push(v);
    if (marked) marks.push(t);
  });
  const half = Math.floor(length / 2);
  if (marks.length !== 2 || marks[0] >= half || marks[1] < half)
    throw new RangeError(
      `Mark two values with *, one among the first ${half} and one among the last ${length - half}.`,
    );
  return { values, marks: [marks[0], marks[1]] };
}
