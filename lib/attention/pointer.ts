import type { VectorLike } from "../core/matrix";
import { allowVector, maskedSoftmaxRows } from "./mask";

/** One step of a pointer decoder: scores over input positions, the mask, the distribution, the pick. */
export interface PointerStep {
  /** (n) scores of every input position (also the masked ones). */
  scores: Float64Array;
  /** (n) 1 where the position may still be pointed at. */
  allow: Uint8Array;
  /** (n) the pointer distribution: softmax over the allowed positions, 0 elsewhere. */
  probs: Float64Array;
  /** The position pointed at (argmax of probs, ties → lowest index). */
  choice: number;
}

/** Options of {@link pointerSort}. */
export interface PointerSortOptions {
  /** Sharpness β of the hand-set score; default 8. */
  beta?: number;
  /** "ascending" (default) or "descending". */
  order?: "ascending" | "descending";
}

/** What {@link pointerSort} returns. */
export interface PointerSortResult {
  /** One entry per output step. */
  steps: PointerStep[];
  /** (n) the positions pointed at, in output order. */
  order: Int32Array;
  /** Π_t p_t(choice_t): the probability the pointer distributions give this whole output. */
  probability: number;
}

const DEFAULTS: Required<PointerSortOptions> = { beta: 8, order: "ascending" };

/**
 * One pointer step: a softmax over the allowed input positions; the output is a position, not a word.
 *
 * $$p(y_t = j) = \frac{M_j\, e^{u_j}}{\sum_k M_k\, e^{u_k}},\qquad y_t = \arg\max_j p(y_t = j)$$
 *
 * @example
 * pointerStep([0, 2, 1], [1, 0, 1]).choice;
 * // returns 2
 *
 * @see {@link pointerSort}, {@link maskedSoftmaxRows}
 */
export function pointerStep(scores: VectorLike, allow: ArrayLike<boolean | number>): PointerStep {
  const n = scores.length;
  if (n === 0) throw new RangeError("pointerStep: the input is empty; need at least one position");
  if (allow.length !== n) {
    throw new RangeError(`pointerStep: scores have length ${n} but the mask has length ${allow.length}`);
  }
  const s = Float64Array.from(scores); // (n)
  const a = allowVector("pointerStep", "mask", allow); // (n)
  const probs = maskedSoftmaxRows([Array.from(s)], a, 1, "pointerStep").row(0); // (n)
  let choice = -1;
  for (let j = 0; j < n; j++) if (a[j] && (choice < 0 || probs[j] > probs[choice])) choice = j;
  return { scores: s, allow: a, probs, choice };
}

/**
 * Sort by pointing, with a hand-set (not learned) score: near the last value chosen, on the right side of it.
 *
 * $$u_j^{(t)} = -\beta\,\frac{x_j - c_{t-1}}{r},\quad c_0 = \min_j x_j,\ r = \max_j x_j - \min_j x_j,\quad \text{chosen positions masked}$$
 *
 * @example
 * Array.from(pointerSort([3, 1, 2]).order);
 * // returns [1, 2, 0]
 *
 * @see {@link pointerStep}
 */
export function pointerSort(x: VectorLike, options: PointerSortOptions = {}): PointerSortResult {
  const o = { ...DEFAULTS, ...options };
  const n = x.length;
  if (n === 0) throw new RangeError("pointerSort: the input is empty; need at least one number");
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(x[j]))
      throw new RangeError(`pointerSort: x[${j}] is ${x[j]}; every input must be finite`);
  }
  if (!(o.beta >= 0) || !Number.isFinite(o.beta)) {
    throw new RangeError(`pointerSort: β must be a finite number ≥ 0, got ${o.beta}`);
  }
  const sign = o.order === "ascending" ? 1 : -1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    lo = Math.min(lo, x[j]);
    hi = Math.max(hi, x[j]);
  }
  const range = hi > lo ? hi - lo : 1;
  let last = sign > 0 ? lo : hi; // c_0: the start of the order
  const allow = new Uint8Array(n).fill(1); // (n)
  const steps: PointerStep[] = [];
  const order = new Int32Array(n);
  let probability = 1;
  for (let t = 0; t < n; t++) {
    const scores = new Float64Array(n); // (n)
    // β last: (x_j − c)/r is in [−1, 1], so even the largest finite β gives finite scores.
    for (let j = 0; j < n; j++) scores[j] = -o.beta * ((sign * (x[j] - last)) / range);
    const step = pointerStep(scores, allow);
    steps.push(step);
    order[t] = step.choice;
    probability *= step.probs[step.choice];
    allow[step.choice] = 0;
    last = x[step.choice];
  }
  return { steps, order, probability };
}
