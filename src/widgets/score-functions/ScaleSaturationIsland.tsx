import { useMemo, useRef } from "preact/hooks";
import { LiveEquation } from "../primitives/LiveEquation";
import { NumberSelect } from "../primitives/NumberSelect";
import { RangeField } from "../primitives/RangeField";
import { SeedInput } from "../primitives/SeedInput";
import { MeasureProgress } from "../primitives/MeasureProgress";
import { useWorkerMeasure } from "../primitives/useWorkerMeasure";
import type { ScaleSaturationPoint } from "../../../lib/experiments/scaleSaturation";
import { useWidget } from "../primitives/useWidget";
import { BarChart } from "../primitives/charts/BarChart";
import { LineChart, type LineSeries } from "../primitives/charts/LineChart";
import { fixed } from "../primitives/format";
import {
  DIMS,
  KEY_COUNTS,
  LOG_DIMS,
  type Measured,
  type ScaleMeasureInput,
  TOP,
  dimOf,
  keyCount,
  measuredKey,
  pick,
  samplesFor,
  scaleSpec,
} from "./scaleModel";
import { scaleEquationTex } from "./scaleEquation";
import { SelectField } from "../primitives/SelectField";

interface Props {
  /** The default curves, measured at build time. */
  initial: Measured;
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

const xAxis = (label: string) => ({
  domain: [0, 10] as [number, number],
  ticks: LOG_DIMS.filter((e) => e % 2 === 0),
  format: (e: number) => String(dimOf(e)),
  label,
});
const f2 = (x: number) => fixed(x, 2);
const f3 = (x: number) => fixed(x, 3);

/** How qᵀk spreads as d grows and what that does to softmax, with and without dividing by √d. */
export default function ScaleSaturationIsland({ initial, initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(scaleSpec);
  // The curves take a few million random draws: measured in a Web Worker one dimension at a time,
  // streaming in with a progress bar and Cancel. The default seed's curves come from the build.
  const n = keyCount(state.keys);
  const samples = samplesFor(n);
  const measure = useWorkerMeasure<ScaleMeasureInput, ScaleSaturationPoint>(
    () => new Worker(new URL("./scaleWorker.ts", import.meta.url), { type: "module" }),
    measuredKey(state),
    { seed: state.seed, keys: n },
    DIMS.length,
    { key: initial.key, parts: initial.points },
  );
  const points = measure.parts;
  const { busy } = measure;
  const complete = points.length === DIMS.length;
  const view = useMemo(() => pick(state), [state.seed, state.keys, state.logd, state.scaled]);
  const nSample = view.sample.raw.length;
  const at: ScaleSaturationPoint | undefined = points[state.logd];
  // The equation waits for the curves of the chosen seed and n (while they are measured, it keeps
  // the last one whose numbers all belong together).
  const texRef = useRef(initialEquationTex);
  if (complete && at) texRef.current = scaleEquationTex(state, view, at, samples);

  const spread: LineSeries[] = [
    {
      id: "a",
      label: "std of qᵀk (measured)",
      dots: true,
      points: points.map((p, i) => ({ x: i, y: p.std })),
    },
    {
      id: "ref",
      tone: 3,
      label: "√d",
      dashed: true,
      points: LOG_DIMS.map((e) => ({ x: e, y: Math.sqrt(dimOf(e)) })),
    },
    {
      id: "b",
      tone: 2,
      label: "std of qᵀk/√d (measured)",
      dots: true,
      points: points.map((p, i) => ({ x: i, y: p.stdScaled })),
    },
  ];
  const isMax = state.measure === "max";
  const sat: LineSeries[] = [
    {
      id: "a",
      label: "without scaling",
      dots: true,
      points: points.map((p, i) => ({ x: i, y: isMax ? p.maxWeight : p.entropy })),
    },
    {
      id: "b",
      label: "divided by √d",
      dots: true,
      points: points.map((p, i) => ({ x: i, y: isMax ? p.maxWeightScaled : p.entropyScaled })),
    },
    {
      id: "ref",
      tone: 3,
      label: isMax ? `uniform, 1/${n}` : `uniform, log ${n}`,
      dashed: true,
      points: [0, 10].map((x) => ({ x, y: isMax ? 1 / n : Math.log(n) })),
    },
  ];
  const satMax = isMax ? 1 : Math.log(n);

  return (
    <div ref={ref} class="sd" data-busy={busy ? "true" : "false"}>
      <div class="widget-controls">
        <RangeField
          id="sd-logd"
          label="Dimension d"
          min="0"
          max="10"
          step="1"
          value={state.logd}
          valueText={(v) => `d = ${dimOf(v)}`}
          output={(v) => <>d = {dimOf(v)}</>}
          outputName="d"
          onValue={(v) => set("logd", v)}
        />
        <NumberSelect
          label="Keys n"
          value={state.keys}
          options={KEY_COUNTS}
          onValue={(v) => set("keys", v)}
        />
        <SeedInput label="Seed" value={state.seed} max={1_000_000} step="1" onSeed={(v) => set("seed", v)} />
      </div>
      <MeasureProgress measure={measure} total={DIMS.length} id="sd-progress" unit="dimensions" />
      <p class="hint" role="status">
        {busy ? "Measuring: drawing fresh random queries and keys…" : ""}
      </p>
      <p class="hint" data-output="summary">
        {at ? (
          <>
            At d = {view.d}: the {samples * n} sampled dot products have standard deviation{" "}
            <strong>{f2(at.std)}</strong> (√d = {f2(Math.sqrt(view.d))}); the largest of {n} weights averages{" "}
            <strong>{f2(at.maxWeight)}</strong> without scaling and <strong>{f2(at.maxWeightScaled)}</strong>{" "}
            with it.
          </>
        ) : (
          <>At d = {view.d}: not measured yet.</>
        )}
      </p>
      <div class="sd-charts">
        <LineChart
          name="spread"
          series={spread}
          x={xAxis("dimension d (log scale)")}
          y={{ domain: [0, 34], ticks: [0, 8, 16, 24, 32], label: "standard deviation" }}
          rules={[{ x: state.logd, label: `selected d = ${view.d}` }]}
          label="Spread of the dot product against d"
          table={{
            name: "scale",
            columns: [
              "d",
              "√d",
              "std qᵀk",
              "std qᵀk/√d",
              "largest weight",
              "largest, scaled",
              "entropy",
              "entropy, scaled",
            ],
            rows: points.map((p) => [
              p.d,
              ...[
                Math.sqrt(p.d),
                p.std,
                p.stdScaled,
                p.maxWeight,
                p.maxWeightScaled,
                p.entropy,
                p.entropyScaled,
              ].map(f3),
            ]),
          }}
          summary={
            complete
              ? `Spread of the dot product against d. Without scaling the standard deviation grows from ${f2(points[0].std)} at d = 1 to ${f2(points[10].std)} at d = 1024, close to √d; divided by √d it stays near 1 (${points.map((p) => f2(p.stdScaled)).join(", ")}).`
              : `Spread of the dot product against d: ${points.length} of ${DIMS.length} dimensions measured so far (${points.map((p) => `${f2(p.std)} and ${f2(p.stdScaled)} scaled at d = ${p.d}`).join("; ")}).`
          }
        />
        <div>
          <SelectField
            class="sd-measure"
            label="Measure"
            value={state.measure}
            options={[
              { value: "max", label: "largest weight (1 = one-hot)" },
              { value: "entropy", label: "entropy in nats (0 = one-hot)" },
            ]}
            onValue={(v) => set("measure", v)}
          />
          <LineChart
            name="saturation"
            series={sat}
            x={xAxis("dimension d (log scale)")}
            y={{
              domain: [0, satMax * 1.05],
              ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => f * satMax),
              format: (v) => fixed(v, isMax ? 2 : 1),
              label: isMax ? "mean largest weight" : "mean entropy",
            }}
            rules={[{ x: state.logd, label: `selected d = ${view.d}` }]}
            label={`Softmax over ${n} keys: ${isMax ? "mean largest weight" : "mean entropy"} against d`}
            summary={`Softmax over ${n} keys, ${isMax ? "mean largest weight" : "mean entropy"} against d. Without scaling: ${points.map((p) => f2(isMax ? p.maxWeight : p.entropy)).join(", ")}. Divided by √d: ${points.map((p) => f2(isMax ? p.maxWeightScaled : p.entropyScaled)).join(", ")}.`}
          />
        </div>
      </div>
      <div class="sd-one">
        <label>
          <input
            type="checkbox"
            checked={state.scaled}
            onChange={(e) => set("scaled", (e.target as HTMLInputElement).checked)}
          />{" "}
          Divide the scores by √d
        </label>
        <p class="hint">
          One sampled query at d = {view.d}: its {Math.min(TOP, nSample)} largest weights
          {nSample > TOP ? ` (the other ${nSample - TOP} keys share ${f3(view.rest)})` : ""}.
        </p>
        <BarChart
          orientation="horizontal"
          name="one-query"
          categoryTitle="key"
          valueTitle="weight"
          label={`Weights of one query over ${nSample} random keys at d = ${view.d}, ${state.scaled ? "scores divided by √d" : "raw dot products"}`}
          labels={view.top.map((t) => `k${t.key + 1}`)}
          values={view.top.map((t) => t.weight)}
          notes={{ label: "score s", values: view.top.map((t) => `(s = ${fixed(t.score, 1)})`) }}
          highlight={0}
        />
        <LiveEquation
          tex={texRef.current}
          initialHtml={initialEquationHtml}
          initialTex={initialEquationTex}
          label={`Equation at d = ${view.d}: the sampled query's ${isMax ? "largest weight" : "entropy"}, its average over ${samples} queries, and the spread of the scores`}
        />
      </div>
    </div>
  );
}
