import { type Matrix, type MatrixLike, type VectorLike, matmul } from "../core/matrix";
import { checkQK } from "../core/validate";
import { pair } from "./kernel";

/**
 * Scaled dot-product score of one query and one key (Vaswani et al.).
 *
 * $$\mathrm{score}(q, k) = \frac{q^\top k}{\sqrt{d_k}}$$
 *
 * @example
 * scaledDotScore([1, 1, 1, 1], [2, 2, 2, 2]);
 * // returns 4
 *
 * @see {@link scaledDotScoreMatrix}, {@link dotScore}
 */
export function scaledDotScore(q: VectorLike, k: VectorLike, scale?: number): number {
  return scaledDotScoreMatrix(...pair(q, k), scale).data[0];
}

/**
 * Scaled dot-product scores for every (query, key) pair; `scale` overrides 1/√d_k.
 *
 * $$S = \frac{Q K^\top}{\sqrt{d_k}}$$
 *
 * @example
 * scaledDotScoreMatrix([[2, 2, 2, 2]], [[1, 1, 1, 1], [0, 0, 0, 1]]).toArray();
 * // returns [[4, 1]]
 *
 * @see {@link scaledDotScore}, {@link scaledDotProduct}
 */
export function scaledDotScoreMatrix(Q: MatrixLike, K: MatrixLike, scale?: number): Matrix {
  const [q, k] = checkQK("scaledDotScoreMatrix", Q, K, true);
  if (scale !== undefined && !Number.isFinite(scale)) {
    throw new RangeError(`scaledDotScoreMatrix: scale must be finite, got ${scale}`);
  }
  const S = matmul(q, k, true); // (n_q, n_k)
  const s = S.data;
  if (scale === undefined) {
    const root = Math.sqrt(k.cols);
    for (let i = 0; i < s.length; i++) s[i] /= root;
  } else {
    for (let i = 0; i < s.length; i++) s[i] *= scale;
  }
  return S;
}
