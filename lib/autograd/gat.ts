/** The graph attention layer of pyGAT (Veličković et al. 2018), built from differentiable pieces. */
import { elu, leakyRelu } from "./activation";
import { add } from "./elementwise";
import { matmul, transpose } from "./linalg";
import { sliceRows } from "./shape";
import { softmax } from "./softmax";
import type { Tensor } from "./tensor";

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
  if (adj.length !== N) throw new RangeError(`gatLayer: adj has ${adj.length} rows for ${N} nodes`);
  const mask = new Uint8Array(N * N);
  for (let i = 0; i < N; i++) {
    if (adj[i].length !== N)
      throw new RangeError(`gatLayer: adj row ${i} has length ${adj[i].length}, expected ${N}`);
    for (let j = 0; j < N; j++) mask[i * N + j] = Number(adj[i][j]) > 0 ? 1 : 0;
  }
  const Wh = matmul(h, W); // (N, F)
  const f1 = matmul(Wh, sliceRows(a, 0, F)); // (N, 1)
  const f2 = matmul(Wh, sliceRows(a, F, 2 * F)); // (N, 1)
  const e = leakyRelu(add(f1, transpose(f2)), options.alpha ?? 0.2); // (N, N)
  const attention = softmax(e, { mask, emptyRow: "uniform" });
  const hp = matmul(attention, Wh); // (N, F)
  return { output: options.concat === false ? hp : elu(hp), attention };
}
