import { Matrix, type MatrixLike, type VectorLike } from "../core/matrix";
import { checkQK, checkVector } from "../core/validate";
import { pair } from "./kernel";

/**
 * A linear score on the concatenation [q; k] (GAT-style, no nonlinearity).
 *
 * $$\mathrm{score}(q, k) = w^\top \begin{bmatrix} q \\ k \end{bmatrix}$$
 *
 * @example
 * concatLinearScore([1, 2], [3], [1, 1, 2]);
 * // returns 9
 *
 * @see {@link concatLinearScoreMatrix}
 */
export function concatLinearScore(q: VectorLike, k: VectorLike, w: VectorLike): number {
  return concatLinearScoreMatrix(...pair(q, k), w).data[0];
}

/**
 * Linear concat scores for every (query, key) pair: a query term plus a key term.
 *
 * $$S_{ij} = w_{:d_q}^\top q_i + w_{d_q:}^\top k_j$$
 *
 * @example
 * concatLinearScoreMatrix([[1], [2]], [[3], [4]], [1, 1]).toArray();
 * // returns [[4, 5], [5, 6]]
 *
 * @see {@link concatLinearScore}
 */
export function concatLinearScoreMatrix(Q: MatrixLike, K: MatrixLike, w: VectorLike): Matrix {
  const what = "concatLinearScoreMatrix";
  const [q, k] = checkQK(what, Q, K, false);
  const dq = q.cols;
  const dk = k.cols;
  checkVector(what, "w", w, dq + dk);
  const a = new Float64Array(q.rows);
  for (let i = 0; i < q.rows; i++) {
    let s = 0;
    for (let t = 0; t < dq; t++) s += w[t] * q.data[i * dq + t];
    a[i] = s;
  }
  const b = new Float64Array(k.rows);
  for (let j = 0; j < k.rows; j++) {
    let s = 0;
    for (let t = 0; t < dk; t++) s += w[dq + t] * k.data[j * dk + t];
    b[j] = s;
  }
  return Matrix.fromFn(q.rows, k.rows, (i, j) => a[i] + b[j]); // (n_q, n_k)
}
