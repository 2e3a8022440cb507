import { type Matrix, type MatrixLike, type VectorLike, matmul } from "../core/matrix";
import { checkQK, checkWeight } from "../core/validate";
import { pair } from "./kernel";

/**
 * Luong's "general" (bilinear) score of one query and one key.
 *
 * $$\mathrm{score}(q, k) = q^\top W k,\quad W \in \mathbb{R}^{d_q \times d_k}$$
 *
 * @example
 * generalScore([1, 2], [3, 4], [[1, 0], [0, 2]]);
 * // returns 19
 *
 * @see {@link generalScoreMatrix}
 */
export function generalScore(q: VectorLike, k: VectorLike, W: MatrixLike): number {
  return generalScoreMatrix(...pair(q, k), W).data[0];
}

/**
 * Bilinear scores for every (query, key) pair.
 *
 * $$S = Q W K^\top,\quad W \in \mathbb{R}^{d_q \times d_k}$$
 *
 * @example
 * generalScoreMatrix([[1, 2]], [[3, 4], [1, 0]], [[1, 0], [0, 2]]).toArray();
 * // returns [[19, 1]]
 *
 * @see {@link generalScore}, {@link dotScoreMatrix}
 */
export function generalScoreMatrix(Q: MatrixLike, K: MatrixLike, W: MatrixLike): Matrix {
  const what = "generalScoreMatrix";
  const [q, k] = checkQK(what, Q, K, false);
  const w = checkWeight(what, "W", W, q.cols, k.cols);
  const QW = matmul(q, w); // (n_q, d_k)
  return matmul(QW, k, true); // (n_q, n_k)
}
