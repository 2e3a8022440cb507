/** The notebook benchmark's cells (bench/notebookUi.ts), also used by the engine's unit tests. */
import { READY_MADE } from "../src/notebook/examples";

/** The projections of the part 2 notebook: Wq, Wk, Wv, Q, K and V. */
const projections = READY_MADE.find((r) => r.part === 2)!.cells.slice(1, 7);

/** Twenty cells: embeddings, projections, scores, weights, outputs, a second layer and summaries. */
export function attentionNotebook(scale: number): string[] {
  // The last cell changes with the scale of X (a layer norm alone would not), so a redraw is seen.
  return [
    `X = [[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 0, 0], [0, 0, 1, 1]] * ${scale}`,
    ...projections,
    "d_k = size(K)[2]",
    "S = Q * K' / sqrt(d_k)",
    "A = softmax(S)",
    "H = A * V",
    "A2 = attentionWeights(H, H)",
    "H2 = A2 * H",
    "mask = [[true, false, false, false], [true, true, false, false], [true, true, true, false], [true, true, true, true]]",
    "Ac = attentionWeights(Q, K, mask)",
    "Hc = Ac * V",
    "rowSums = sum(A, 2)",
    "spread = max(A) - min(A)",
    "out = layerNorm(H2 + Hc)",
    "total = sum(out) + sum(H2) + sum(Hc)",
  ];
}
