import { fmt } from "../primitives/matrixText";

interface Props {
  /** Values in [0, max]; one bar each. */
  values: ArrayLike<number>;
  labels: string[];
  /** Accessible name; the values are appended to it. */
  label: string;
  /** The top of the scale (default 1, for weightings). */
  max?: number;
  /** Index of a bar to outline (e.g. the current slot). */
  highlight?: number;
  /** Name for tests and styles (`data-bars`). */
  name: string;
  width?: number;
  height?: number;
}

/**
 * A small hand-drawn SVG bar chart of a distribution (a weighting over memory slots, softmax weights
 * over stored patterns). Its text alternative is an `aria-label` listing every value.
 */
export function Bars({ values, labels, label, max = 1, highlight, name, width = 240, height = 96 }: Props) {
  const n = values.length;
  const top = 14;
  const bottom = 16;
  const inner = height - top - bottom;
  const bw = width / Math.max(n, 1);
  const vals = Array.from(values);
  const summary = vals.map((v, i) => `${labels[i]} ${fmt(v, 3)}`).join(", ");
  return (
    <svg
      class="atlas-bars"
      data-bars={name}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={`${label}: ${summary}`}
    >
      <line x1="0" x2={width} y1={top + inner} y2={top + inner} stroke="currentColor" stroke-opacity="0.5" />
      {vals.map((v, i) => {
        const h = Math.max(0, Math.min(1, v / max)) * inner;
        return (
          <g key={i}>
            <rect
              x={i * bw + bw * 0.15}
              y={top + inner - h}
              width={bw * 0.7}
              height={h}
              fill="var(--accent)"
              stroke={i === highlight ? "currentColor" : "none"}
              stroke-width="2"
            />
            {n <= 16 && (
              <text
                x={i * bw + bw / 2}
                y={top + inner - h - 3}
                text-anchor="middle"
                font-size="9"
                fill="currentColor"
              >
                {v >= 0.005 ? v.toFixed(2) : ""}
              </text>
            )}
            <text x={i * bw + bw / 2} y={height - 4} text-anchor="middle" font-size="10" fill="currentColor">
              {labels[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
