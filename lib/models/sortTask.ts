import { type Rng, rng } from "../core/random";
import { excerpt } from "../core/excerpt";

/** The length of every training list. */
export const SORT_LENGTH = 5;
/** The longest list a reader may give the trained model. */
export const SORT_MAX_LENGTH = 12;

/**
 * A batch of equal-length lists of numbers and, for each, the positions of its values in
 * ascending order (0-based; ties keep their input order).
 */
export interface SortBatch {
  size: number;
  length: number;
  /** (size, length) row-major: the lists. */
  xs: Float64Array;
  /** (size, length) row-major: row b is the ascending order of list b, as positions. */
  order: Int32Array;
}

const HELD_OUT_SEED = 20_260_707;
/** Lists of length 5 in the held-out set. */
export const SORT_HELD_OUT_SIZE = 500;

/**
 * The positions of `xs` in ascending order of their values; equal values keep their input order
 * (a stable sort).
 *
 * $$\pi = \operatorname{argsort}(x),\quad x_{\pi_1} \le x_{\pi_2} \le \dots \le x_{\pi_n}$$
 *
 * @example
 * Array.from(models.ascendingOrder([0.3, 0.1, 0.2]));
 * // returns [1, 2, 0]
 */
export function ascendingOrder(xs: ArrayLike<number>): Int32Array {
  const idx = Array.from({ length: xs.length }, (_, i) => i);
  idx.sort((a, b) => xs[a] - xs[b] || a - b);
  return Int32Array.from(idx);
}

/**
 * A batch of `size` lists of `length` numbers, each drawn uniformly from [0, 1), with their
 * ascending orders.
 *
 * $$x_i \sim \mathcal{U}[0, 1),\quad i = 1, \dots, n$$
 *
 * @example
 * models.sortBatch(rng(1), 4, 5).order.length;
 * // returns 20
 */
export function sortBatch(r: Rng, size: number, length: number): SortBatch {
  const rows: number[][] = [];
  for (let b = 0; b < size; b++) rows.push(Array.from({ length }, () => r.uniform()));
  return makeSortBatch(rows);
}

/**
 * Stack lists of one length into a {@link SortBatch}. Throws a RangeError for no lists or lists of
 * different lengths.
 *
 * $$X \in \mathbb{R}^{B \times n}$$
 *
 * @example
 * models.makeSortBatch([[0.5, 0.25]]).order[0];
 * // returns 1
 */
export function makeSortBatch(rows: readonly (readonly number[])[]): SortBatch {
  if (rows.length === 0) throw new RangeError("makeSortBatch: no lists");
  const size = rows.length;
  const length = rows[0].length;
  const xs = new Float64Array(size * length);
  const order = new Int32Array(size * length);
  rows.forEach((row, b) => {
    if (row.length !== length) {
      throw new RangeError(`makeSortBatch: list ${b} has ${row.length} numbers; list 0 has ${length}`);
    }
    xs.set(row, b * length);
    order.set(ascendingOrder(row), b * length);
  });
  return { size, length, xs, order };
}

/**
 * A seeded stream of training batches: `size` lists of {@link SORT_LENGTH} numbers from
 * U[0, 1). Values are continuous, so a held-out list (drawn from another seed) is never trained on.
 *
 * $$x \sim \mathcal{U}[0, 1)^{5}$$
 *
 * @example
 * const next = models.sortStream(1, 8); next().size;
 * // returns 8
 */
export function sortStream(seed: number, size: number, length = SORT_LENGTH): () => SortBatch {
  const r = rng(seed);
  return () => sortBatch(r, size, length);
}

/**
 * The held-out set: 500 lists of 5 numbers from a fixed seed, the same for every run.
 *
 * $$\mathcal{D}_{\text{held-out}} = \{(x, \operatorname{argsort} x)\},\ |\mathcal{D}| = 500$$
 *
 * @example
 * models.sortHeldOut().size;
 * // returns 500
 */
export function sortHeldOut(): SortBatch {
  return sortBatch(rng(HELD_OUT_SEED), SORT_HELD_OUT_SIZE, SORT_LENGTH);
}

/**
 * Parse a reader's list for the trained pointer network: 1 to {@link SORT_MAX_LENGTH} numbers
 * from 0 to 1, separated by spaces or commas (a decimal comma is not accepted: "0,5" reads as
 * 0 and 5). Throws a RangeError with a short message otherwise.
 *
 * $$x \in [0, 1]^{n},\ 1 \le n \le 12$$
 *
 * @example
 * models.parseUnitList("0.3, 0.1 0.2");
 * // returns [0.3, 0.1, 0.2]
 */
