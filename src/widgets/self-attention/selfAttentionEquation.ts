import { fixed, formats } from "../primitives/format";
import { texAligned, texSum, texVector } from "../primitives/texNumbers";
import { D_K, type SelfAttentionResult } from "./selfAttentionModel";

/** The heatmap's digits for weights; vectors as the tables print them. */
const w2 = (x: number) => fixed(x, 2);
const e = formats.entry;

/**
 * The self-attention explorer's equation for the selected token i with the numbers substituted:
 * its query, its scaled scores against every key (with the causal mask, the later words' scores
 * are −∞ and their weights 0), its weights and its output h_i = Σ_j α_ij v_j.
 */
export function selfAttentionTex(r: SelfAttentionResult, causal: boolean): string {
  const i = r.token;
  const I = i + 1;
  const n = r.tokens.length;
  const scores = r.Q[i] ? r.K.map((k) => k.reduce((a, x, c) => a + x * r.Q[i][c], 0) / Math.sqrt(D_K)) : [];
  const shown = scores.map((s, j) => (causal && j > i ? "-\\infty" : formats.score(s)));
  const terms = texSum(
    r.weights[i].map((a, j) => `${w2(a)}\\,v_{${j + 1}}`),
    6,
  );
  const mask = causal
    ? i < n - 1
      ? `\\quad \\text{(causal mask: } j > ${I} \\text{ set to } -\\infty\\text{, weight } 0\\text{)}`
      : `\\quad \\text{(causal mask: every word is at or before } ${I}\\text{)}`
    : "";
  return texAligned([
    `q_{${I}} &= x_{${I}} W_q = ${texVector(r.Q[i], e)}`,
    `s_{${I}} &= \\frac{q_{${I}} K^{\\top}}{\\sqrt{${D_K}}} = \\left[${shown.join(",\\ ")}\\right]${mask}`,
    `\\alpha_{${I}} &= \\operatorname{softmax}(s_{${I}}) = ${texVector(r.weights[i], w2)}`,
    `h_{${I}} &= \\textstyle\\sum_j \\alpha_{${I}j}\\, v_j = ${terms} = ${texVector(r.output[i], e)}`,
  ]);
}
