import { MeasureProgress } from "../primitives/MeasureProgress";
import { SeedInput } from "../primitives/SeedInput";
import { Slider } from "../primitives/Slider";
import { useWidget } from "../primitives/useWidget";
import { useWorkerMeasure } from "../primitives/useWorkerMeasure";
import { type CapacityInput, type CapacityPoint, capacityKey, capacitySpec, counts } from "./capacityModel";
import { LineChart } from "./LineChart";

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
        points={points.map((p) => [p.ratio, p.successRate])}
        xDomain={[0, 0.3]}
        yDomain={[0, 1]}
        rule={{ x: 0.138, text: "0.138" }}
        xLabel="load P/N"
        yLabel="recall success"
        label="Fraction of stored patterns recalled exactly"
      />
      <details>
        <summary>The curve as a table</summary>
        <table data-table="capacity">
          <thead>
            <tr>
              <th scope="col">P</th>
              <th scope="col">P/N</th>
              <th scope="col">success</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr>
                <td>{p.patterns}</td>
                <td>{p.ratio.toFixed(3)}</td>
                <td>{p.successRate.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
