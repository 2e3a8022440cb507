/**
 * Components for chapter authors: import from here in MDX. Internal layout components live in
 * `src/components/`; widget building blocks live in `src/widgets/primitives/`.
 */
// frame and prose components
export { default as Widget } from "./primitives/Widget.astro";
export { default as Callout } from "./Callout.astro";
export { default as Exercise } from "./Exercise.astro";
// Part I: attention for sequences
export { default as Spotlight } from "./why-attention/Spotlight.astro";
export { default as Bottleneck } from "./why-attention/Bottleneck.astro";
export { default as StepDecoder } from "./seq2seq-attention/StepDecoder.astro";
export { default as TrainReverse } from "./seq2seq-attention/TrainReverse.astro";
export { default as DateTranslator } from "./seq2seq-attention/DateTranslator.astro";
export { default as ScoreExplorer } from "./score-functions/ScoreExplorer.astro";
export { default as ScaleSaturation } from "./score-functions/ScaleSaturation.astro";
export { default as QkvExplorer } from "./queries-keys-values/QkvExplorer.astro";
export { default as SoftHardLocal } from "./soft-hard-local/SoftHardLocal.astro";
export { default as HierarchicalAttention } from "./stacking-attention/HierarchicalAttention.astro";
export { default as PoolingCompare } from "./stacking-attention/PoolingCompare.astro";
export { default as PointerSort } from "./pointer-networks/PointerSort.astro";
export { default as TrainPointer } from "./pointer-networks/TrainPointer.astro";
// Part II: the Transformer
export { default as SelfAttention } from "./self-attention/SelfAttention.astro";
export { default as SelfAttentionWorked } from "./self-attention/WorkedExample.astro";
export { default as MultiHead } from "./multi-head-attention/MultiHead.astro";
export { default as InductionHeads } from "./multi-head-attention/InductionHeads.astro";
export { default as PositionalEncoding } from "./transformer-encoder/PositionalEncoding.astro";
export { default as EncoderStep } from "./transformer-encoder/EncoderStep.astro";
export { default as LayerCost } from "./transformer-encoder/LayerCost.astro";
export { default as TransformerXL } from "./beyond-the-transformer/TransformerXL.astro";
export { default as XLNet } from "./beyond-the-transformer/XLNet.astro";
// Part III: graphs
export { default as GatEditor } from "./graph-attention/GatEditor.astro";
export { default as TrainKarate } from "./graph-attention/TrainKarate.astro";
// Part IV: memory
export { default as MemoryNetwork } from "./memory-networks/MemoryNetwork.astro";
export { default as TrainMemoryNetwork } from "./memory-networks/TrainMemoryNetwork.astro";
export { default as NtmAddressing } from "./neural-turing-machines/NtmAddressing.astro";
export { default as NtmCopyTask } from "./neural-turing-machines/NtmCopyTask.astro";
export { default as HopfieldRecall } from "./hopfield-networks/HopfieldRecall.astro";
export { default as HopfieldCapacity } from "./hopfield-networks/HopfieldCapacity.astro";
export { default as ModernHopfield } from "./hopfield-networks/ModernHopfield.astro";
// Part V: practice
export { default as ClippingLab } from "./training-attention/ClippingLab.astro";