export function parseUnitList(text: string): number[] {
  const parts = text
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (parts.length === 0) throw new RangeError("Type 1 to 12 numbers from 0 to 1, e.g. 0.3 0.9 0.1.");
  const xs: number[] = [];
  for (const p of parts) {
    const x = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(p) ? Number(p) : NaN;
    if (!Number.isFinite(x)) throw new RangeError(`"${excerpt(p)}" is not a number.`);
    if (x < 0 || x > 1) throw new RangeError(`${p} is outside 0 to 1, the range the model was trained on.`);
    xs.push(x);
  }
  if (xs.length > SORT_MAX_LENGTH)
    throw new RangeError(`That is ${xs.length} numbers; give at most ${SORT_MAX_LENGTH}.`);
  return xs;
}

/**
 * Score a decoding against the ascending order: a step is right when it points at the right
 * value (so two equal values may come out in either order), a list when every step is right.
 *
 * $$\text{per-step} = \frac{1}{Bn}\sum_{b,t} [x_{b,\hat\pi_{b,t}} = x_{b,\pi_{b,t}}],\qquad \text{exact} = \frac{1}{B}\sum_b \prod_t [\dots]$$
 *
 * Shapes: `chosen` (size, length) row-major, like `batch.order`.
 *
 * @example
 * models.sortScore(models.makeSortBatch([[0.2, 0.1]]), Int32Array.from([1, 0])).exactOrder;
 * // returns 1
 */
export function sortScore(
  batch: SortBatch,
  chosen: ArrayLike<number>,
): { perStep: number; exactOrder: number } {
  const { size: B, length: L, xs, order } = batch;
  if (chosen.length !== B * L) {
    throw new RangeError(`sortScore: ${chosen.length} choices for ${B} lists of ${L}`);
  }
  let right = 0;
  let exact = 0;
  for (let b = 0; b < B; b++) {
    let all = true;
    for (let t = 0; t < L; t++) {
      if (xs[b * L + chosen[b * L + t]] === xs[b * L + order[b * L + t]]) right++;
      else all = false;
    }
    if (all) exact++;
  }
  return { perStep: right / (B * L), exactOrder: exact / B };
}

/** A named set of lists on which to measure where a trained sorter fails. */
export interface SortStressSet {
  /** Short name, e.g. "length 8". */
  label: string;
  /** What is special about these lists, in a few words. */
  note: string;
  batch: SortBatch;
}

const STRESS_SEED = 20_261_130;
/** Lists per stress set. */
export const SORT_STRESS_SIZE = 300;

/**
 * The stress sets, the same for every run: the held-out lengths 5 for reference; lists of 5
 * where two values are closer than 0.01 or 0.001 (the other three uniform); lists of 5 where
 * one value appears twice; and longer lists (8 and 12) than any trained on.
 *
 * $$x_k = x_l + \delta,\ \delta \sim \mathcal{U}(0, \varepsilon);\qquad x_k = x_l;\qquad n \in \{8, 12\}$$
 *
 * @example
 * models.sortStressSets().map((s) => s.label)[3];
 * // returns "a tie"
 */
export function sortStressSets(): SortStressSet[] {
  const r = rng(STRESS_SEED);
  const lists = (make: () => number[]) => makeSortBatch(Array.from({ length: SORT_STRESS_SIZE }, make));
  const uniform = (n: number) => Array.from({ length: n }, () => r.uniform());
  /** Four uniform values and a fifth at `offset(·)` from one of them, at a random position. */
  const withPartner = (offset: () => number) => () => {
    const x = uniform(SORT_LENGTH - 1);
    const partner = Math.min(1, Math.max(0, x[r.int(x.length)] + offset()));
    x.splice(r.int(SORT_LENGTH), 0, partner);
    return x;
  };
  const near = (eps: number) => withPartner(() => (r.uniform() < 0.5 ? -1 : 1) * eps * r.uniform());
  return [
    { label: "length 5", note: "like training", batch: lists(() => uniform(SORT_LENGTH)) },
    { label: "close pair < 0.01", note: "two values closer than 0.01", batch: lists(near(0.01)) },
    { label: "close pair < 0.001", note: "two values closer than 0.001", batch: lists(near(0.001)) },
    { label: "a tie", note: "one value twice", batch: lists(withPartner(() => 0)) },
    { label: "length 8", note: "longer than trained", batch: lists(() => uniform(8)) },
    { label: "length 12", note: "longer than trained", batch: lists(() => uniform(12)) },
  ];
}
