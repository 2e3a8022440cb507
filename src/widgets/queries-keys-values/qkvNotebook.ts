import { parseMatrixText } from "../primitives/matrixText";
import { matrixCell, scalarCell } from "../primitives/notebookCells";
import type { QkvInput } from "./qkvModel";

/**
 * Notebook cells that recompute the QKV explorer: its Q, K, V and temperature, the raw scores,
 * the weights and the output. `null` while a matrix does not parse.
 */
export function qkvCells(s: QkvInput): string[] | null {
  const Q = parseMatrixText(s.Q, "Q");
  const K = parseMatrixText(s.K, "K");
  const V = parseMatrixText(s.V, "V");
  if (!Q.ok || !K.ok || !V.ok) return null;
  return [
    matrixCell("Q", Q.value),
    matrixCell("K", K.value),
    matrixCell("V", V.value),
    scalarCell("tau", s.tau),
    `d_k = size(K)[2]`,
    "S = Q * K'",
    "A = softmax(S / (tau * sqrt(d_k)))",
    "H = A * V",
  ];
}
