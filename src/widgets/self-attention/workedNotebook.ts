import { scalarCell } from "../primitives/notebookCells";
import { SPREAD_PAIRS } from "./workedModel";

/**
 * Notebook cells that recompute the worked example: q = (1, …, 1) and keys k_j = (s_j/d_k, …) of
 * size d_k, so that q·k_j = s_j; the raw and scaled scores and the weights. The spread of q·k over
 * random pairs needs seeded random numbers, which the notebook does not have: a comment says so.
 */
export function workedCells(s: { s1: number; s2: number; dk: string }): string[] {
  return [
    `# q = (1, …, 1) and k_j = (s_j / d_k, …), so q·k_j = s_j. Not recomputed here: the spread of q·k over ${SPREAD_PAIRS} random pairs (the notebook has no seeded random numbers).`,
    scalarCell("d_k", Number(s.dk)),
    scalarCell("s1", s.s1),
    scalarCell("s2", s.s2),
    "q = ones(1, d_k)",
    "K = [[s1], [s2]] * ones(1, d_k) / d_k",
    "raw = q * K'",
    "scaled = raw / sqrt(d_k)",
    "alpha = softmax(scaled)",
    "A = attentionWeights(q, K)",
  ];
}
