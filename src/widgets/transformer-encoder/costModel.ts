import { layerCost } from "../../../lib";
import { formats } from "../primitives/format";
import { texScientific } from "../primitives/texNumbers";
import { fields } from "../primitives/urlState";

export const costSpec = {
  n: fields.int(100, 1, 4096),
  d: fields.int(512, 8, 2048),
};

/** Costs along n (log-spaced) for the chart, and at the reader's n. */
export function computeCost(s: { n: number; d: number }) {
  const ns: number[] = [];
  for (let e = 0; e <= 12; e += 0.25) ns.push(Math.round(2 ** e));
  const curve = [...new Set(ns)].map((n) => ({ n, ...layerCost(n, s.d) }));
  return { curve, at: layerCost(s.n, s.d) };
}

/**
 * The cost formula at the reader's n and d with the numbers substituted (3 significant digits,
 * as the widget's readout), and the ratio n/d that decides which is cheaper.
 */
export function costTex(s: { n: number; d: number }): string {
  const c = layerCost(s.n, s.d);
  const verdict =
    c.cheaper === "self-attention"
      ? " < 1 && \\text{self-attention is cheaper}"
      : c.cheaper === "recurrent"
        ? " > 1 && \\text{recurrence is cheaper}"
        : " && \\text{both cost the same}";
  return [
    "\\begin{aligned}",
    `C_{\\text{self}} &= n^2 d = ${s.n}^2 \\cdot ${s.d} = ${texScientific(c.selfAttention)} \\\\`,
    `C_{\\text{rec}} &= n\\, d^2 = ${s.n} \\cdot ${s.d}^2 = ${texScientific(c.recurrent)} \\\\`,
    `\\frac{C_{\\text{self}}}{C_{\\text{rec}}} &= \\frac{n}{d} = \\frac{${s.n}}{${s.d}} = ${formats.score(s.n / s.d)}${verdict}`,
    "\\end{aligned}",
  ].join("\n");
}
