import { type VectorLike, assertFinite } from "../core/matrix";

/**
 * Shannon entropy of a probability vector, in nats (0·log 0 counts as 0).
 *
 * $$H(p) = -\sum_i p_i \log p_i,\qquad 0 \le H(p) \le \log n$$
 *
 * @example
 * [entropy([0.5, 0.5]), entropy([1, 0, 0])].map((x) => +x.toFixed(4));
 * // returns [0.6931, 0]
 *
 * @see {@link softmax}, {@link scaleSaturation}
 */
export function entropy(p: VectorLike): number {
  if (p.length === 0) throw new RangeError("entropy: empty input; need at least one probability");
  assertFinite("entropy: p", p);
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    if (x < 0) throw new RangeError(`entropy: entry ${i} is ${x}; probabilities cannot be negative`);
    if (x > 0) h -= x * Math.log(x);
  }
  return h;
}
