import { Matrix, type VectorLike } from "../core/matrix";

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
