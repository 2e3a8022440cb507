/**
 * Shared input checks for every layer of the library: sequences, weight matrices and vectors.
 * Each throws a RangeError that names the function, the argument and both shapes.
 */
import { Matrix, type MatrixLike, type VectorLike, asMatrix, assertFinite, shapeOf } from "./matrix";

/**
 * Throw a clear RangeError unless `M` is a non-empty, finite sequence of non-empty vectors.
 *
 * $$M \in \mathbb{R}^{n \times d},\quad n \ge 1,\ d \ge 1$$
 *
 * @example
 * requireSequence("demo", "Q", [[1, 2]]).shape;
 * // returns [1, 2]
 *
 * @see {@link assertFinite}
 */
export function requireSequence(what: string, name: string, m: MatrixLike): Matrix {
  const M = asMatrix(m);
  if (M.rows === 0)
    throw new RangeError(`${what}: ${name} is an empty sequence (${shapeOf(M)}); need at least one token`);
  if (M.cols === 0) throw new RangeError(`${what}: ${name} has vectors of size 0 (${shapeOf(M)})`);
  assertFinite(`${what}: ${name}`, M);
  return M;
}

/** @internal Validate a (Q, K) pair for a score function; `sameDim` demands d_q = d_k. */
export function checkQK(what: string, q: MatrixLike, k: MatrixLike, sameDim: boolean): [Matrix, Matrix] {
  const Q = requireSequence(what, "Q", q);
  const K = requireSequence(what, "K", k);
  if (sameDim && Q.cols !== K.cols) {
    throw new RangeError(
      `${what}: Q is ${shapeOf(Q)} but K is ${shapeOf(K)}; their column counts (d_k) must match`,
    );
  }
  return [Q, K];
}

/** @internal Validate a weight matrix's shape, naming both shapes on mismatch. */
export function checkWeight(what: string, name: string, w: MatrixLike, rows: number, cols: number): Matrix {
  const W = requireSequence(what, name, w);
  if (W.rows !== rows || W.cols !== cols) {
    throw new RangeError(`${what}: ${name} is ${shapeOf(W)} but must be ${rows}×${cols}`);
  }
  return W;
}

/** @internal Validate a weight vector's length. */
export function checkVector(what: string, name: string, v: VectorLike, n: number): VectorLike {
  if (v.length !== n)
    throw new RangeError(`${what}: ${name} has length ${v.length} but must have length ${n}`);
  assertFinite(`${what}: ${name}`, v);
  return v;
}
