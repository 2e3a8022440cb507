/**
 * The prefix of a widget's keys in a link (`?<prefix>.<field>=…`), derived from the widget's id
 * (the `id` its `<Widget>` frame gives it, `data-widget` on the page) by one function, so no
 * island types its own. A chapter's widget ids differ in their name part, so the prefixes of the
 * widgets on a page are unique (`tests/src/widgets/primitives/widgetFrame.test.ts` checks every
 * page).
 */

/**
 * The link prefix of a widget: the name after its chapter.
 *
 * @param id `<chapter-slug>/<widget-name>`, as `Widget.astro` requires
 * @throws Error when the id does not have that form
 * @example
 * statePrefix("hopfield-networks/capacity");
 * // returns "capacity"
 */
export function statePrefix(id: string): string {
  const m = /^[a-z0-9-]+\/([a-z0-9-]+)$/.exec(id);
  if (!m) throw new Error(`widget id "${id}" must look like "<chapter-slug>/<widget-name>"`);
  return m[1];
}

/**
 * The prefixes the widgets' links used before they were derived from the ids (links shared then
 * still open: their keys are read when the new ones are absent, and replaced by the new ones when
 * the widget writes its link).
 */
export const OLD_PREFIXES: Readonly<Record<string, string>> = {
  "beyond-the-transformer/transformer-xl": "xl",
  "graph-attention/gat-editor": "gat",
  "graph-attention/train-karate": "karate",
  "hopfield-networks/capacity": "cap",
  "hopfield-networks/modern": "mhop",
  "hopfield-networks/recall": "hop",
  "memory-networks/story-qa": "mem",
  "memory-networks/train-memn2n": "mn2",
  "multi-head-attention/heads": "mh",
  "multi-head-attention/induction": "ind",
  "neural-turing-machines/addressing": "ntm",
  "neural-turing-machines/copy-task": "copy",
  "pointer-networks/pointer-sort": "ptr",
  "pointer-networks/train-pointer": "ptrnet",
  "queries-keys-values/qkv-explorer": "qkv",
  "score-functions/score-explorer": "sf",
  "score-functions/sqrt-d": "sd",
  "self-attention/explorer": "sa",
  "self-attention/worked-example": "we",
  "seq2seq-attention/date-translator": "dates",
  "seq2seq-attention/step-decoder": "s2s",
  "seq2seq-attention/train-reverse": "rev",
  "soft-hard-local/modes": "shl",
  "stacking-attention/hierarchical": "han",
  "stacking-attention/pooling": "pool",
  "training-attention/clipping-lab": "clip",
  "transformer-encoder/encoder-step": "enc",
  "transformer-encoder/layer-cost": "cost",
  "transformer-encoder/positional-encoding": "pe",
  "why-attention/bottleneck": "bn",
  "why-attention/spotlight": "spot",
};

/**
 * A widget's link keys: its prefix and, for a widget that had one, the prefix its older links use.
 *
 * @example
 * linkKeys("queries-keys-values/qkv-explorer");
 * // returns { prefix: "qkv-explorer", old: "qkv" }
 */
export function linkKeys(id: string): { prefix: string; old: string | undefined } {
  const old = Object.hasOwn(OLD_PREFIXES, id) ? OLD_PREFIXES[id] : undefined;
  return { prefix: statePrefix(id), old };
}
