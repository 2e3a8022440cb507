import { type Matrix, type MatrixLike, type VectorLike, matmul } from "../core/matrix";
import { checkQK, checkVector, checkWeight } from "../core/validate";
import { pair, tanhMix } from "./kernel";

/** Weights of the additive (Bahdanau) score. */
export interface AdditiveParams {
  /** (d_a, d_k): projects the key. */
  W1: MatrixLike;
  /** (d_a, d_q): projects the query. */
  W2: MatrixLike;
  /** (d_a) */
  v: VectorLike;
}

/**
 * Additive (Bahdanau) score of one query and one key.
 *
 * $$\mathrm{score}(q, k) = v^\top \tanh(W_1 k + W_2 q)$$
 *
 * @example
 * +additiveScore([1], [1], { W1: [[1]], W2: [[1]], v: [2] }).toFixed(4);
 * // returns 1.9281
 *
 * @see {@link additiveScoreMatrix}
 */
export function additiveScore(q: VectorLike, k: VectorLike, p: AdditiveParams): number {
  return additiveScoreMatrix(...pair(q, k), p).data[0];
}

/**
 * Additive scores for every (query, key) pair; the projections are computed once per token.
 *
 * $$S_{ij} = v^\top \tanh(W_1 k_j + W_2 q_i)$$
 *
 * @example
 * additiveScoreMatrix([[0]], [[0], [1]], { W1: [[1]], W2: [[1]], v: [1] }).toArray().map((r) => r.map((x) => +x.toFixed(4)));
 * // returns [[0, 0.7616]]
 *
 * @see {@link additiveScore}, {@link concatScoreMatrix}
 */
export function additiveScoreMatrix(Q: MatrixLike, K: MatrixLike, p: AdditiveParams): Matrix {
  const what = "additiveScoreMatrix";
  const [q, k] = checkQK(what, Q, K, false);
  const v = checkVector(what, "v", p.v, p.v.length);
  const W1 = checkWeight(what, "W1", p.W1, v.length, k.cols);
  const W2 = checkWeight(what, "W2", p.W2, v.length, q.cols);
  const Kp = matmul(k, W1, true); // (n_k, d_a)
  const Qp = matmul(q, W2, true); // (n_q, d_a)
  return tanhMix(Qp, Kp, v); // (n_q, n_k)
}
