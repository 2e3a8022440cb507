import { dec } from "./parseList";

interface Props {
  /** Bar heights, one per position. */
  values: number[];
  /** A label under each bar. */
  labels: string[];
  /** Accessible name; the numbers are appended to it. */
  label: string;
  /** Top of the vertical axis (default 1). */
  max?: number;
  /** A curve drawn over the bars (e.g. the Gaussian of local attention), same scale. */
  curve?: number[];
  /** Reference marks drawn as short horizontal ticks (e.g. the soft weights). */
  ticks?: number[];
  /** Positions [first, last] to shade as a window. */
  window?: [number, number];
  /** A vertical marker at a fractional position (e.g. p_t). */
  marker?: number;
  /** Highlighted bar index (e.g. the chosen key). */
  highlight?: number;
  height?: number;
  name?: string;
}

const W = 34;
const PAD = 26;

/** A small bar chart in plain SVG (themed by CSS variables), with an updating text alternative. */
export function Bars({
  values,
  labels,
  label,
  max = 1,
  curve,
  ticks,
  window,
  marker,
  highlight,
  height = 150,
  name,
}: Props) {
  const n = values.length;
  const width = PAD + n * W + 8;
  const top = 8;
  const base = height - 22;
  const y = (v: number) => base - (Math.max(0, Math.min(v, max)) / max) * (base - top);
  const x = (i: number) => PAD + i * W + W / 2;
  const alt = `${label}: ${values.map((v, i) => `${labels[i]} ${dec(v)}`).join(", ")}.`;
  const curvePath = curve ? curve.map((v, i) => `${i === 0 ? "M" : "L"}${x(i)},${y(v)}`).join(" ") : "";
  return (
    <svg
      class="bars"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={alt}
      data-chart={name}
    >
      {window && (
        <rect
          class="bars-window"
          x={x(window[0]) - W / 2}
          y={top}
          width={(window[1] - window[0] + 1) * W}
          height={base - top}
        />
      )}
      <line class="bars-axis" x1={PAD - 4} x2={width - 4} y1={base} y2={base} />
      <text class="bars-tick" x={PAD - 6} y={top + 4} text-anchor="end">
        {dec(max, 1)}
      </text>
      <text class="bars-tick" x={PAD - 6} y={base} text-anchor="end">
        0
      </text>
      {values.map((v, i) => (
        <g>
          <rect
            class={i === highlight ? "bars-bar bars-bar-on" : "bars-bar"}
            x={x(i) - W / 2 + 5}
            y={y(v)}
            width={W - 10}
            height={Math.max(0, base - y(v))}
          />
          <text class="bars-label" x={x(i)} y={height - 6} text-anchor="middle">
            {labels[i]}
          </text>
        </g>
      ))}
      {ticks?.map((v, i) => (
        <line class="bars-ref" x1={x(i) - W / 2 + 2} x2={x(i) + W / 2 - 2} y1={y(v)} y2={y(v)} />
      ))}
      {curve && <path class="bars-curve" d={curvePath} />}
      {marker !== undefined && <line class="bars-marker" x1={x(marker)} x2={x(marker)} y1={top} y2={base} />}
    </svg>
  );
}
