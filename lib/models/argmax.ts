import type { Tensor } from "../autograd";

/**
 * The index of the largest entry of each row (the first one on a tie): a classifier's prediction
 * from its logits.
 *
 * $$\hat{y}_i = \arg\max_j z_{ij}$$
 *
 * @example
 * Array.from(models.argmaxRows(autograd.constant([[0, 2, 1], [5, 5, 0]])));
 * // returns [1, 0]
 */
export function argmaxRows(x: Tensor): Int32Array {
  const out = new Int32Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let best = 0;
    for (let j = 1; j < x.cols; j++) if (x.data[i * x.cols + j] > x.data[i * x.cols + best]) best = j;
    out[i] = best;
  }
  return out;
}
