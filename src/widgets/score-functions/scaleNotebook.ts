import { scalarCell, vectorCell } from "../primitives/notebookCells";
import { roundSignificant } from "../primitives/format";
import { type ScaleInput, pick } from "./scaleModel";

/** Significant digits of the sampled scores written into cells (the widget shows one decimal). */
const DIGITS = 15;

/**
 * Notebook cells that recompute the √d widget's one sampled query at the chosen d: its scores,
 * raw and divided by √d, their softmax weights, the largest weight and the entropy of each. The
 * notebook has no seeded random numbers, so the drawn q and K are carried as their dot products
 * s_j = qᵀk_j; the curves' averages over all sampled queries are left out (a comment cell says so).
 */
export function scaleCells(s: ScaleInput): string[] {
  const view = pick(s);
  const n = view.sample.raw.length;
  return [
    `# One query drawn at d = ${view.d} against n = ${n} random keys (entries N(0, 1), seed ${s.seed}). ` +
      "The notebook has no seeded random numbers, so q and K are not carried: s holds their dot products q'k_j " +
      "as the widget drew them. The curves' averages over many such queries are not recomputed here.",
    scalarCell("d", view.d),
    vectorCell(
      "s",
      Array.from(view.sample.raw, (x) => roundSignificant(x, DIGITS)),
    ),
    "s_scaled = s / sqrt(d)",
    "alpha = softmax(s)",
    "alpha_scaled = softmax(s_scaled)",
    "top = max(alpha)",
    "top_scaled = max(alpha_scaled)",
    "plogp(a) = a > 0 ? a * log(a) : 0",
    "H = -sum(map(alpha, plogp))",
    "H_scaled = -sum(map(alpha_scaled, plogp))",
  ];
}
