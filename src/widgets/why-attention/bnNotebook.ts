import { scalarCell, vectorCell } from "../primitives/notebookCells";
import { roundSignificant } from "../primitives/format";
import { BN_SHARPNESS, type BnInput, TOKEN_SIZE, bnHidden, bnPoints } from "./bnModel";

/** Significant digits of the measured R² written into cells (the widget shows three decimals). */
const DIGITS = 12;
const round = (v: number[]) => v.map((x) => roundSignificant(x, DIGITS));

/**
 * Notebook cells for the bottleneck at the selected length L: the measured held-out R² of every
 * position (single vector and attention), their means, the linear bound min(1, d/(mL)) and the
 * attention read's weights softmax(β e_iᵀe_j). The measurement itself (600 random sequences
 * through a seeded random tanh RNN, and ridge read-outs) needs seeded random numbers, which the
 * notebook does not have: a comment cell says it is left out and the R² come from the widget's model.
 */
export function bnCells(s: BnInput): string[] {
  const hidden = bnHidden(s.hidden);
  let point = null;
  for (const p of bnPoints(s)) {
    point = p;
    if (p.length >= s.length) break;
  }
  if (!point) return [];
  return [
    `# The bottleneck at L = ${point.length} tokens of m = ${TOKEN_SIZE} numbers, state size d = ${hidden}, ` +
      `the ${s.summary === "last" ? "last state" : "mean of the states"} as the single vector, seed ${s.seed}. ` +
      "Not recomputed here: encoding 600 random sequences with a random tanh RNN and fitting the ridge read-outs " +
      "(the notebook has no seeded random numbers). R2_single and R2_attention are the widget's held-out R² per position.",
    scalarCell("L", point.length),
    scalarCell("m", TOKEN_SIZE),
    scalarCell("d", hidden),
    vectorCell("R2_single", round(point.singleByPosition)),
    vectorCell("R2_attention", round(point.attentionByPosition)),
    "single = mean(R2_single)",
    "attn = mean(R2_attention)",
    "bound = min(1, d / (m * L))",
    scalarCell("beta", BN_SHARPNESS),
    "alpha = softmax(beta * identity(L))",
    "self = alpha[1, 1]",
  ];
}
