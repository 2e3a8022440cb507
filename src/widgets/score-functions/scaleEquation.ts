import { fixed } from "../primitives/format";
import { texAligned, texSum } from "../primitives/texNumbers";
import type { ScaleInput, ScaleView } from "./scaleModel";
import type { ScaleSaturationPoint } from "../../../lib/experiments/scaleSaturation";

/** The widget's digits: scores to one decimal (the bars' notes), weights and averages to three (the table). */
const s1 = (x: number) => fixed(x, 1);
const f3 = (x: number) => fixed(x, 3);

/**
 * The √d widget's equation at the selected d, with the sampled numbers: the one drawn query's
 * largest weight (or entropy) from its scores, raw or divided by √d as the checkbox says, the
 * average of that quantity over the sampled queries (the curve's point), and the spread of qᵀk.
 */
export function scaleEquationTex(
  s: Pick<ScaleInput, "scaled" | "measure">,
  view: ScaleView,
  point: ScaleSaturationPoint,
  samples: number,
): string {
  const { d, sample } = view;
  const n = sample.raw.length;
  const scores = s.scaled ? sample.scaled : sample.raw;
  const w = s.scaled ? sample.weightsScaled : sample.weights;
  const score = s.scaled ? `\\frac{q^\\top k_j}{\\sqrt{${d}}}` : "q^\\top k_j";
  const sorted = Array.from(scores).sort((a, b) => b - a);
  const exps = texSum(
    sorted.map((x) => `e^{${s1(x)}}`),
    6,
  );
  const top = Math.max(...w);
  const mean =
    s.measure === "max"
      ? s.scaled
        ? point.maxWeightScaled
        : point.maxWeight
      : s.scaled
        ? point.entropyScaled
        : point.entropy;
  const shown = Array.from(w)
    .sort((a, b) => b - a)
    .filter((a) => a >= 0.0005);
  const terms = shown.slice(0, 4).map((a) => `${f3(a)} \\ln ${f3(a)}`);
  if (shown.length > 4 || shown.length < n) terms.push("\\cdots");
  const one =
    s.measure === "max"
      ? `\\max_j \\alpha_j &= \\frac{e^{s_{\\max}}}{\\sum_{j=1}^{${n}} e^{s_j}} = \\frac{e^{${s1(sorted[0])}}}{${exps}} = ${f3(top)},\\quad s_j = ${score}`
      : `H(\\alpha) &= -\\sum_{j=1}^{${n}} \\alpha_j \\ln \\alpha_j = -(${terms.join(" + ")}) = ${f3(entropyOf(w))},\\quad \\alpha = \\operatorname{softmax}(s),\\ s_j = ${score}`;
  const what = s.measure === "max" ? "\\max_j \\alpha_j" : "H(\\alpha)";
  const spread = s.scaled
    ? `\\operatorname{std}\\!\\left(\\tfrac{q^\\top k}{\\sqrt{d}}\\right) &= ${f3(point.stdScaled)} \\approx 1`
    : `\\operatorname{std}(q^\\top k) &= ${f3(point.std)} \\approx \\sqrt{${d}} = ${f3(Math.sqrt(d))}`;
  return texAligned([
    one,
    `\\overline{${what}} &= \\frac{1}{${samples}} \\sum_{m=1}^{${samples}} ${what}^{(m)} = ${f3(mean)}`,
    spread,
  ]);
}

/** Entropy in nats, 0·ln 0 counted as 0 (as the widget's measurement counts it). */
function entropyOf(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
  return h;
}
