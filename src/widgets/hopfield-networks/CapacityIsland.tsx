import { useEffect, useState } from "preact/hooks";
import { capacityExperiment } from "../../../lib";
import { SeedInput } from "../primitives/SeedInput";
import { Slider } from "../primitives/Slider";
import { fields } from "../primitives/urlState";
import { useWidget } from "../primitives/useWidget";
import { LineChart } from "./LineChart";

/** The state a link reproduces (seed included); the curve itself is recomputed live. */
export const capacitySpec = {
  neurons: fields.int(100, 20, 200),
  trials: fields.int(4, 1, 20),
  noise: fields.number(0, 0, 0.3),
  seed: fields.int(1, 0, 99999),
};

type Point = { patterns: number; ratio: number; successRate: number };

/** Pattern counts for loads P/N from about 0.02 to 0.3. */
function counts(n: number): number[] {
  const out = new Set<number>();
  for (let r = 0.02; r <= 0.3001; r += 0.02) out.add(Math.max(1, Math.round(r * n)));
  return [...out];
}

/** Recall success against load P/N, computed in chunks (one pattern count per task) so the page stays responsive. */
export default function CapacityIsland() {
  const { ref, state, set } = useWidget("cap", capacitySpec);
  const [points, setPoints] = useState<Point[]>([]);
  const [done, setDone] = useState(0);
  const todo = counts(state.neurons);
  useEffect(() => {
    let cancelled = false;
    setPoints([]);
    setDone(0);
    const acc: Point[] = [];
    const next = (k: number) => {
      if (cancelled || k >= todo.length) return;
      const [p] = capacityExperiment(state.neurons, [todo[k]], state.trials, state.seed * 1000 + k, {
        noise: state.noise,
      });
      acc.push(p);
      setPoints(acc.slice());
      setDone(k + 1);
      setTimeout(() => next(k + 1), 0);
    };
    const id = setTimeout(() => next(0), 0);
    return () => {
      cancelled = true;
      clearTimeout(id);
    };
  }, [state.neurons, state.trials, state.noise, state.seed]);
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
      <p>
        <label for="cap-progress">Progress</label>{" "}
        <progress id="cap-progress" max={todo.length} value={done} />{" "}
        <output data-output="progress">
          {done} of {todo.length} loads computed
        </output>
      </p>
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
