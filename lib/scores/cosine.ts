import { type Matrix, type MatrixLike, type VectorLike, matmul } from "../core/matrix";
import { checkQK } from "../core/validate";
import { pair } from "./kernel";

/**
 * Cosine similarity of one query and one key.
 *
 * $$\mathrm{score}(q, k) = \frac{q^\top k}{\lVert q \rVert\,\lVert k \rVert}$$
 *
 * @example
 * +cosineScore([1, 0], [1, 1]).toFixed(4);
 * // returns 0.7071
 *
 * @see {@link cosineScoreMatrix}
 */
export function cosineScore(q: VectorLike, k: VectorLike): number {
  return cosineScoreMatrix(...pair(q, k)).data[0];
}

/**
 * Cosine similarity of every query with every key. A zero vector has no direction: RangeError.
 *
 * $$S_{ij} = \frac{q_i^\top k_j}{\lVert q_i \rVert\,\lVert k_j \rVert}$$
 *
 * @example
 * cosineScoreMatrix([[2, 0]], [[3, 0], [0, 1], [-1, 0]]).toArray();
 * // returns [[1, 0, -1]]
 *
 * @see {@link cosineScore}
 */
export function cosineScoreMatrix(Q: MatrixLike, K: MatrixLike): Matrix {
  const what = "cosineScoreMatrix";
  const [q, k] = checkQK(what, Q, K, true);
  const nq = rowNorms(what, "Q", q);
  const nk = rowNorms(what, "K", k);
  const S = matmul(q, k, true); // (n_q, n_k)
  const m = k.rows;
  for (let i = 0; i < q.rows; i++) for (let j = 0; j < m; j++) S.data[i * m + j] /= nq[i] * nk[j];
  return S;
}

function rowNorms(what: string, name: string, M: Matrix): Float64Array {
  const out = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) {
    let s = 0;
    for (let t = 0; t < M.cols; t++) s += M.data[i * M.cols + t] ** 2;
    if (s === 0)
      throw new RangeError(`${what}: row ${i} of ${name} is the zero vector; its cosine is undefined`);
    out[i] = Math.sqrt(s);
  }
  return out;
}
