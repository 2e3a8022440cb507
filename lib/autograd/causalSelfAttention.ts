/**
 * Causal multi-head self-attention over a batch of equal-length sequences, fused into one node:
 * the scores, the masked softmax and the weighted read of every head of every sequence, with one
 * backward rule. A decoder-only Transformer's layer is `linear` (to queries, keys and values),
 * this, and `linear` (the output projection).
 */
import { Tensor, gradOf, result } from "./tensor";

/** Options of {@link causalSelfAttention}. */
export interface CausalSelfAttentionOptions {
  /**
   * One multiplier per head on its output (default all 1). A 0 knocks the head out: it still
   * computes its weights but adds nothing to the output (zero ablation).
   */
  headScale?: ArrayLike<number> | null;
}

/** Output of {@link causalSelfAttention}. */
export interface CausalSelfAttentionResult {
  /** (B·n × E): the heads' outputs side by side, head h in columns h·E/H … (h+1)·E/H − 1. */
  output: Tensor;
  /**
   * The attention weights, (B · H · n · n) row-major: entry ((b·H + h)·n + i)·n + j is the weight
   * of query i on key j in head h of sequence b (0 for j > i).
   */
  weights: Float64Array;
}

/**
 * Masked scaled dot-product attention of every head of every sequence of a batch, each query
 * attending to its own and earlier positions only (Vaswani et al. 2017, eq. 1 and §3.2.3).
 *
 * $$A^{(b,h)} = \mathrm{softmax}\!\Big(\frac{Q_h K_h^\top}{\sqrt{d_h}} + M\Big),\quad M_{ij} = \begin{cases}0 & j \le i\\ -\infty & j > i\end{cases},\qquad O^{(b)} = [\,s_1 A^{(b,1)} V_1, \dots, s_H A^{(b,H)} V_H\,]$$
 *
 * Shapes: qkv (B·n × 3E), row b·n + i holding position i of sequence b as [q | k | v], each
 * E = H·d_h wide → output (B·n × E) and weights (B·H·n·n). `s_h` is `headScale[h]` (default 1).
 * Throws a RangeError when the rows are not a multiple of n, 3E is not a multiple of 3H, or
 * `headScale` has the wrong length.
 *
 * @example
 * const qkv = autograd.constant([[0, 0, 2], [0, 0, 4]]); // one sequence of 2, E = 1, one head
 * autograd.causalSelfAttention(qkv, 2, 1).output.toArray();
 * // returns [[2], [3]]
 *
 * @see {@link multiheadAttention}
 */
export function causalSelfAttention(
  qkv: Tensor,
  n: number,
  heads: number,
  options: CausalSelfAttentionOptions = {},
): CausalSelfAttentionResult {
  if (!Number.isInteger(n) || n < 1 || qkv.rows % n !== 0) {
    throw new RangeError(
      `causalSelfAttention: ${qkv.rows} rows are not a whole number of sequences of length ${n}`,
    );
  }
  if (!Number.isInteger(heads) || heads < 1 || qkv.cols % (3 * heads) !== 0) {
    throw new RangeError(
      `causalSelfAttention: qkv is ${qkv.rows}×${qkv.cols}; its width must be 3·E with E divisible by ${heads} heads`,
    );
  }
  const scales = options.headScale ?? null;
  if (scales && scales.length !== heads) {
    throw new RangeError(`causalSelfAttention: headScale has ${scales.length} entries for ${heads} heads`);
  }
  const B = qkv.rows / n;
  const W3 = qkv.cols;
  const E = W3 / 3;
  const hd = E / heads;
  const scale = 1 / Math.sqrt(hd);
  const X = qkv.data;
  const out = new Float64Array(B * n * E); // (B·n, E)
  const A = new Float64Array(B * heads * n * n);
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < heads; h++) {
      const qo = h * hd;
      const ko = E + h * hd;
      const vo = 2 * E + h * hd;
      const s = scales ? Number(scales[h]) : 1;
      const ao = (b * heads + h) * n * n;
      for (let i = 0; i < n; i++) {
        const qi = (b * n + i) * W3 + qo;
        const row = ao + i * n;
        let max = -Infinity;
        for (let j = 0; j <= i; j++) {
          const kj = (b * n + j) * W3 + ko;
          let e = 0;
          for (let c = 0; c < hd; c++) e += X[qi + c] * X[kj + c];
          e *= scale;
          A[row + j] = e;
          if (e > max) max = e;
        }
        let z = 0;
        for (let j = 0; j <= i; j++) {
          const w = Math.exp(A[row + j] - max);
          A[row + j] = w;
          z += w;
        }
        const oi = (b * n + i) * E + h * hd;
        for (let j = 0; j <= i; j++) {
          const w = A[row + j] / z;
          A[row + j] = w;
          if (s === 0) continue;
          const vj = (b * n + j) * W3 + vo;
          const ws = w * s;
          for (let c = 0; c < hd; c++) out[oi + c] += ws * X[vj + c];
        }
      }
    }
  }
  const output = result(B * n, E, out, [qkv], (o) => {
    const g = o.grad as Float64Array;
    const dX = gradOf(qkv);
    const dA = new Float64Array(n);
    for (let b = 0; b < B; b++) {
      for (let h = 0; h < heads; h++) {
        const s = scales ? Number(scales[h]) : 1;
        if (s === 0) continue;
        const qo = h * hd;
        const ko = E + h * hd;
        const vo = 2 * E + h * hd;
        const ao = (b * heads + h) * n * n;
        for (let i = 0; i < n; i++) {
          const gi = (b * n + i) * E + h * hd;
          const qi = (b * n + i) * W3 + qo;
          const row = ao + i * n;
          // dA_ij = s ḡ_i · v_j and dV_j += s a_ij ḡ_i
          let dot = 0;
          for (let j = 0; j <= i; j++) {
            const vj = (b * n + j) * W3 + vo;
            const w = A[row + j] * s;
            let d = 0;
            for (let c = 0; c < hd; c++) {
              d += g[gi + c] * X[vj + c];
              dX[vj + c] += w * g[gi + c];
            }
            d *= s;
            dA[j] = d;
            dot += d * A[row + j];
          }
          // dE_ij = a_ij (dA_ij − Σ_k a_ik dA_ik); dq_i += scale Σ_j dE_ij k_j; dk_j += scale dE_ij q_i
          for (let j = 0; j <= i; j++) {
            const de = A[row + j] * (dA[j] - dot) * scale;
            if (de === 0) continue;
            const kj = (b * n + j) * W3 + ko;
            for (let c = 0; c < hd; c++) {
              dX[qi + c] += de * X[kj + c];
              dX[kj + c] += de * X[qi + c];
            }
          }
        }
      }
    }
  });
  return { output, weights: A };
}
