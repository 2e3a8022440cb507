import type { ClipMode, ClippingView } from "../../../lib/models/clipping";

interface Props {
  view: ClippingView;
  labels: Record<ClipMode, string>;
  colors: Record<ClipMode, string>;
}

const W = 340;
const H = 190;
const M = { left: 52, right: 10, top: 14, bottom: 34 };
const DASH: Record<ClipMode, string> = { none: "", value: "6 4", norm: "2 3" };

const fmt = (x: number) => (Number.isFinite(x) ? x.toExponential(1) : "–");

/**
 * ‖∂L/∂h_t‖ for every time step of the last batch, one line per run, on a log scale: the
 * backpropagation-through-time profile. Plain SVG, so it can be redrawn on every progress report.
 */
export function GradNormChart({ view, labels, colors }: Props) {
  const modes = Object.keys(labels) as ClipMode[];
  const all = modes.flatMap((m) => view[m].gradNorms.filter((x) => x > 0 && Number.isFinite(x)));
  const T = Math.max(0, ...modes.map((m) => view[m].gradNorms.length));
  const lo = all.length ? Math.floor(Math.log10(Math.min(...all))) : -3;
  const hi = all.length ? Math.ceil(Math.log10(Math.max(...all))) : 1;
  const top = hi === lo ? hi + 1 : hi;
  const x = (t: number) => M.left + ((t - 1) / Math.max(1, T - 1)) * (W - M.left - M.right);
  const y = (v: number) => M.top + ((top - Math.log10(v)) / (top - lo)) * (H - M.top - M.bottom);
  const ticks = Array.from({ length: top - lo + 1 }, (_, i) => lo + i).filter(
    (_, i, a) => a.length <= 7 || i % Math.ceil(a.length / 6) === 0,
  );
  const summary = modes
    .map((m) => {
      const g = view[m].gradNorms;
      if (view[m].divergedAt !== null) return `${labels[m]}: diverged at step ${view[m].divergedAt}`;
      if (!g.length) return `${labels[m]}: no step yet`;
      return `${labels[m]}: ‖∂L/∂h_1‖ = ${fmt(g[0])}, ‖∂L/∂h_${g.length}‖ = ${fmt(g[g.length - 1])}`;
    })
    .join("; ");
  return (
    <figure class="trainer-chart clip-gradnorm">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`Gradient norm per time step, log scale. ${summary}.`}
      >
        {ticks.map((k) => (
          <g key={k}>
            <line x1={M.left} x2={W - M.right} y1={y(10 ** k)} y2={y(10 ** k)} class="clip-grid" />
            <text x={M.left - 6} y={y(10 ** k)} dy="0.35em" text-anchor="end" class="trainer-axis">
              1e{k}
            </text>
          </g>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} text-anchor="middle" class="trainer-axis">
          time step t (1 … {T || "T"})
        </text>
        {modes.map((m) => {
          const pts = view[m].gradNorms
            .map((v, i) => (v > 0 && Number.isFinite(v) ? `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}` : ""))
            .filter(Boolean)
            .join(" ");
          return (
            <polyline
              key={m}
              points={pts}
              class={`clip-line clip-${m}`}
              stroke={colors[m]}
              fill="none"
              stroke-width="2"
              stroke-dasharray={DASH[m]}
            />
          );
        })}
      </svg>
      <figcaption>
        ‖∂L/∂h<sub>t</sub>‖ on the last batch, before clipping (log scale). Legend:{" "}
        {modes.map((m) => (
          <span key={m} class={`clip-key clip-${m}`} style={{ borderBottom: `3px solid ${colors[m]}` }}>
            {labels[m]}
            {m === "none" ? " (solid)" : m === "value" ? " (dashed)" : " (dotted)"}{" "}
          </span>
        ))}
      </figcaption>
      <details>
        <summary>Gradient norms as a table</summary>
        <table data-table="gradnorms">
          <thead>
            <tr>
              <th scope="col">t</th>
              {modes.map((m) => (
                <th scope="col" key={m}>
                  {labels[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: T }, (_, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                {modes.map((m) => (
                  <td key={m}>{fmt(view[m].gradNorms[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
