import { useMemo, useRef } from "preact/hooks";
import { RangeField } from "../primitives/RangeField";
import { LiveEquation } from "../primitives/LiveEquation";
import { NumberSelect } from "../primitives/NumberSelect";
import { LineChart } from "../primitives/charts/LineChart";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { fmt } from "../primitives/matrixText";
import { useWidget } from "../primitives/useWidget";
import { type PeView, computePe, peSpec, peTex } from "./peModel";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** Sinusoidal positional encoding as a picture, and how similar positions are to one another. */
export default function PeIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(peSpec);
  const outcome = useMemo(() => computePe(state), [state]);
  const last = useRef<PeView | null>(null);
  if (outcome.ok) last.current = outcome.view;
  const v = last.current!;
  const n = v.pe.length;
  const d = v.pe[0].length;
  const range = (key: "n" | "d" | "p", label: string, min: number, max: number, step = 1) => (
    <span class="control-range">
      <RangeField
        id={`pe-${key}`}
        label={label}
        min={min}
        max={max}
        step={step}
        value={state[key]}
        valueText={(v) => `${label} ${v}`}
        output={(v) => v}
        onValue={(v) => set(key, v)}
      />
    </span>
  );
  return (
    <div ref={ref} class="pe">
      <div class="widget-controls">
        {range("n", "Positions n", 2, 64)}
        {range("d", "Dimensions d", 2, 64, 2)}
        {range("p", "Reference position p", 0, Math.max(0, state.n - 1))}
        <NumberSelect
          label="Dimension pair in the equation"
          value={v.i}
          options={Array.from({ length: d / 2 }, (_, i) => i)}
          show={(i) => `i = ${i} (dimensions ${2 * i}, ${2 * i + 1})`}
          onValue={(i) => set("i", i)}
        />
      </div>
      <LiveEquation
        tex={peTex(v)}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Positional encoding of position ${v.p} in dimensions ${2 * v.i} and ${2 * v.i + 1}, with its numbers`}
      />
      {!outcome.ok && (
        <p class="field-error" role="alert">
          {outcome.error} The last valid encoding is still shown.
        </p>
      )}
      <div class="pe-figs">
        <MatrixGrid
          name="pe-map"
          label={`Positional encoding: ${n} positions (rows) by ${d} dimensions (columns); row p = ${v.p} outlined`}
          summary={`Positional encoding, ${n} positions by ${d} dimensions. Row p = ${v.p}: ${v.pe[v.p]
            .slice(0, 6)
            .map((x) => fmt(x, 2))
            .join(", ")}…`}
          data={v.pe}
          rows={Array.from({ length: n }, (_, i) => String(i))}
          cols={Array.from({ length: d }, (_, j) => String(j))}
          rowTitle="position"
          colTitle="dimension"
          palette="diverging"
          domain={[-1, 1]}
          legend="PE value"
          format={(x) => fmt(x, 3)}
          showValues={false}
          minCell={8}
          maxCell={24}
          currentRow={v.p}
          outline={(i) => i === v.p}
        />
        <LineChart
          name="pe-sim"
          label={`Dot product of PE(${v.p}) with every position q`}
          summary={`Dot product of PE(${v.p}) with every position: largest ${fmt(v.sim[v.p], 3)} at ${v.p}, falling off with distance.`}
          series={[
            {
              id: "sim",
              label: `PE(${v.p})·PE(q)`,
              dots: n <= 24,
              current: v.p,
              points: v.sim.map((s, q) => ({ x: q, y: s })),
            },
          ]}
          x={{ label: "position q", domain: [0, Math.max(1, n - 1)], integer: true }}
          y={{ label: "PE(p)·PE(q)" }}
          table={{
            columns: ["q", "PE(p)·PE(q)"],
            rows: v.sim.map((s, q) => [q, fmt(s, 4)]),
          }}
        />
      </div>
    </div>
  );
}
