import { useMemo } from "preact/hooks";
import { LineChart } from "../primitives/charts/LineChart";
import { scientific, superscript } from "../primitives/format";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { useWidget } from "../primitives/useWidget";
import { computeCost, costSpec, costTex } from "./costModel";

const fmtBig = (x: number) => scientific(x, 3);
const N_TICKS = [1, 4, 16, 64, 256, 1024, 4096];
/** A power of ten as "10⁶"; other values in scientific form ("5.1 × 10⁶"). */
const powerOfTen = (v: number) => {
  const e = Math.round(Math.log10(v));
  return Math.abs(v - 10 ** e) < 1e-9 * v ? `10${superscript(e)}` : scientific(v, 2);
};

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** Self-attention n²d against recurrence nd² on log–log axes, with the crossover n = d. */
export default function CostIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(costSpec);
  const { curve, at } = useMemo(() => computeCost(state), [state]);
  const maxN = curve[curve.length - 1].n;
  const verdict =
    at.cheaper === "equal"
      ? "Both cost the same: n = d."
      : `${at.cheaper === "self-attention" ? "Self-attention" : "Recurrence"} is cheaper here (n ${at.cheaper === "self-attention" ? "<" : ">"} d).`;
  return (
    <div ref={ref} class="cost">
      <div class="widget-controls">
        <span class="control-range">
          <RangeField
            id="cost-n"
            label="Sequence length n"
            min="1"
            max="4096"
            value={state.n}
            valueText={(v) => `n = ${v}`}
            output={(v) => v}
            onValue={(v) => set("n", v)}
          />
        </span>
        <span class="control-range">
          <RangeField
            id="cost-d"
            label="Model size d"
            min="8"
            max="2048"
            step="8"
            value={state.d}
            valueText={(v) => `d = ${v}`}
            output={(v) => v}
            onValue={(v) => set("d", v)}
          />
        </span>
      </div>
      <p data-output="cost" aria-live="polite">
        Self-attention n²d = <strong>{fmtBig(at.selfAttention)}</strong>; recurrence nd² ={" "}
        <strong>{fmtBig(at.recurrent)}</strong>. {verdict}
      </p>
      <LiveEquation
        tex={costTex(state)}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Cost per layer at n = ${state.n} and d = ${state.d}, with its numbers`}
      />
      <LineChart
        name="cost"
        label={`Cost per layer against sequence length n, for d = ${state.d} (both axes log scale)`}
        summary={`Log–log chart of cost against n for d = ${state.d}: the self-attention line is steeper and crosses the recurrence line at n = ${at.crossover}.`}
        series={[
          {
            id: "self-attention",
            label: "self-attention n²d",
            points: curve.map((c) => ({ x: c.n, y: Math.max(1, c.selfAttention) })),
          },
          {
            id: "recurrence",
            label: "recurrence nd²",
            tone: 2,
            dashed: true,
            points: curve.map((c) => ({ x: c.n, y: Math.max(1, c.recurrent) })),
          },
        ]}
        x={{ label: "sequence length n (log scale)", type: "log", domain: [1, maxN], ticks: N_TICKS }}
        y={{ label: "operations (log scale)", type: "log", format: powerOfTen }}
        rules={[
          ...(at.crossover <= maxN
            ? [{ x: at.crossover, label: `n = d = ${at.crossover}`, kind: "rule" as const }]
            : []),
          { x: state.n, label: `your n = ${state.n}` },
        ]}
        table={{
          columns: ["n", "self-attention n²d", "recurrence nd²"],
          rows: curve.map((c) => [c.n, scientific(c.selfAttention, 3), scientific(c.recurrent, 3)]),
        }}
      />
    </div>
  );
}
