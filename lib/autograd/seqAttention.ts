/**
 * Attention over a batch of encoder sequences, fused per operation: the scores of every batch
 * row against its own encoder states, and the weighted read. The encoder states of a batch of B
 * sequences of length L are stacked by position, (L·B × d) with row i·B + b holding position i of
 * sequence b (what `concat(states, 0)` of the per-step (B × d) states gives).
 */
import { portableTanh } from "../core/portableMath";
import { Tensor, gradOf, requireRow, result } from "./tensor";

function checkStacked(what: string, q: Tensor, keys: Tensor): number {
  if (keys.cols !== q.cols || keys.rows % q.rows !== 0) {
    throw new RangeError(
      `${what}: the keys are ${keys.rows}×${keys.cols}; expected (L·${q.rows})×${q.cols} for queries ${q.rows}×${q.cols}`,
    );
  }
  return keys.rows / q.rows;
}

/**
 * Dot-product scores of each query row against its own sequence's keys (Luong's dot score; with
 * keys already multiplied by W_a, his general score).
 *
 * $$e_{b,i} = q_b^\top k_{i,b}$$
 *
 * Shapes: q (B×d), keys (L·B × d) → (B×L).
 *
 * @example
 * seqAttention.batchDotScores(autograd.constant([[1, 0]]), autograd.constant([[2, 5], [3, 1]])).toArray();
 * // returns [[2, 3]]
 *
 * @see {@link batchAdditiveScores}, {@link batchAttentionRead}
 */
export function batchDotScores(q: Tensor, keys: Tensor): Tensor {
  const L = checkStacked("batchDotScores", q, keys);
  const B = q.rows;
  const d = q.cols;
  const Q = q.data;
  const K = keys.data;
  const e = new Float64Array(B * L); // (B, L)
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < L; i++) {
      const ko = (i * B + b) * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += Q[b * d + j] * K[ko + j];
      e[b * L + i] = s;
    }
  }
  return result(B, L, e, [q, keys], (out) => {
    const g = out.grad as Float64Array;
    const dq = q.requiresGrad ? gradOf(q) : null;
    const dk = keys.requiresGrad ? gradOf(keys) : null;
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < L; i++) {
        const ge = g[b * L + i];
        if (ge === 0) continue;
        const ko = (i * B + b) * d;
        if (dq) for (let j = 0; j < d; j++) dq[b * d + j] += ge * K[ko + j];
        if (dk) for (let j = 0; j < d; j++) dk[ko + j] += ge * Q[b * d + j];
      }
    }
  });
}

/**
 * Additive (Bahdanau) scores of each query row against its own sequence's projected keys.
 *
 * $$e_{b,i} = v^\top \tanh(u_{i,b} + q_b),\qquad u_{i,b} = W_1 h_{i,b},\ q_b = W_2 s_b$$
 *
 * Shapes: q (B×A), projected keys (L·B × A), v (1×A) → (B×L).
 *
 * @example
 * seqAttention.batchAdditiveScores(autograd.constant([[0]]), autograd.constant([[0], [100]]), autograd.constant([[2]])).toArray();
 * // returns [[0, 2]]
 *
 * @see {@link batchDotScores}, {@link batchAttentionRead}
 */
export function batchAdditiveScores(q: Tensor, keys: Tensor, v: Tensor): Tensor {
  const L = checkStacked("batchAdditiveScores", q, keys);
  requireRow("batchAdditiveScores", "v", v, q.cols);
  const B = q.rows;
  const A = q.cols;
  const Q = q.data;
  const U = keys.data;
  const V = v.data;
  const T = new Float64Array(L * B * A); // tanh(u + q), same layout as keys
  const e = new Float64Array(B * L);
  for (let i = 0; i < L; i++) {
    for (let b = 0; b < B; b++) {
      const o = (i * B + b) * A;
      let s = 0;
      for (let j = 0; j < A; j++) {
        const t = portableTanh(U[o + j] + Q[b * A + j]);
        T[o + j] = t;
        s += V[j] * t;
      }
      e[b * L + i] = s;
    }
  }
  return result(B, L, e, [q, keys, v], (out) => {
    const g = out.grad as Float64Array;
    const dq = q.requiresGrad ? gradOf(q) : null;
    const du = keys.requiresGrad ? gradOf(keys) : null;
    const dv = v.requiresGrad ? gradOf(v) : null;
    for (let i = 0; i < L; i++) {
      for (let b = 0; b < B; b++) {
        const ge = g[b * L + i];
        if (ge === 0) continue;
        const o = (i * B + b) * A;
        for (let j = 0; j < A; j++) {
          const t = T[o + j];
          if (dv) dv[j] += ge * t;
          const da = ge * V[j] * (1 - t * t);
          if (dq) dq[b * A + j] += da;
          if (du) du[o + j] += da;
        }
      }
    }
  });
}

/**
 * The weighted read of each batch row's own sequence: the context vectors.
 *
 * $$c_b = \sum_{i=1}^{L} \alpha_{b,i}\, h_{i,b}$$
 *
 * Shapes: weights (B×L), values (L·B × d) → (B×d).
 *
 * @example
 * seqAttention.batchAttentionRead(autograd.constant([[0.25, 0.75]]), autograd.constant([[4, 0], [0, 4]])).toArray();
 * // returns [[1, 3]]
 *
 * @see {@link batchDotScores}, {@link batchAdditiveScores}
 */
export function batchAttentionRead(weights: Tensor, values: Tensor): Tensor {
  const B = weights.rows;
  const L = weights.cols;
  if (values.rows !== L * B) {
    throw new RangeError(
      `batchAttentionRead: the values are ${values.rows}×${values.cols}; expected (${L}·${B})×d for weights ${B}×${L}`,
    );
  }
  const d = values.cols;
  const W = weights.data;
  const Vd = values.data;
  const c = new Float64Array(B * d);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < L; i++) {
      const a = W[b * L + i];
      const o = (i * B + b) * d;
      for (let j = 0; j < d; j++) c[b * d + j] += a * Vd[o + j];
    }
  }
  return result(B, d, c, [weights, values], (out) => {
    const g = out.grad as Float64Array;
    const dw = weights.requiresGrad ? gradOf(weights) : null;
    const dv = values.requiresGrad ? gradOf(values) : null;
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < L; i++) {
        const o = (i * B + b) * d;
        if (dw) {
          let s = 0;
          for (let j = 0; j < d; j++) s += g[b * d + j] * Vd[o + j];
          dw[b * L + i] += s;
        }
        if (dv) {
          const a = W[b * L + i];
          for (let j = 0; j < d; j++) dv[o + j] += a * g[b * d + j];
        }
      }
    }
  });
}
