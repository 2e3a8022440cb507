import { fmt } from "../primitives/matrixText";

interface Props {
  points: [number, number][];
  xLabel: string;
  yLabel: string;
  label: string;
  /** A highlighted point index (e.g. the current step). */
  current?: number;
  /** A vertical reference line, e.g. the capacity 0.138. */
  rule?: { x: number; text: string };
  xDomain?: [number, number];
  yDomain?: [number, number];
  name: string;
}

/** A small hand-drawn SVG line chart; its aria-label lists every point. */
export function LineChart({ points, xLabel, yLabel, label, current, rule, xDomain, yDomain, name }: Props) {
  const W = 300;
  const H = 160;
  const m = { l: 44, r: 10, t: 10, b: 30 };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1] = xDomain ?? [Math.min(...xs, 0), Math.max(...xs, 1)];
  let [y0, y1] = yDomain ?? [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const X = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const Y = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const d = points.map((p, i) => `${i ? "L" : "M"}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join("");
  const summary = points.map((p) => `(${fmt(p[0], 3)}, ${fmt(p[1], 4)})`).join(", ");
  return (
    <svg
      class="atlas-line"
      data-chart={name}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`${label}. ${xLabel} against ${yLabel}: ${summary}`}
    >
      <g fill="currentColor" font-size="10">
        <line x1={m.l} x2={W - m.r} y1={H - m.b} y2={H - m.b} stroke="currentColor" stroke-opacity="0.5" />
        <line x1={m.l} x2={m.l} y1={m.t} y2={H - m.b} stroke="currentColor" stroke-opacity="0.5" />
        <text x={m.l - 4} y={Y(y1) + 4} text-anchor="end">
          {fmt(y1, 3)}
        </text>
        <text x={m.l - 4} y={Y(y0)} text-anchor="end">
          {fmt(y0, 3)}
        </text>
        <text x={m.l} y={H - m.b + 12} text-anchor="middle">
          {fmt(x0, 3)}
        </text>
        <text x={W - m.r} y={H - m.b + 12} text-anchor="end">
          {fmt(x1, 3)}
        </text>
        <text x={(m.l + W - m.r) / 2} y={H - 4} text-anchor="middle">
          {xLabel}
        </text>
        <text
          x={12}
          y={(m.t + H - m.b) / 2}
          text-anchor="middle"
          transform={`rotate(-90 12 ${(m.t + H - m.b) / 2})`}
        >
          {yLabel}
        </text>
        {rule && (
          <>
            <line
              x1={X(rule.x)}
              x2={X(rule.x)}
              y1={m.t}
              y2={H - m.b}
              stroke="var(--error)"
              stroke-dasharray="4 3"
            />
            <text x={X(rule.x) + 3} y={m.t + 9}>
              {rule.text}
            </text>
          </>
        )}
      </g>
      <path d={d} fill="none" stroke="var(--accent)" stroke-width="2" />
      {points.map((p, i) => (
        <circle
          cx={X(p[0])}
          cy={Y(p[1])}
          r={i === current ? 5 : 2.5}
          fill={i === current ? "currentColor" : "var(--accent)"}
        />
      ))}
    </svg>
  );
}
