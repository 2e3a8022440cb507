import { Matrix, type MatrixLike, type VectorLike, matmul } from "../core/matrix";
import { checkQK, checkVector, checkWeight } from "../core/validate";
import { pair, tanhMix } from "./kernel";

/** Weights of Luong's concat score. */
export interface ConcatParams {
  /** (d_a, d_q + d_k): its first d_q columns multiply q. */
  W: MatrixLike;
  /** (d_a) */
  v: VectorLike;
}

/**
 * Luong's concat score of one query and one key.
 *
 * $$\mathrm{score}(q, k) = v^\top \tanh\!\left(W \begin{bmatrix} q \\ k \end{bmatrix}\right)$$
 *
 * @example
 * +concatScore([1], [1], { W: [[1, 1]], v: [2] }).toFixed(4);
 * // returns 1.9281
 *
 * @see {@link concatScoreMatrix}, {@link additiveScore}
 */
export function concatScore(q: VectorLike, k: VectorLike, p: ConcatParams): number {
  return concatScoreMatrix(...pair(q, k), p).data[0];
}

/**
 * Concat scores for every (query, key) pair. W splits as [W_q W_k], so each side is projected once.
 *
 * $$S_{ij} = v^\top \tanh(W_q q_i + W_k k_j)$$
 *
 * @example
 * concatScoreMatrix([[0]], [[0], [1]], { W: [[1, 1]], v: [1] }).toArray().map((r) => r.map((x) => +x.toFixed(4)));
 * // returns [[0, 0.7616]]
 *
 * @see {@link concatScore}
 */
export function concatScoreMatrix(Q: MatrixLike, K: MatrixLike, p: ConcatParams): Matrix {
  const what = "concatScoreMatrix";
  const [q, k] = checkQK(what, Q, K, false);
  const v = checkVector(what, "v", p.v, p.v.length);
  const W = checkWeight(what, "W", p.W, v.length, q.cols + k.cols);
  const da = W.rows;
  const Wq = Matrix.fromFn(da, q.cols, (a, t) => W.data[a * W.cols + t]); // (d_a, d_q)
  const Wk = Matrix.fromFn(da, k.cols, (a, t) => W.data[a * W.cols + q.cols + t]); // (d_a, d_k)
  const Qp = matmul(q, Wq, true); // (n_q, d_a)
  const Kp = matmul(k, Wk, true); // (n_k, d_a)
  return tanhMix(Qp, Kp, v); // (n_q, n_k)
}
