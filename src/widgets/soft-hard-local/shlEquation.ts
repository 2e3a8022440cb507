import { fixed, formats } from "../primitives/format";
import { texAligned, texSum } from "../primitives/texNumbers";
import type { ShlInput, ShlResult } from "./softHardLocalModel";

const f3 = (x: number) => fixed(x, 3);
const sc = formats.score;
const e = formats.entry;

/**
 * The soft/hard/local widget's equation for position j (0-based) in the chosen mode, with the
 * numbers substituted (positions count from 1 in the TeX, as on the bars). Local attention sets
 * the weight of a position outside the window to 0, and the equation says so.
 */
export function shlTex(
  r: ShlResult,
  s: Pick<ShlInput, "mode" | "D" | "p" | "tau" | "n">,
  pos: number,
): string {
  const S = r.scores.length;
  const j = Math.min(pos, S - 1);
  const J = j + 1;
  const exps = (from: number, to: number) =>
    texSum(
      r.scores.slice(from, to + 1).map((x) => `e^{${sc(x)}}`),
      6,
    );
  if (s.mode === "soft")
    return texAligned([
      `\\alpha_{${J}} &= \\frac{e^{s_{${J}}}}{\\sum_{i=1}^{${S}} e^{s_i}} = \\frac{e^{${sc(r.scores[j])}}}{${exps(0, S - 1)}} = ${f3(r.soft[j])}`,
    ]);
  if (s.mode === "hard") {
    const count = Math.round(r.freq[j] * s.n);
    return texAligned([
      `\\hat y &= \\arg\\max_i s_i = ${r.argmax + 1},\\quad \\hat\\alpha_{${J}} = ${j === r.argmax ? 1 : 0}`,
      `P(y = ${J}) &= \\alpha_{${J}} = ${f3(r.soft[j])},\\quad \\tfrac{n_{${J}}}{n} = \\tfrac{${count}}{${s.n}} = ${f3(r.freq[j])}`,
      `\\bar y_{${J}} &= \\tfrac{1}{${s.n}} \\textstyle\\sum_{m=1}^{${s.n}} \\operatorname{softmax}\\!\\left(\\tfrac{s + g^{(m)}}{${fixed(s.tau, 2)}}\\right)_{${J}} = ${f3(r.gumbelMean[j])},\\quad g^{(m)}_i \\sim \\operatorname{Gumbel}(0, 1)`,
    ]);
  }
  const loc = r.local;
  if (!loc) return texAligned([`a_t(${J}) &= \\text{no window: } p_t \\text{ is past the last position}`]);
  const [first, last] = loc.window;
  const sigma = s.D / 2;
  const pt = sc(s.p + 1);
  const head = `p_t = ${pt},\\ D = ${s.D},\\ \\sigma = \\tfrac{D}{2} = ${sc(sigma)},\\ \\text{window } [${first + 1}, ${last + 1}]`;
  if (j < first || j > last)
    return texAligned([
      `a_t(${J}) &= 0 \\quad (\\text{position ${J} is outside the window, so local attention sets its weight to } 0)`,
      `&${head}`,
    ]);
  return texAligned([
    `a_t(${J}) &= \\frac{e^{s_{${J}}}}{\\sum_{i=${first + 1}}^{${last + 1}} e^{s_i}}\\, e^{-\\frac{(${J} - p_t)^2}{2\\sigma^2}} = \\frac{e^{${sc(r.scores[j])}}}{${exps(first, last)}} \\cdot e^{-\\frac{(${J} - ${pt})^2}{2 \\cdot ${sc(sigma)}^2}} = ${e(loc.align[j])} \\cdot ${e(loc.gaussian[j])} = ${e(loc.weights[j])}`,
    `&${head}`,
  ]);
}
