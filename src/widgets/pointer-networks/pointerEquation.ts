import { fixed, formats, sig } from "../primitives/format";
import { texAligned } from "../primitives/texNumbers";
import type { PointerInput, PointerView } from "./pointerModel";

const x6 = (x: number) => sig(x, 6);
const p3 = (x: number) => fixed(x, 3);

/** c_{t−1}, the value the hand-set score measures from at step t (1-based), and how it is defined. */
export function pointerAnchor(
  v: PointerView,
  order: PointerInput["order"],
  t: number,
): { c: number; tex: string } {
  if (t > 1) {
    const prev = v.order[t - 2];
    return { c: v.xs[prev], tex: `c_{${t - 1}} = x_{${prev + 1}}` };
  }
  const c = order === "ascending" ? Math.min(...v.xs) : Math.max(...v.xs);
  return { c, tex: `c_{0} = ${order === "ascending" ? "\\min" : "\\max"}_j x_j` };
}

/**
 * The pointer's equation at step t (1-based) with the numbers substituted: the hand-set score of
 * every position, the masked softmax (positions already chosen have M_j = 0, so their probability
 * is 0) and the position pointed at.
 */
export function pointerTex(v: PointerView, s: Pick<PointerInput, "beta" | "order">, t: number): string {
  const i = t - 1;
  const lo = Math.min(...v.xs);
  const hi = Math.max(...v.xs);
  const r = hi > lo ? hi - lo : 1;
  const { c, tex: anchor } = pointerAnchor(v, s.order, t);
  const diff = s.order === "ascending" ? `x_j - c_{${t - 1}}` : `c_{${t - 1}} - x_j`;
  const masked = v.allow[i].flatMap((a, j) => (a ? [] : [`\\#${j + 1}`]));
  const u = v.scores[i].map((x, j) => (v.allow[i][j] ? formats.score(x) : "\\times"));
  const chosen = v.order[i];
  return texAligned([
    `u^{(${t})}_j &= -\\beta\\,\\frac{${diff}}{r} = -${x6(s.beta)}\\,\\frac{${s.order === "ascending" ? `x_j - (${x6(c)})` : `${x6(c)} - x_j`}}{${x6(r)}},\\quad ${anchor} = ${x6(c)},\\ r = ${hi > lo ? "\\max_j x_j - \\min_j x_j" : "1"} = ${x6(r)}`,
    `u^{(${t})} &= \\left[${u.join(",\\ ")}\\right]`,
    `p(y_{${t}} = j) &= \\frac{M_j\\, e^{u_j}}{\\sum_k M_k\\, e^{u_k}} = \\left[${v.probs[i].map(p3).join(",\\ ")}\\right]` +
      (masked.length > 0
        ? `\\quad (M_j = 0 \\text{ for } ${masked.join(", ")}\\text{, already chosen})`
        : ""),
    `y_{${t}} &= \\arg\\max_j p(y_{${t}} = j) = \\#${chosen + 1} \\quad (x = ${x6(v.xs[chosen])})`,
  ]);
}
