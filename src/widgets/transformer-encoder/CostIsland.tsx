import { useMemo } from "preact/hooks";
import { useWidget } from "../primitives/useWidget";
import { computeCost, costSpec } from "./costModel";

const W = 420;
const H = 220;
const L = 50;
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** 5120000 → "5.12 × 10⁶" (the exponent in superscript digits, not TeX's ^). */
const fmtBig = (x: number) => {
  const [mantissa, exponent] = x.toExponential(2).split("e+");
  return `${mantissa} × 10${[...exponent].map((c) => SUPERSCRIPT[Number(c)]).join("")}`;
};

/** Self-attention n²d against recurrence nd² on log–log axes, with the crossover n = d. */
export default function CostIsland() {
  const { ref, state, set } = useWidget("cost", costSpec);
  const { curve, at } = useMemo(() => computeCost(state), [state]);
  const maxN = curve[curve.length - 1].n;
  const lo = Math.log10(1);
  const hi = Math.log10(Math.max(...curve.map((c) => Math.max(c.selfAttention, c.recurrent))));
  const x = (n: number) => L + (Math.log2(n) / Math.log2(maxN)) * (W - L - 10);
  const y = (c: number) => H - 30 - ((Math.log10(Math.max(1, c)) - lo) / (hi - lo)) * (H - 45);
  const line = (key: "selfAttention" | "recurrent") => curve.map((c) => `${x(c.n)},${y(c[key])}`).join(" ");
  const verdict =
    at.cheaper === "equal"
      ? "Both cost the same: n = d."
      : `${at.cheaper === "self-attention" ? "Self-attention" : "Recurrence"} is cheaper here (n ${at.cheaper === "self-attention" ? "<" : ">"} d).`;
  return (
    <div ref={ref} class="cost">
      <div class="widget-controls">
        <label>
          Sequence length n
          <input
            type="range"
            min="1"
            max="4096"
            value={state.n}
            aria-valuetext={`n = ${state.n}`}
            onInput={(e) => set("n", Number((e.target as HTMLInputElement).value))}
          />
          <output>{state.n}</output>
        </label>
        <label>
          Model size d
          <input
            type="range"
            min="8"
            max="2048"
            step="8"
            value={state.d}
            aria-valuetext={`d = ${state.d}`}
            onInput={(e) => set("d", Number((e.target as HTMLInputElement).value))}
          />
          <output>{state.d}</output>
        </label>
      </div>
      <p data-output="cost" aria-live="polite">
        Self-attention n²d = <strong>{fmtBig(at.selfAttention)}</strong>; recurrence nd² ={" "}
        <strong>{fmtBig(at.recurrent)}</strong>. {verdict}
      </p>
      <svg
        class="cost-chart"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        role="img"
        aria-label={`Log–log chart of cost against n for d = ${state.d}: the self-attention line is steeper and crosses the recurrence line at n = ${at.crossover}.`}
      >
        <line x1={L} y1={H - 30} x2={W - 10} y2={H - 30} stroke="currentColor" />
        <line x1={L} y1={10} x2={L} y2={H - 30} stroke="currentColor" />
        <polyline
          points={line("recurrent")}
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-dasharray="5 3"
        />
        <polyline points={line("selfAttention")} fill="none" stroke="var(--accent)" stroke-width="2.5" />
        {at.crossover <= maxN && (
          <g>
            <line
              x1={x(at.crossover)}
              x2={x(at.crossover)}
              y1={10}
              y2={H - 30}
              stroke="var(--error)"
              stroke-dasharray="3 3"
            />
            <text x={x(at.crossover) + 4} y={22} font-size="11" fill="currentColor">
              n = d = {at.crossover}
            </text>
          </g>
        )}
        <line
          x1={x(state.n)}
          x2={x(state.n)}
          y1={H - 34}
          y2={H - 26}
          stroke="currentColor"
          stroke-width="2"
        />
        <text x={W / 2} y={H - 8} font-size="11" fill="currentColor" text-anchor="middle">
          n (log scale, 1 to {maxN}); cost (log scale) ↑
        </text>
        <text x={W - 150} y={H - 40} font-size="11" fill="var(--accent)">
          — self-attention n²d
        </text>
        <text x={W - 150} y={H - 54} font-size="11" fill="currentColor">
          - - recurrence nd²
        </text>
      </svg>
    </div>
  );
}
