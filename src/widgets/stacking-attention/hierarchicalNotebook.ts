import { matrixCell, scalarCell } from "../primitives/notebookCells";
import { type HanInput, computeHan } from "./hierarchicalModel";
import { FEATURES } from "./lexicon";

/**
 * Notebook cells that recompute the hierarchical attention widget: the word vectors of each
 * sentence (lexicon entry plus seeded noise, carried as numbers), the context vector u = κ·e_aspect
 * used at both levels, each sentence's word weights `alpha<i>` and vector `s<i>`, the sentence
 * weights `beta` and the document vector `v`. W = I and b = 0, so u_t = tanh(h_t). `null` while
 * the document has an error.
 */
export function hanCells(s: HanInput): string[] | null {
  const out = computeHan(s);
  if (!out.ok) return null;
  const { sentences, aspectIndex } = out.view;
  const unit = FEATURES.map((_, c) => (c === aspectIndex ? 1 : 0));
  const perSentence = sentences.flatMap((sent, i) => [
    matrixCell(`X${i + 1}`, sent.vectors),
    `alpha${i + 1} = softmax(map(X${i + 1}, tanh) * u)`,
    `s${i + 1} = alpha${i + 1} * X${i + 1}`,
  ]);
  return [
    scalarCell("kappa", s.kappa),
    `u = kappa * [${unit.join(", ")}]`,
    ...perSentence,
    `S = [${sentences.map((_, i) => `s${i + 1}`).join(", ")}]`,
    "beta = softmax(map(S, tanh) * u)",
    "v = beta * S",
  ];
}
