import { fixed, formats } from "../primitives/format";
import { texAligned, texSum } from "../primitives/texNumbers";
import { ITEMS, KEYS, type SpotView } from "./spotModel";

/** The pad's digits: coordinates and scores to two decimals, weights to three (the bars). */
const f2 = (x: number) => fixed(x, 2);
const pair = (v: readonly number[]) => `(${f2(v[0])},\\ ${f2(v[1])})`;

/**
 * The spotlight's equation for item j (0-based) with the numbers substituted: its score q·k_j,
 * its softmax weight over the eight items, and the read-out Σ α_i k_i (the values are the keys).
 */
export function spotEquationTex(qx: number, qy: number, view: SpotView, item: number): string {
  const j = item + 1;
  const k = KEYS[item];
  const exps = texSum(
    view.scores.map((s) => `e^{${f2(s)}}`),
    8,
  );
  const terms = texSum(
    view.weights.map((a, i) => `${formats.weight(a)}\\,k_{${i + 1}}`),
    4,
  );
  return texAligned([
    `s_{${j}} &= q^\\top k_{${j}} = (${f2(qx)})(${f2(k[0])}) + (${f2(qy)})(${f2(k[1])}) = ${f2(view.scores[item])} \\quad (k_{${j}}: \\text{${ITEMS[item]}})`,
    `\\alpha_{${j}} &= \\frac{e^{s_{${j}}}}{\\sum_{i=1}^{8} e^{s_i}} = \\frac{e^{${f2(view.scores[item])}}}{${exps}} = ${formats.weight(view.weights[item])}`,
    `r &= \\textstyle\\sum_i \\alpha_i k_i = ${terms} = ${pair(view.readout)}`,
  ]);
}
