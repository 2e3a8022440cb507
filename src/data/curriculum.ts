/**
 * The course outline: five parts, sixteen chapters, in reading order. The sidebar, the home page
 * and the previous/next links come from here; a chapter that has no MDX file yet is shown as
 * "coming", never as a broken link. Mirrors `../shared/CURRICULUM.md`.
 */
export interface PartInfo {
  number: number;
  title: string;
  blurb: string;
}

export interface ChapterInfo {
  order: number;
  part: number;
  slug: string;
  title: string;
}

export const parts: readonly PartInfo[] = [
  {
    number: 1,
    title: "Attention for sequences",
    blurb: "From the encoder-decoder bottleneck to scores, weights and pointers.",
  },
  {
    number: 2,
    title: "The Transformer",
    blurb: "Self-attention, many heads, the encoder layer and what came after.",
  },
  { number: 3, title: "Graphs", blurb: "Attention over neighbourhoods: graph attention networks." },
  { number: 4, title: "Memory", blurb: "Memory networks, Neural Turing Machines and Hopfield networks." },
  { number: 5, title: "Practice", blurb: "Training attention models without exploding gradients." },
];

export const chapters: readonly ChapterInfo[] = [
  { order: 1, part: 1, slug: "why-attention", title: "Why attention" },
  { order: 2, part: 1, slug: "seq2seq-attention", title: "Seq2seq with attention" },
  { order: 3, part: 1, slug: "score-functions", title: "Score functions" },
  { order: 4, part: 1, slug: "queries-keys-values", title: "Queries, keys and values" },
  { order: 5, part: 1, slug: "soft-hard-local", title: "Soft, hard and local attention" },
  { order: 6, part: 1, slug: "stacking-attention", title: "Stacking and plugging in" },
  { order: 7, part: 1, slug: "pointer-networks", title: "Pointer networks" },
  { order: 8, part: 2, slug: "self-attention", title: "Self-attention" },
  { order: 9, part: 2, slug: "multi-head-attention", title: "Multi-head attention" },
  { order: 10, part: 2, slug: "transformer-encoder", title: "The Transformer encoder" },
  { order: 11, part: 2, slug: "beyond-the-transformer", title: "Beyond the vanilla Transformer" },
  { order: 12, part: 3, slug: "graph-attention", title: "Graph attention networks" },
  { order: 13, part: 4, slug: "memory-networks", title: "Memory networks" },
  { order: 14, part: 4, slug: "neural-turing-machines", title: "Neural Turing Machines" },
  { order: 15, part: 4, slug: "hopfield-networks", title: "Hopfield networks" },
  { order: 16, part: 5, slug: "training-attention", title: "Training attention models" },
];

/** The suggested path shown on the home page. */
export const suggestedPath: readonly { label: string; orders: number[] }[] = [
  { label: "Core (a weekend)", orders: [1, 2, 3, 4, 8, 9, 10] },
  { label: "Sequences in depth", orders: [5, 6, 7] },
  { label: "Beyond sequences", orders: [12, 13, 14, 15] },
  { label: "Frontier and practice", orders: [11, 16] },
];

export const seedFiles = [
  "000_ded3ed4d9289079f.txt",
  "001_f3c574507d0829a7.txt",
  "002_ff22fd341518b3af.txt",
  "003_a113f68e7a01febe.txt",
  "004_d756bbf9aaedcefc.txt",
] as const;

/** A part's numeral as readers see it everywhere (home cards, sidebar, chapter kicker): 3 → "III". */
export function partNumeral(part: number): string {
  const roman = ["I", "II", "III", "IV", "V"][part - 1];
  if (!roman) throw new RangeError(`There is no part ${part}; the course has parts 1 to ${parts.length}.`);
  return roman;
}

export function chapterUrl(slug: string): string {
  return `/chapters/${slug}/`;
}
