import { scalarCell } from "../primitives/notebookCells";
import { type XLInput, computeXL } from "./xlModel";

/**
 * Notebook cells that recompute the Transformer-XL widget: the allow-mask of the segment over
 * [memory; segment] (all memory keys, then the causal triangle, built from index grids), how many
 * keys each query sees, and the last token's reach over L layers.
 */
export function xlCells(s: XLInput): string[] {
  const v = computeXL(s);
  const causal = "J <= I";
  return [
    scalarCell("N", v.seg),
    scalarCell("mem", v.mem),
    scalarCell("L", v.layers),
    "I = reshape(1:N, [N, 1]) * ones(1, N)",
    "J = ones(N, 1) * reshape(1:N, [1, N])",
    v.mem > 0 ? `mask = concat(ones(N, mem) == 1, ${causal})` : `mask = ${causal}`,
    "keys = sum(mask, 2)",
    "reach = N + L * N",
  ];
}
