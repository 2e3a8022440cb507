import { type Matrix, type MatrixLike, type VectorLike, matmul } from "../core/matrix";
import { checkQK } from "../core/validate";
import { pair } from "./kernel";

/**
 * Dot-product score of one query and one key.
 *
 * $$\mathrm{score}(q, k) = q^\top k$$
 *
 * @example
 * dotScore([1, 2], [3, 4]);
 * // returns 11
 *
 * @see {@link dotScoreMatrix}, {@link scaledDotScore}
 */
export function dotScore(q: VectorLike, k: VectorLike): number {
  return dotScoreMatrix(...pair(q, k)).data[0];
}

/**
 * Dot-product scores of every query (row of Q) with every key (row of K).
 *
 * $$S = Q K^\top,\quad S_{ij} = q_i^\top k_j$$
 *
 * @example
 * dotScoreMatrix([[1, 0], [0, 1]], [[1, 2], [3, 4], [5, 6]]).toArray();
 * // returns [[1, 3, 5], [2, 4, 6]]
 *
 * @see {@link dotScore}
 */
export function dotScoreMatrix(Q: MatrixLike, K: MatrixLike): Matrix {
  const [q, k] = checkQK("dotScoreMatrix", Q, K, true);
  return matmul(q, k, true); // (n_q, n_k)
}
