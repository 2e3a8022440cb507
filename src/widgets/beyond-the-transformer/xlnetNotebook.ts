import { scalarCell, vectorCell } from "../primitives/notebookCells";
import { parseOrder } from "./xlnetModel";

/**
 * Notebook cells that recompute the XLNet widget from its order z: the one-hot matrix P of the
 * order (P_tj = [z_t = j]), each position's rank (1-based), and the content-stream and query-stream
 * masks rank(j) ≤ rank(i) and rank(j) < rank(i). `null` while the order is not a permutation.
 */
export function xlnetCells(s: { order: string }): string[] | null {
  const parsed = parseOrder(s.order);
  if (!parsed.ok) return null;
  return [
    vectorCell(
      "z",
      parsed.order.map((p) => p + 1),
    ),
    scalarCell("n", parsed.order.length),
    "P = reshape(z, [n, 1]) * ones(1, n) == ones(n, 1) * reshape(1:n, [1, n])",
    "rank = reshape(1:n, [1, n]) * P",
    "R = ones(n, 1) * rank",
    "content = R <= R'",
    "query = R < R'",
  ];
}
