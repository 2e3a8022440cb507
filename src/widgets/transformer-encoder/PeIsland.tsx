import { useMemo, useRef } from "preact/hooks";
import { LinkErrors } from "../primitives/LinkErrors";
import { fmt } from "../primitives/matrixText";
import { useWidget } from "../primitives/useWidget";
import { type PeView, computePe, peSpec } from "./peModel";

/** Diverging fill for values in [−1, 1]: blue for positive, orange-red for negative. */
const fill = (v: number) =>
  `hsl(${v >= 0 ? 215 : 15}, 75%, ${Math.round(96 - 52 * Math.min(1, Math.abs(v)))}%)`;

/** Sinusoidal positional encoding as a picture, and how similar positions are to one another. */
export default function PeIsland() {
  const { ref, state, set, linkErrors } = useWidget("pe", peSpec);
  const outcome = useMemo(() => computePe(state), [state]);
  const last = useRef<PeView | null>(null);
  if (outcome.ok) last.current = outcome.view;
  const v = last.current!;
  const n = v.pe.length;
  const d = v.pe[0].length;
  const cell = Math.max(4, Math.floor(420 / Math.max(n, d)));
  const W = 300;
  const H = 120;
  const simMax = Math.max(...v.sim.map(Math.abs));
  const sx = (q: number) => 30 + (q / Math.max(1, n - 1)) * (W - 40);
  const sy = (s: number) => 10 + (1 - (s + simMax) / (2 * simMax)) * (H - 30);
  const range = (key: "n" | "d" | "p", label: string, min: number, max: number, step = 1) => (
    <label>
      {label}
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={state[key]}
        aria-valuetext={`${label} ${state[key]}`}
        onInput={(e) => set(key, Number((e.target as HTMLInputElement).value))}
      />
      <output>{state[key]}</output>
    </label>
  );
  return (
    <div ref={ref} class="pe">
      <LinkErrors errors={linkErrors} />
      <div class="widget-controls">
        {range("n", "Positions n", 2, 64)}
        {range("d", "Dimensions d", 2, 64, 2)}
        {range("p", "Reference position p", 0, Math.max(0, state.n - 1))}
      </div>
      {!outcome.ok && (
        <p class="field-error" role="alert">
          {outcome.error} The last valid encoding is still shown.
        </p>
      )}
      <div class="pe-figs">
        <svg
          class="pe-map"
          viewBox={`0 0 ${d * cell + 40} ${n * cell + 24}`}
          width={d * cell + 40}
          role="img"
          aria-label={`Positional encoding, ${n} positions (rows) by ${d} dimensions (columns). Row p = ${v.p}: ${v.pe[
            v.p
          ]
            .slice(0, 6)
            .map((x) => fmt(x, 2))
            .join(", ")}…`}
        >
          <text x="0" y="12" font-size="11" fill="currentColor">
            pos ↓ dim →
          </text>
          {v.pe.map((row, i) =>
            row.map((x, j) => (
              <rect x={40 + j * cell} y={18 + i * cell} width={cell} height={cell} fill={fill(x)} />
            )),
          )}
          <rect
            x={39}
            y={17 + v.p * cell}
            width={d * cell + 1}
            height={cell + 1}
            fill="none"
            stroke="currentColor"
          />
        </svg>
        <svg
          class="pe-sim"
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          role="img"
          aria-label={`Dot product of PE(${v.p}) with every position: largest ${fmt(v.sim[v.p], 3)} at ${v.p}, falling off with distance.`}
        >
          <line x1={30} x2={W - 10} y1={sy(0)} y2={sy(0)} stroke="currentColor" stroke-opacity="0.4" />
          <polyline
            fill="none"
            stroke="var(--accent)"
            stroke-width="2"
            points={v.sim.map((s, q) => `${sx(q)},${sy(s)}`).join(" ")}
          />
          <circle cx={sx(v.p)} cy={sy(v.sim[v.p])} r="4" fill="var(--accent)" />
          <text x="0" y={H - 4} font-size="11" fill="currentColor">
            PE({v.p})·PE(q) for q = 0…{n - 1}
          </text>
        </svg>
      </div>
      <details>
        <summary>Similarities as a table</summary>
        <table class="pe-table" data-table="pe-sim">
          <thead>
            <tr>
              <th scope="col">q</th>
              <th scope="col">PE(p)·PE(q)</th>
            </tr>
          </thead>
          <tbody>
            {v.sim.map((s, q) => (
              <tr>
                <th scope="row">{q}</th>
                <td>{fmt(s, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
