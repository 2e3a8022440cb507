/** The graph convolution layer of Kipf and Welling (2017), built from differentiable pieces. */
import { gcnNormalize } from "../graph/gcn";
import { relu } from "./activation";
import { add } from "./elementwise";
import { matmul } from "./linalg";
import { type Tensor, constant } from "./tensor";

/** Options of {@link gcnLayer}. */
export interface GcnLayerOptions {
  /** Apply ReLU to the output (Kipf and Welling's hidden layer: true; their output layer: false). */
  relu?: boolean;
}

/** Output of {@link gcnLayer}. */
export interface GcnResult {
  /** (N × F_out) */
  output: Tensor;
  /** (N × N) the fixed propagation weights D̃^{-1/2}(A + I)D̃^{-1/2}, row i over node i's neighbourhood */
  weights: Tensor;
}

/**
 * One graph convolution layer: every node sums its neighbours' projected features with the fixed
 * weights of the symmetric-normalised adjacency (self-loops added here). Nothing about the weights
 * is learned; the gradient reaches h, W and the bias through the two products.
 *
 * $$H' = \sigma\big(\tilde D^{-1/2} (A + I) \tilde D^{-1/2}\, H W + b\big),\qquad \bar{H} = \hat A^\top \bar{Z} W^\top,\ \bar{W} = H^\top \hat A^\top \bar{Z}$$
 *
 * Shapes: h (N×F_in), adj (N×N, > 0 = edge, without self-loops), W (F_in×F_out), bias (1×F_out)
 * or null → output (N×F_out), weights (N×N). Throws a RangeError on a shape mismatch.
 *
 * @example
 * const h = autograd.constant([[1], [3]]), W = autograd.constant([[1]]);
 * autograd.gcnLayer(h, [[0, 1], [1, 0]], W, null).output.toArray();
 * // returns [[2], [2]]
 *
 * @see {@link gatLayer}, {@link gatv2Layer}
 */
export function gcnLayer(
  h: Tensor,
  adj: ReadonlyArray<ArrayLike<number | boolean>>,
  W: Tensor,
  bias: Tensor | null,
  options: GcnLayerOptions = {},
): GcnResult {
  const N = h.rows;
  if (W.rows !== h.cols) throw new RangeError(`gcnLayer: h is ${N}×${h.cols} but W is ${W.rows}×${W.cols}`);
  if (adj.length !== N || adj.some((row) => row.length !== N))
    throw new RangeError(`gcnLayer: adj must be ${N}×${N} for ${N} nodes`);
  if (bias && (bias.rows !== 1 || bias.cols !== W.cols))
    throw new RangeError(`gcnLayer: the bias is ${bias.rows}×${bias.cols}, expected 1×${W.cols}`);
  const weights = constant(gcnNormalize(adj.map((row) => Array.from(row, Number)))); // (N, N)
  let z = matmul(weights, matmul(h, W)); // (N, F_out)
  if (bias) z = add(z, bias);
  return { output: options.relu ? relu(z) : z, weights };
}
