/**
 * Graph attention layers built from differentiable pieces: GAT as pyGAT (Veličković et al. 2018),
 * and GATv2 (Brody, Alon and Yahav 2022), whose fused score keeps its backward rule beside it.
 */
import { elu, leakyRelu } from "./activation";
import { add } from "./elementwise";
import { matmul, transpose } from "./linalg";
import { sliceRows } from "./shape";
import { softmax } from "./softmax";
import { type Tensor, gradOf, result } from "./tensor";

/** Options of {@link gatLayer}. */
export interface GatOptions {
  /** LeakyReLU negative slope (pyGAT: 0.2). */
  alpha?: number;
  /** Apply ELU to the output (pyGAT's hidden layers: true; its output layer: false). */
  concat?: boolean;
}

/** Output of {@link gatLayer}. */
export interface GatResult {
  /** (N × F_out) */
  output: Tensor;
  /** (N × N) attention weights, row i over the neighbours of node i */
  attention: Tensor;
}

/**
 * One dense graph attention layer exactly as pyGAT's `GraphAttentionLayer` (eval, dropout 0):
 * W in (F_in × F_out) orientation, a as a (2F_out × 1) column, non-edges filled with −9e15, so a
 * node with no edge at all attends uniformly to every node.
 *
 * $$e_{ij} = \mathrm{LeakyReLU}\big(a_1^\top W h_i + a_2^\top W h_j\big),\quad \alpha_{ij} = \mathrm{softmax}_{j:\,A_{ij} > 0}(e_{ij}),\quad h'_i = \mathrm{ELU}\Big(\textstyle\sum_j \alpha_{ij} W h_j\Big)$$
 *
 * Shapes: h (N×F_in), adj (N×N, > 0 = edge, self-loops included by the caller), W (F_in×F_out),
 * a (2F_out×1) → output (N×F_out), attention (N×N). Throws a RangeError on a shape mismatch.
 *
 * @example
 * const h = autograd.constant([[1], [2]]), W = autograd.constant([[1]]), a = autograd.constant([[0], [0]]);
 * autograd.gatLayer(h, [[1, 1], [0, 1]], W, a, { concat: false }).output.toArray();
 * // returns [[1.5], [2]]
 */
export function gatLayer(
  h: Tensor,
  adj: ReadonlyArray<ArrayLike<number | boolean>>,
  W: Tensor,
  a: Tensor,
  options: GatOptions = {},
): GatResult {
  const N = h.rows;
  const F = W.cols;
  if (W.rows !== h.cols) throw new RangeError(`gatLayer: h is ${N}×${h.cols} but W is ${W.rows}×${F}`);
  if (a.rows !== 2 * F || a.cols !== 1)
    throw new RangeError(`gatLayer: a is ${a.rows}×${a.cols}, expected ${2 * F}×1`);
  const mask = edgeMask("gatLayer", adj, N);
  const Wh = matmul(h, W); // (N, F)
  const f1 = matmul(Wh, sliceRows(a, 0, F)); // (N, 1)
  const f2 = matmul(Wh, sliceRows(a, F, 2 * F)); // (N, 1)
  const e = leakyRelu(add(f1, transpose(f2)), options.alpha ?? 0.2); // (N, N)
  const attention = softmax(e, { mask, emptyRow: "uniform" });
  const hp = matmul(attention, Wh); // (N, F)
  return { output: options.concat === false ? hp : elu(hp), attention };
}

/** The adjacency as a flat allow-mask (N·N, row-major); a RangeError when it is not N×N. */
function edgeMask(what: string, adj: ReadonlyArray<ArrayLike<number | boolean>>, N: number): Uint8Array {
  if (adj.length !== N) throw new RangeError(`${what}: adj has ${adj.length} rows for ${N} nodes`);
  const mask = new Uint8Array(N * N);
  for (let i = 0; i < N; i++) {
    if (adj[i].length !== N)
      throw new RangeError(`${what}: adj row ${i} has length ${adj[i].length}, expected ${N}`);
    for (let j = 0; j < N; j++) mask[i * N + j] = Number(adj[i][j]) > 0 ? 1 : 0;
  }
  return mask;
}

/**
 * GATv2's scores on the allowed pairs: the LeakyReLU comes before the attention vector, so the
 * score is not monotone in the key term and each query can rank the keys in its own order.
 * Entries the mask forbids are 0 and get no gradient (the softmax after it masks them).
 *
 * $$e_{ij} = a^\top \mathrm{LeakyReLU}(q_i + k_j),\qquad \bar{a} \mathrel{+}= \bar{e}_{ij}\,\mathrm{LeakyReLU}(q_i + k_j),\quad \bar{q}_i, \bar{k}_j \mathrel{+}= \bar{e}_{ij}\, a \odot \mathrm{LeakyReLU}'(q_i + k_j)$$
 *
 * Shapes: q (N×F) (the query side, W_q h_i), k (N×F) (the key side, W_k h_j), a (F×1), mask
 * (N·N, row-major, nonzero = allowed) → (N×N). Throws a RangeError on a shape mismatch.
 *
 * @example
 * const q = autograd.constant([[1], [-1]]), k = autograd.constant([[2], [-2]]), a = autograd.constant([[1]]);
 * autograd.gatv2Scores(q, k, a, [1, 1, 1, 1], 0.5).toArray();
 * // returns [[3, -0.5], [1, -1.5]]
 *
 * @see {@link gatv2Layer}, {@link gatLayer}
 */
