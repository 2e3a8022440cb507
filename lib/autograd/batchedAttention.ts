/**
 * Fused attention pieces for a batch of B sequences of n encoder states each, stored as one
 * (B·n × d) matrix (sequence b is rows b·n … b·n + n − 1). A decoder step with multiplicative
 * (Luong) attention is `softmax(batchedDotScores(s, E, n))` then `batchedWeightedSum`; with
 * additive (Bahdanau) attention the scores come from `batchedAdditiveScores`. One node per piece
 * instead of one graph per sequence keeps a training step cheap.
 */
import { Tensor, gradOf, requireRow, result } from "./tensor";

function checkBatch(what: string, query: Tensor, memory: Tensor, n: number): number {
  const B = query.rows;
  if (!Number.isInteger(n) || n < 1 || memory.rows !== B * n) {
    throw new RangeError(
      `${what}: memory has ${memory.rows} rows but B·n = ${B}·${n}; it must hold n rows per query row`,
    );
  }
  if (memory.cols !== query.cols) {
    throw new RangeError(`${what}: query is ${B}×${query.cols} but memory is ${memory.rows}×${memory.cols}`);
  }
  return B;
}

/**
 * Dot-product scores of each query row against its own sequence's n keys (Luong et al. 2015,
 * "dot"; for "general" pass the query through `linear` first).
 *
 * $$e_{bj} = q_b \cdot k_{bn + j}$$
 *
 * Shapes: query (B×d), keys (B·n×d) → scores (B×n). Throws a RangeError when keys do not hold n
 * rows per query row.
 *
 * @example
 * autograd.batchedDotScores(autograd.constant([[1, 2]]), autograd.constant([[1, 0], [0, 1]]), 2).toArray();
 * // returns [[1, 2]]
 *
 * @see {@link batchedAdditiveScores}, {@link batchedWeightedSum}
 */
export function batchedDotScores(query: Tensor, keys: Tensor, n: number): Tensor {
  const B = checkBatch("batchedDotScores", query, keys, n);
  const d = query.cols;
  const Q = query.data;
  const K = keys.data;
  const e = new Float64Array(B * n);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < n; j++) {
      const ko = (b * n + j) * d;
      let s = 0;
      for (let t = 0; t < d; t++) s += Q[b * d + t] * K[ko + t];
      e[b * n + j] = s;
    }
  }
  return result(B, n, e, [query, keys], (out) => {
    const g = out.grad as Float64Array;
    const gq = query.requiresGrad ? gradOf(query) : null;
    const gk = keys.requiresGrad ? gradOf(keys) : null;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < n; j++) {
        const ge = g[b * n + j];
        const ko = (b * n + j) * d;
        if (gq) for (let t = 0; t < d; t++) gq[b * d + t] += ge * K[ko + t];
        if (gk) for (let t = 0; t < d; t++) gk[ko + t] += ge * Q[b * d + t];
      }
    }
  });
}

/**
 * Additive (Bahdanau) scores from projected keys and queries: the projections W1 h_j (once per
 * sequence) and W2 s (once per step) are made with `linear`/`matmul`, this node does the rest.
 *
 * $$e_{bj} = v^\top \tanh(k_{bn+j} + q_b),\qquad \bar{k}_{bn+j} = \bar{e}_{bj}\, v \circ (1 - t^2),\quad \bar{q}_b = \textstyle\sum_j \bar{k}_{bn+j}$$
 *
 * Shapes: queryProj (B×d_a), keysProj (B·n×d_a), v (1×d_a) → scores (B×n).
 *
 * @example
 * autograd.batchedAdditiveScores(autograd.zeros(1, 1), autograd.zeros(2, 1), autograd.constant([[1]]), 2).toArray();
 * // returns [[0, 0]]
 *
 * @see {@link additiveAttention}, {@link batchedDotScores}
 */
export function batchedAdditiveScores(queryProj: Tensor, keysProj: Tensor, v: Tensor, n: number): Tensor {
  const B = checkBatch("batchedAdditiveScores", queryProj, keysProj, n);
  const d = queryProj.cols;
  requireRow("batchedAdditiveScores", "v", v, d);
  const Q = queryProj.data;
  const K = keysProj.data;
  const V = v.data;
  const t = new Float64Array(B * n * d); // tanh features
  const e = new Float64Array(B * n);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < n; j++) {
      const ko = (b * n + j) * d;
      let s = 0;
      for (let c = 0; c < d; c++) {
        const x = Math.tanh(K[ko + c] + Q[b * d + c]);
        t[ko + c] = x;
        s += V[c] * x;
      }
      e[b * n + j] = s;
    }
  }
  return result(B, n, e, [queryProj, keysProj, v], (out) => {
    const g = out.grad as Float64Array;
    const gq = queryProj.requiresGrad ? gradOf(queryProj) : null;
    const gk = keysProj.requiresGrad ? gradOf(keysProj) : null;
    const gv = v.requiresGrad ? gradOf(v) : null;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < n; j++) {
        const ge = g[b * n + j];
        const ko = (b * n + j) * d;
        for (let c = 0; c < d; c++) {
          const x = t[ko + c];
          const u = ge * V[c] * (1 - x * x);
          if (gk) gk[ko + c] += u;
          if (gq) gq[b * d + c] += u;
          if (gv) gv[c] += ge * x;
        }
      }
    }
  });
}

/**
 * Each batch row's weighted sum of its own sequence's n values: the context vector.
 *
 * $$c_b = \textstyle\sum_j \alpha_{bj}\, v_{bn+j},\qquad \bar{\alpha}_{bj} = \bar{c}_b \cdot v_{bn+j},\quad \bar{v}_{bn+j} = \alpha_{bj}\,\bar{c}_b$$
 *
 * Shapes: weights (B×n), values (B·n×d) → context (B×d).
 *
 * @example
 * autograd.batchedWeightedSum(autograd.constant([[0.25, 0.75]]), autograd.constant([[4, 0], [0, 4]]), 2).toArray();
 * // returns [[1, 3]]
 *
 * @see {@link batchedDotScores}
 */
export function batchedWeightedSum(weights: Tensor, values: Tensor, n: number): Tensor {
  const B = weights.rows;
  if (weights.cols !== n || values.rows !== B * n) {
    throw new RangeError(
      `batchedWeightedSum: weights are ${B}×${weights.cols} and values ${values.rows}×${values.cols}; expected ${B}×${n} and ${B * n} rows`,
    );
  }
  const d = values.cols;
  const A = weights.data;
  const Vd = values.data;
  const c = new Float64Array(B * d);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < n; j++) {
      const a = A[b * n + j];
      const vo = (b * n + j) * d;
      for (let t = 0; t < d; t++) c[b * d + t] += a * Vd[vo + t];
    }
  }
  return result(B, d, c, [weights, values], (out) => {
    const g = out.grad as Float64Array;
    const ga = weights.requiresGrad ? gradOf(weights) : null;
    const gv = values.requiresGrad ? gradOf(values) : null;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < n; j++) {
        const vo = (b * n + j) * d;
        const a = A[b * n + j];
        let s = 0;
        for (let t = 0; t < d; t++) {
          s += g[b * d + t] * Vd[vo + t];
          if (gv) gv[vo + t] += a * g[b * d + t];
        }
        if (ga) ga[b * n + j] += s;
      }
    }
  });
}
