import { MeasureProgress } from "../primitives/MeasureProgress";
import { SeedInput } from "../primitives/SeedInput";
import { Slider } from "../primitives/Slider";
import { useWidget } from "../primitives/useWidget";
import { useWorkerMeasure } from "../primitives/useWorkerMeasure";
import { type CapacityInput, type CapacityPoint, capacityKey, capacitySpec, counts } from "./capacityModel";
import { LineChart } from "../primitives/charts/LineChart";
import { fixed } from "../primitives/format";
import { EquationPicker } from "../primitives/EquationPicker";
import { indices } from "../primitives/NumberSelect";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { capacityTex } from "./hopfieldEquations";
import { capacityCells } from "./hopfieldNotebook";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

/**
 * Recall success against load P/N, computed in a Web Worker one pattern count at a time: the curve
 * fills in while the page stays responsive, and Cancel stops it.
 */
export default function CapacityIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(capacitySpec);
  const todo = counts(state.neurons);
  const input: CapacityInput = {
    neurons: state.neurons,
    trials: state.trials,
    noise: state.noise,
    seed: state.seed,
  };
  const measure = useWorkerMeasure<CapacityInput, CapacityPoint>(
    () => new Worker(new URL("./capacityWorker.ts", import.meta.url), { type: "module" }),
    capacityKey(input),
    input,
    todo.length,
  );
  const points = measure.parts;
  const point = Math.min(state.point, todo.length - 1);
  const measured = points.find((p) => p.patterns === todo[point]);
  useOpenNotebook(
    ref,
    () => (points.length > 0 ? capacityCells(state.neurons, points, state.trials) : null),
    "the Hopfield capacity curve",
    "Wait until the first loads are measured, then open the notebook.",
  );
  return (
    <div ref={ref} class="cap">
      <div class="widget-controls">
        <Slider
          id="cap-neurons"
          label="Neurons N"
          value={state.neurons}
          min={20}
          max={200}
          step={10}
          text={(v) => `N = ${v}`}
          onInput={(v) => set("neurons", v)}
        />
        <Slider
          id="cap-trials"
          label="Trials per point"
          value={state.trials}
          min={1}
          max={20}
          step={1}
          text={(v) => `${v} trials`}
          onInput={(v) => set("trials", v)}
        />
        <Slider
          id="cap-noise"
          label="Start noise"
          value={state.noise}
          min={0}
          max={0.3}
          step={0.01}
          text={(v) => `${Math.round(v * 100)}% flipped`}
          onInput={(v) => set("noise", v)}
        />
        <SeedInput
          label="Seed"
          value={state.seed}
          max={99999}
          style={{ width: "6rem" }}
          onSeed={(v) => set("seed", v)}
        />
      </div>
      <MeasureProgress measure={measure} total={todo.length} id="cap-progress" unit="loads" />
      <EquationPicker
        selects={[
          {
            label: "Load in the equation",
            value: point,
            options: indices(todo.length),
            show: (k) => `P = ${todo[k]} (load ${fixed(todo[k] / state.neurons, 2)})`,
            onValue: (k) => set("point", k),
          },
        ]}
        tex={capacityTex(state.neurons, todo[point])}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Load ${todo[point]} / ${state.neurons} against the exact-recall capacity`}
      />
      <p data-output="point" aria-live="polite">
        {measured
          ? `At P = ${measured.patterns}, ${fixed(measured.successRate, 3)} of the stored patterns are recalled exactly (${state.trials} trial${state.trials > 1 ? "s" : ""}).`
          : `P = ${todo[point]} is not measured yet.`}
      </p>
      <LineChart
        name="capacity"
        series={[
          {
            id: "recall",
            label: "patterns recalled exactly",
            dots: true,
            points: points.map((p) => ({ x: p.ratio, y: p.successRate })),
          },
        ]}
        x={{ domain: [0, 0.3], label: "load P/N" }}
        y={{ domain: [0, 1], label: "recall success" }}
        rules={[{ x: 0.138, label: "load 0.138", kind: "rule" }]}
        label="Fraction of stored patterns recalled exactly"
        summary={`Fraction of stored patterns recalled exactly, against the load P/N: ${points.map((p) => `${fixed(p.ratio, 3)} → ${fixed(p.successRate, 3)}`).join(", ")}.`}
        table={{
          name: "capacity",
          columns: ["P", "P/N", "success"],
          rows: points.map((p) => [p.patterns, fixed(p.ratio, 3), fixed(p.successRate, 3)]),
        }}
      />
    </div>
  );
}
