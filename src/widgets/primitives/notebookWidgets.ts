/**
 * The widgets whose frame shows "Open in notebook" (their cells are made on the notebook page, in
 * fromWidget.ts). Kept apart so that the widget frame reads this list without the cell makers.
 */
export const NOTEBOOK_WIDGETS = [
  "queries-keys-values/qkv-explorer",
  "score-functions/score-explorer",
  "self-attention/explorer",
  "multi-head-attention/heads",
  "stacking-attention/hierarchical",
  "stacking-attention/pooling",
  "why-attention/spotlight",
  "why-attention/bottleneck",
  "score-functions/sqrt-d",
  "graph-attention/gat-editor",
  "transformer-encoder/encoder-step",
  "transformer-encoder/positional-encoding",
  "transformer-encoder/layer-cost",
  "beyond-the-transformer/transformer-xl",
  "beyond-the-transformer/xlnet",
  "self-attention/worked-example",
  "soft-hard-local/modes",
  "pointer-networks/pointer-sort",
  "neural-turing-machines/addressing",
  "neural-turing-machines/copy-task",
  "memory-networks/story-qa",
] as const;
