import { matrixCell, vectorCell } from "../primitives/notebookCells";
import { roundSignificant } from "../primitives/format";
import { ITEMS, KEYS } from "./spotModel";

/** Significant digits of the keys (2 cos(jπ/4), 2 sin(jπ/4)) written into cells. */
const DIGITS = 15;

/**
 * Notebook cells that recompute the spotlight: the query q, the eight keys K (one row per item),
 * the dot-product scores s = Kq, the softmax weights alpha and the read-out r = Σ alpha_j k_j
 * (the values are the keys).
 */
export function spotCells(s: { qx: number; qy: number }): string[] {
  return [
    `# Rows of K, in order: ${ITEMS.map((name, j) => `k${j + 1} ${name}`).join(", ")}.`,
    vectorCell("q", [s.qx, s.qy]),
    matrixCell(
      "K",
      KEYS.map((k) => k.map((x) => roundSignificant(x, DIGITS))),
    ),
    "s = K * q",
    "alpha = softmax(s)",
    "r = alpha * K",
  ];
}
