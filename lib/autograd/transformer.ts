/** torch `nn.TransformerEncoderLayer` (post-norm, ReLU, dropout 0) from differentiable pieces. */
import { relu } from "./activation";
import { type AttentionMasks, type MultiheadWeights, multiheadAttention } from "./attention";
import { add } from "./elementwise";
import { linear } from "./linalg";
import { layerNorm } from "./norm";
import type { Tensor } from "./tensor";

/** Weights of {@link encoderLayer}, in torch's Linear orientation. */
export interface EncoderLayerWeights {
  selfAttn: MultiheadWeights;
  /** (ff × d), (1 × ff) */
  linear1Weight: Tensor;
  linear1Bias?: Tensor | null;
  /** (d × ff), (1 × d) */
  linear2Weight: Tensor;
  linear2Bias?: Tensor | null;
  /** (1 × d) each, or null */
  norm1Weight?: Tensor | null;
  norm1Bias?: Tensor | null;
  norm2Weight?: Tensor | null;
  norm2Bias?: Tensor | null;
}

/**
 * One post-norm Transformer encoder layer (Vaswani et al. 2017, §3.1), as torch with
 * `norm_first=False`, ReLU and dropout 0.
 *
 * $$x_1 = \mathrm{LN}_1(x + \mathrm{MHA}(x, x, x)),\qquad y = \mathrm{LN}_2\big(x_1 + W_2\,\mathrm{relu}(W_1 x_1 + b_1) + b_2\big)$$
 *
 * Shapes: src (n×d) → (n×d); numHeads divides d.
 *
 * @example
 * const d = 2, z = (r, c) => autograd.zeros(r, c);
 * const w = { selfAttn: { inProjWeight: z(3 * d, d), outProjWeight: z(d, d) }, linear1Weight: z(4, d), linear2Weight: z(d, 4) };
 * autograd.encoderLayer(autograd.constant([[1, 3]]), w, 1).toArray().map((r) => r.map((x) => Math.round(x * 1e4) / 1e4));
 * // returns [[-1, 1]]
 *
 * @see {@link multiheadAttention}, {@link layerNorm}
 */
export function encoderLayer(
  src: Tensor,
  w: EncoderLayerWeights,
  numHeads: number,
  masks: AttentionMasks = {},
  eps = 1e-5,
): Tensor {
  const attn = multiheadAttention(src, src, src, w.selfAttn, numHeads, masks).output;
  const x1 = layerNorm(add(src, attn), w.norm1Weight ?? null, w.norm1Bias ?? null, eps);
  const ff = linear(
    relu(linear(x1, w.linear1Weight, w.linear1Bias ?? null)),
    w.linear2Weight,
    w.linear2Bias ?? null,
  );
  return layerNorm(add(x1, ff), w.norm2Weight ?? null, w.norm2Bias ?? null, eps);
}
