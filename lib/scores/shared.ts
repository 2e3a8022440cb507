import { Matrix, type MatrixLike, type VectorLike, assertFinite, shapeOf } from "../core/matrix";
import { requireSequence } from "../attention/mask";

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

/** @internal Turn a single (q, k) pair into two 1-row matrices. */
export function pair(q: VectorLike, k: VectorLike): [Matrix, Matrix] {
  return [Matrix.rowVector(q), Matrix.rowVector(k)];
}

/**
 * @internal `S[i][j] = Σ_a v[a] tanh(Qp[i][a] + Kp[j][a])`: the shared kernel of the additive and concat
 * scores, after both sides were projected to d_a.
 */
export function tanhMix(Qp: Matrix, Kp: Matrix, v: VectorLike): Matrix {
  const nq = Qp.rows;
  const nk = Kp.rows;
  const da = Qp.cols;
  const S = new Matrix(nq, nk); // (n_q, n_k)
  const qd = Qp.data;
  const kd = Kp.data;
  const vv = Float64Array.from(v);
  for (let i = 0; i < nq; i++) {
    const qo = i * da;
    for (let j = 0; j < nk; j++) {
      const ko = j * da;
      let s = 0;
      for (let a = 0; a < da; a++) s += vv[a] * Math.tanh(qd[qo + a] + kd[ko + a]);
      S.data[i * nk + j] = s;
    }
  }
  return S;
}
