import { fixed } from "../primitives/format";
import { texAligned, texSum } from "../primitives/texNumbers";
import { BN_SHARPNESS, type BnInput, type BnPoint, TOKEN_SIZE } from "./bnModel";

/** The table's digits. */
const f3 = (x: number) => fixed(x, 3);

/**
 * The bottleneck's equation at the selected length L and state size d, with the measured
 * numbers: the single vector z, the mean held-out R² of reading every token from z (per position)
 * beside the linear bound, and the attention read of position i (its weight on its own state) with
 * its mean R².
 */
export function bnEquationTex(s: Pick<BnInput, "summary">, hidden: number, p: BnPoint): string {
  const L = p.length;
  const m = TOKEN_SIZE;
  const mean = (v: number[]) => texSum(v.map(f3), 6);
  const z =
    s.summary === "last"
      ? `z &= h_{${L}} \\in \\mathbb{R}^{${hidden}}`
      : `z &= \\tfrac{1}{${L}} \\textstyle\\sum_{j=1}^{${L}} h_j \\in \\mathbb{R}^{${hidden}}`;
  const self = Math.exp(BN_SHARPNESS) / (Math.exp(BN_SHARPNESS) + L - 1);
  return texAligned([
    z,
    `\\overline{R^2}_{z} &= \\tfrac{1}{${L}} \\textstyle\\sum_{i=1}^{${L}} R^2_i = \\tfrac{1}{${L}}(${mean(p.singleByPosition)}) = ${f3(p.single)},\\quad \\min\\!\\left(1, \\tfrac{d}{mL}\\right) = \\min\\!\\left(1, \\tfrac{${hidden}}{${m} \\cdot ${L}}\\right) = ${f3(p.bound)}`,
    `c^{(i)} &= \\textstyle\\sum_j \\operatorname{softmax}_j(${BN_SHARPNESS}\\, e_i^\\top e_j)\\, h_j,\\quad \\alpha_{ii} = \\frac{e^{${BN_SHARPNESS}}}{e^{${BN_SHARPNESS}} + ${L - 1}} = ${f3(self)}`,
    `\\overline{R^2}_{c} &= \\tfrac{1}{${L}}(${mean(p.attentionByPosition)}) = ${f3(p.attention)}`,
  ]);
}
