import { MeasureProgress } from "../primitives/MeasureProgress";
import { SeedInput } from "../primitives/SeedInput";
import { Slider } from "../primitives/Slider";
import { useWidget } from "../primitives/useWidget";
import { useWorkerMeasure } from "../primitives/useWorkerMeasure";
import { type CapacityInput, type CapacityPoint, capacityKey, capacitySpec, counts } from "./capacityModel";
import { LineChart } from "../primitives/charts/LineChart";
import { fixed } from "../primitives/format";

/**
 * Recall success against load P/N, computed in a Web Worker one pattern count at a time: the curve
 * fills in while the page stays responsive, and Cancel stops it.
 */
export default function CapacityIsland() {
  const { ref, state, set } = useWidget("cap", capacitySpec);
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
          text={`N = ${state.neurons}`}
          onInput={(v) => set("neurons", v)}
        />
        <Slider
          id="cap-trials"
          label="Trials per point"
          value={state.trials}
          min={1}
          max={20}
          step={1}
          text={`${state.trials} trials`}
          onInput={(v) => set("trials", v)}
        />
        <Slider
          id="cap-noise"
          label="Start noise"
          value={state.noise}
          min={0}
          max={0.3}
          step={0.01}
          text={`${Math.round(state.noise * 100)}% flipped`}
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
