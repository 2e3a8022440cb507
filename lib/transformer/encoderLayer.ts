import type { Matrix, MatrixLike, VectorLike } from "../core/matrix";
import { type MultiHeadParams, type MultiHeadResult, multiHeadAttention } from "../attention/multihead";
import { requireSequence } from "../core/validate";
import { type FeedForwardParams, feedForward } from "./feedForward";
import { layerNorm } from "./layerNorm";

/** Weights of one encoder layer. */
export interface EncoderLayerParams {
  selfAttn: MultiHeadParams;
  ff: FeedForwardParams;
  norm1Weight?: VectorLike | null;
  norm1Bias?: VectorLike | null;
  norm2Weight?: VectorLike | null;
  norm2Bias?: VectorLike | null;
}

/** Options of {@link encoderLayer}. */
export interface EncoderLayerOptions {
  numHeads: number;
  /** LayerNorm eps; default 1e-5. */
  eps?: number;
  /** (n, n) allow-mask (torch's src_mask, inverted). */
  srcMaskAllow?: ReadonlyArray<ArrayLike<boolean | number>> | null;
  /** (n) key allow-mask (torch's src_key_padding_mask, inverted). */
  srcKeyAllow?: ArrayLike<boolean | number> | null;
  /** Hide the future (j > i). */
  causal?: boolean;
}

const DEFAULTS = { eps: 1e-5, causal: false } as const;

/** Every stage of an encoder layer, in order, for a widget to step through. */
export interface EncoderLayerResult {
  /** (n, d) */
  input: Matrix;
  /** The self-attention block's stages (per-head weights, …). */
  attention: MultiHeadResult;
  /** (n, d) self-attention output. */
  attentionOut: Matrix;
  /** (n, d) input + attention. */
  residual1: Matrix;
  /** (n, d) LayerNorm 1. */
  norm1: Matrix;
  /** (n, d_ff) before / after ReLU. */
  ffHiddenPre: Matrix;
  ffHidden: Matrix;
  /** (n, d) */
  ffOut: Matrix;
  /** (n, d) norm1 + ffOut. */
  residual2: Matrix;
  /** (n, d) LayerNorm 2: the layer's output. */
  output: Matrix;
}

/**
 * A post-norm Transformer encoder layer (torch `nn.TransformerEncoderLayer`, ReLU, no dropout).
 *
 * $$x_1 = \mathrm{LN}_1(x + \mathrm{MHA}(x, x, x)),\qquad y = \mathrm{LN}_2(x_1 + \mathrm{FFN}(x_1))$$
 *
 * @example
 * const I = [[1, 0], [0, 1]];
 * const p = { selfAttn: { inProjWeight: [...I, ...I, ...I], outProjWeight: I }, ff: { w1: I, w2: I } };
 * encoderLayer([[1, 3]], p, { numHeads: 1, eps: 0 }).output.toArray();
 * // returns [[-1, 1]]
 *
 * @see {@link multiHeadAttention}, {@link feedForward}, {@link layerNorm}
 */
export function encoderLayer(
  src: MatrixLike,
  params: EncoderLayerParams,
  options: EncoderLayerOptions,
): EncoderLayerResult {
  const o = { ...DEFAULTS, ...options };
  const input = requireSequence("encoderLayer", "src", src);
  const attention = multiHeadAttention(input, input, input, params.selfAttn, {
    numHeads: o.numHeads,
    allow: o.srcMaskAllow,
    keyAllow: o.srcKeyAllow,
    causal: o.causal,
  });
  const attentionOut = attention.output; // (n, d)
  const residual1 = add(input, attentionOut); // (n, d)
  const norm1 = layerNorm(residual1, {
    eps: o.eps,
    weight: params.norm1Weight,
    bias: params.norm1Bias,
  }).output; // (n, d)
  const ff = feedForward(norm1, params.ff);
  const residual2 = add(norm1, ff.output); // (n, d)
  const output = layerNorm(residual2, {
    eps: o.eps,
    weight: params.norm2Weight,
    bias: params.norm2Bias,
  }).output; // (n, d)
  return {
    input,
    attention,
    attentionOut,
    residual1,
    norm1,
    ffHiddenPre: ff.hiddenPre,
    ffHidden: ff.hidden,
    ffOut: ff.output,
    residual2,
    output,
  };
}

function add(a: Matrix, b: Matrix): Matrix {
  const c = a.clone(); // (n, d)
  for (let i = 0; i < c.data.length; i++) c.data[i] += b.data[i];
  return c;
}
