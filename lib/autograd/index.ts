/**
 * Reverse-mode automatic differentiation over `lib/`'s matrices, in the spirit of micrograd but
 * with a matrix (not a scalar) per node: every operation computes its value and records the rule
 * that sends the gradient back, side by side in one small file per family. Used through the
 * `autograd` namespace of `lib/index.ts` (`import { autograd } from "lib"`) or from this barrel.
 *
 * Usage: a two-layer classifier, one Adam step. Parameters are seeded (`rng`), so the same seed
 * gives the same weights to the bit.
 *
 * $$\theta \leftarrow \mathrm{Adam}\big(\theta, \nabla_\theta\, \mathrm{CE}(W_2 \tanh(W_1 x + b_1), t)\big)$$
 *
 * @example
 * const r = rng(1);
 * const w1 = autograd.uniformParam(8, 3, r, 0.5), b1 = autograd.zeros(1, 8, true);
 * const w2 = autograd.uniformParam(2, 8, r, 0.5);
 * const opt = new autograd.Adam([w1, b1, w2], { lr: 0.01 });
 * const x = autograd.constant([[1, 0, 2], [0, 1, -1]]); // (batch 2, in 3)
 * const logits = autograd.linear(autograd.tanh(autograd.linear(x, w1, b1)), w2); // (2, 2)
 * const loss = autograd.crossEntropy(logits, [0, 1]);
 * opt.zeroGrad(); loss.backward(); opt.step();
 * [loss.shape, w1.grad?.length];
 * // returns [[1, 1], 24]
 */
export {
  Tensor,
  param,
  constant,
  detach,
  zeros,
  uniformParam,
  normalParam,
  result,
  gradOf,
  addGrad,
} from "./tensor";
export type { BackwardFn } from "./tensor";
export { matmul, transpose, linear } from "./linalg";
export { add, sub, mul, scale, sum, mean } from "./elementwise";
export { tanh, sigmoid, relu, leakyRelu, elu, exp, log } from "./activation";
export { softmax, logSoftmax } from "./softmax";
export type { SoftmaxMask, SoftmaxOptions } from "./softmax";
export { crossEntropy, mseLoss } from "./loss";
export type { CrossEntropyOptions } from "./loss";
export { concat, sliceRows, sliceCols, reshape, embedding } from "./shape";
export { bagEmbedding } from "./bagEmbedding";
export { gruCell } from "./gru";
export type { RecurrentWeights } from "./gru";
export { lstmCell, janetCell } from "./lstm";
export type { LstmState } from "./lstm";
export { rnnCell, unrollRnn, indRnnCell } from "./rnn";
export type { RnnNonlinearity, IndRnnWeights } from "./rnn";
export { layerNorm } from "./norm";
export { scaledDotProductAttention, multiheadAttention, additiveAttention } from "./attention";
export type {
  AttentionMasks,
  AttentionResult,
  MultiheadWeights,
  MultiheadResult,
  AdditiveResult,
} from "./attention";
export { causalSelfAttention } from "./causalSelfAttention";
export type { CausalSelfAttentionOptions, CausalSelfAttentionResult } from "./causalSelfAttention";
export { gatLayer, gatv2Layer, gatv2Scores } from "./gat";
export type { GatOptions, GatResult } from "./gat";
export { gcnLayer } from "./gcn";
export type { GcnLayerOptions, GcnResult } from "./gcn";
export { encoderLayer } from "./transformer";
export type { EncoderLayerWeights } from "./transformer";
export { SGD, Adam, clipGradientsByNorm, clipGradientsByValue } from "./optim";
export type { SGDOptions, AdamOptions, ClipByNormOptions } from "./optim";