export function gatv2Scores(
  q: Tensor,
  k: Tensor,
  a: Tensor,
  mask: ArrayLike<number | boolean>,
  slope = 0.2,
): Tensor {
  const N = q.rows;
  const F = q.cols;
  if (k.rows !== N || k.cols !== F)
    throw new RangeError(`gatv2Scores: q is ${N}×${F} but k is ${k.rows}×${k.cols}`);
  if (a.rows !== F || a.cols !== 1)
    throw new RangeError(`gatv2Scores: a is ${a.rows}×${a.cols}, expected ${F}×1`);
  if (mask.length !== N * N)
    throw new RangeError(`gatv2Scores: the mask has ${mask.length} entries for ${N}×${N} pairs`);
  const Q = q.data;
  const K = k.data;
  const A = a.data;
  const e = new Float64Array(N * N); // (N, N)
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      if (!mask[i * N + j]) continue;
      let s = 0;
      for (let f = 0; f < F; f++) {
        const z = Q[i * F + f] + K[j * F + f];
        s += A[f] * (z > 0 ? z : slope * z);
      }
      e[i * N + j] = s;
    }
  }
  return result(N, N, e, [q, k, a], (out) => {
    const g = out.grad as Float64Array;
    const dq = q.requiresGrad ? gradOf(q) : null;
    const dk = k.requiresGrad ? gradOf(k) : null;
    const da = a.requiresGrad ? gradOf(a) : null;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const ge = g[i * N + j];
        if (!mask[i * N + j] || ge === 0) continue;
        for (let f = 0; f < F; f++) {
          const z = Q[i * F + f] + K[j * F + f];
          const pos = z > 0;
          if (da) da[f] += ge * (pos ? z : slope * z);
          const gz = ge * A[f] * (pos ? 1 : slope);
          if (dq) dq[i * F + f] += gz;
          if (dk) dk[j * F + f] += gz;
        }
      }
    }
  });
}

/**
 * One dense GATv2 layer (Brody, Alon and Yahav 2022, eq. 7; PyTorch Geometric's `GATv2Conv`
 * without shared weights): the query side W_q h_i and the key side W_k h_j are added, passed
 * through the LeakyReLU, and only then scored by a; the values are the key-side projections.
 *
 * $$e_{ij} = a^\top \mathrm{LeakyReLU}\big(W_q h_i + W_k h_j\big),\quad \alpha_{ij} = \mathrm{softmax}_{j:\,A_{ij} > 0}(e_{ij}),\quad h'_i = \mathrm{ELU}\Big(\textstyle\sum_j \alpha_{ij} W_k h_j\Big)$$
 *
 * Shapes: h (N×F_in), adj (N×N, > 0 = edge, self-loops included by the caller), Wq and Wk
 * (F_in×F_out), a (F_out×1) → output (N×F_out), attention (N×N). A node with no edge attends
 * uniformly to every node, as in {@link gatLayer}. Throws a RangeError on a shape mismatch.
 *
 * @example
 * const h = autograd.constant([[1], [2]]), W = autograd.constant([[1]]), a = autograd.constant([[0]]);
 * autograd.gatv2Layer(h, [[1, 1], [0, 1]], W, W, a, { concat: false }).output.toArray();
 * // returns [[1.5], [2]]
 *
 * @see {@link gatv2Scores}, {@link gatLayer}
 */
export function gatv2Layer(
  h: Tensor,
  adj: ReadonlyArray<ArrayLike<number | boolean>>,
  Wq: Tensor,
  Wk: Tensor,
  a: Tensor,
  options: GatOptions = {},
): GatResult {
  const N = h.rows;
  const F = Wk.cols;
  for (const [name, W] of [
    ["Wq", Wq],
    ["Wk", Wk],
  ] as const)
    if (W.rows !== h.cols || W.cols !== F)
      throw new RangeError(`gatv2Layer: h is ${N}×${h.cols} but ${name} is ${W.rows}×${W.cols}`);
  const mask = edgeMask("gatv2Layer", adj, N);
  const q = matmul(h, Wq); // (N, F)
  const k = matmul(h, Wk); // (N, F)
  const e = gatv2Scores(q, k, a, mask, options.alpha ?? 0.2); // (N, N)
  const attention = softmax(e, { mask, emptyRow: "uniform" });
  const hp = matmul(attention, k); // (N, F)
  return { output: options.concat === false ? hp : elu(hp), attention };
}
