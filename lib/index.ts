/**
 * Attention Atlas's library: attention mechanisms and the models built on them, in pure
 * TypeScript on typed arrays. No DOM. Widgets import from here (or from the file of one mechanism).
 * `lib/formula` (the mathjs extension) is imported on its own, so pages without formulas never
 * load mathjs.
 */
// core: matrices, seeded randomness, statistics
export * from "./core/matrix";
export * from "./core/random";
export * from "./core/normalMatrix";
export * from "./analysis/entropy";
export * from "./analysis/ridge";
export * from "./analysis/bottleneck";
// scores and softmax
export * from "./attention/softmax";
export * from "./scores/index";
export * from "./scores/scaleSaturation";
// attention
export { combineAllow, maskedSoftmaxRows, requireSequence } from "./attention/mask";
export type { AllowMask, KeyAllow, MaskOptions } from "./attention/mask";
export * from "./attention/scaledDotProduct";
export * from "./attention/attention";
export * from "./attention/hard";
export * from "./attention/local";
export * from "./attention/global";
export * from "./attention/multihead";
export * from "./attention/pointer";
export * from "./attention/pooling";
export * from "./attention/hierarchical";
// recurrent and convolutional companions
export * from "./rnn/tanhRnn";
export * from "./rnn/attentionDecoder";
export * from "./rnn/toyTranslation";
export * from "./rnn/leakyIntegrator";
export * from "./cnn/conv1d";
// the Transformer
export * from "./transformer/linear";
export * from "./transformer/layerNorm";
export * from "./transformer/positionalEncoding";
export * from "./transformer/feedForward";
export * from "./transformer/encoderLayer";
export * from "./transformer/layerCost";
export * from "./transformer/transformerXL";
export * from "./transformer/xlnet";
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
// training
export * from "./training/gradClip";
