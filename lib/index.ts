/**
 * Attention Atlas's library: attention mechanisms and the models built on them, in pure
 * TypeScript on typed arrays. No DOM. Widgets import from here (or from the file of one mechanism).
 */
// core
export * from "./core/matrix";
export * from "./core/random";
// attention
export * from "./attention/softmax";
// scores, sequence attention, Transformer, training
export * from "./scores/index";
export { combineAllow, maskedSoftmaxRows, requireSequence } from "./attention/mask";
export type { AllowMask, KeyAllow, MaskOptions } from "./attention/mask";
export * from "./attention/scaledDotProduct";
export * from "./attention/attention";
export * from "./attention/hard";
export * from "./attention/local";
export * from "./attention/global";
export * from "./attention/multihead";
export * from "./transformer/linear";
export * from "./transformer/layerNorm";
export * from "./transformer/positionalEncoding";
export * from "./transformer/feedForward";
export * from "./transformer/encoderLayer";
export * from "./training/gradClip";
// graphs
export * from "./graph/gat";
export * from "./graph/gcn";
// memory
export * from "./memory/ntm";
export * from "./memory/ntmMemory";
export * from "./memory/memn2n";
export * from "./memory/memn2nTying";
export * from "./memory/bagOfWords";
export * from "./memory/hopfield";
export * from "./memory/hopfieldBinary";
export * from "./memory/hopfieldCapacity";
export * from "./attention/pointer";
export * from "./transformer/layerCost";
export * from "./attention/pooling";
export * from "./attention/hierarchical";
export * from "./cnn/conv1d";
export * from "./rnn/leakyIntegrator";
// chapters 1–3: statistics, random matrices, the √d experiment
export * from "./core/normalMatrix";
export * from "./analysis/entropy";
export * from "./scores/scaleSaturation";
export * from "./transformer/transformerXL";
export * from "./transformer/xlnet";
// chapter 2: a tanh RNN encoder and an attention decoder (Bahdanau / Luong)
export * from "./rnn/tanhRnn";
export * from "./rnn/attentionDecoder";
export * from "./rnn/toyTranslation";
// chapter 1: linear read-outs and the fixed-length bottleneck experiment
export * from "./analysis/ridge";
export * from "./analysis/bottleneck";
