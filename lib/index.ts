/**
 * Attention Atlas's library: attention mechanisms and the models built on them, in pure
 * TypeScript on typed arrays. No DOM. Widgets import from here (or from the file of one mechanism).
 * `lib/formula` (the mathjs extension) is imported on its own, so pages without formulas never
 * load mathjs.
 */
// core: matrices, input checks, the linear layer, seeded randomness
export * from "./core/matrix";
export { requireSequence } from "./core/validate";
export { excerpt } from "./core/excerpt";
export * from "./core/linear";
export * from "./core/tokenize";
export * from "./core/random";
export * from "./core/normalMatrix";
export * from "./core/portableMath";
export * from "./core/fingerprint";
// analysis: statistics of weights and fits
export * from "./analysis/entropy";
export * from "./analysis/ridge";
// scores and softmax
export * from "./attention/softmax";
export * from "./scores/index";
// attention
export { allowVector, combineAllow, maskedSoftmaxRows } from "./attention/mask";
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
export * from "./graph/rankings";
// memory
export * from "./memory/ntm";
export * from "./memory/ntmMemory";
export * from "./memory/memn2n";
export * from "./memory/memn2nTying";
export * from "./memory/bagOfWords";
export * from "./memory/hopfield";
export * from "./memory/hopfieldBinary";
// training
export * from "./training/gradClip";
// experiments: seeded measurements built from the mechanisms above
export * from "./experiments/scaleSaturation";
export * from "./experiments/bottleneck";
export * from "./experiments/hopfieldCapacity";
// automatic differentiation and optimisers (a namespace: its op names mirror the forward library's)
export * as autograd from "./autograd/index";
// batched attention ops for encoder-decoders (autograd), and the trained models built on them
export * as seqAttention from "./autograd/seqAttention";
export * as models from "./models/index";
