/**
 * The notebook's result charts as plain SVG (no chart library: the notebook page already carries
 * an editor, KaTeX and the formula worker within its budget). Each figure is one `role="img"`
 * with a summary as its accessible name; the table view gives every number.
 */

import { coordinate, sig } from "../widgets/primitives/format";

const W = 480;

const short = (x: number) => sig(x, 4);

function extent(values: number[]): [number, number] {
  const lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (lo === hi) hi = lo + 1;
  return [lo, hi];
}

interface BarsProps {
  name: string;
  label: string;
  values: number[];
}

/** A vector as bars from zero, one per entry, labelled by position. */
export function Bars({ name, label, values }: BarsProps) {
  const [lo, hi] = extent(values);
  const H = 160;
  const band = Math.max(6, Math.min(40, (W - 40) / values.length));
  const y = (v: number) => 10 + ((hi - v) / (hi - lo)) * (H - 30);
  const summary = `${label}: ${values.map((v, i) => `${i + 1}: ${short(v)}`).join(", ")}`;
  return (
    <svg
      class="nb-svg"
      data-chart={name}
      role="img"
      aria-label={summary}
      width={40 + band * values.length}
      height={H}
      viewBox={`0 0 ${40 + band * values.length} ${H}`}
    >
      <text x="2" y={y(hi) + 4} class="nb-tick">
        {short(hi)}
      </text>
      <text x="2" y={y(lo) + 4} class="nb-tick">
        {short(lo)}
      </text>
      <line x1="36" x2={40 + band * values.length} y1={y(0)} y2={y(0)} class="nb-axis" />
      {values.map((v, i) => (
        <rect
          key={i}
          x={40 + i * band + 1}
          width={band - 2}
          y={Math.min(y(v), y(0))}
          height={Math.abs(y(v) - y(0))}
          class={v < 0 ? "nb-bar nb-neg" : "nb-bar"}
        />
      ))}
      {values.length <= 24 &&
        values.map((_, i) => (
          <text key={`l${i}`} x={40 + (i + 0.5) * band} y={H - 4} class="nb-tick" text-anchor="middle">
            {i + 1}
          </text>
        ))}
    </svg>
  );
}

interface GridProps {
  name: string;
  label: string;
  data: (number | boolean)[][];
}

/** A matrix as a grid of shaded cells (a heatmap), or a boolean mask as filled and empty cells. */
export function Grid({ name, label, data }: GridProps) {
  const flat = data.flat().map(Number);
  const mask = typeof data[0]?.[0] === "boolean";
  const [lo, hi] = mask ? [0, 1] : extent(flat);
  const cols = data[0]?.length ?? 0;
  const cell = Math.max(8, Math.min(40, Math.floor((W - 30) / Math.max(1, cols))));
  const printed = cell >= 30;
  const signed = lo < 0;
  const shade = (v: number) =>
    signed ? Math.abs(v) / Math.max(Math.abs(lo), Math.abs(hi)) : (v - lo) / (hi - lo || 1);
  const rowsText = data
    .slice(0, 8)
    .map(
      (r, i) => `row ${i + 1}: ${r.map((v) => (mask ? (v ? "true" : "false") : short(Number(v)))).join(" ")}`,
    )
    .join("; ");
  return (
    <svg
      class="nb-svg"
      data-chart={name}
      role="img"
      aria-label={`${label}${mask ? " (mask; filled = true)" : ""}, ${data.length}×${cols}. ${rowsText}${data.length > 8 ? "; …" : ""}`}
      width={cols * cell + 2}
      height={data.length * cell + 2}
      viewBox={`0 0 ${cols * cell + 2} ${data.length * cell + 2}`}
    >
      {printed && !mask
        ? data.map((row, i) =>
            row.map((v, j) => {
              const n = Number(v);
              const t = shade(n);
              return (
                <g key={`${i}-${j}`}>
                  <rect
                    x={1 + j * cell}
                    y={1 + i * cell}
                    width={cell - 1}
                    height={cell - 1}
                    class={n < 0 ? "nb-heat nb-neg" : "nb-heat"}
                    fill-opacity={0.08 + 0.92 * t}
                  />
                  <text
                    x={1 + (j + 0.5) * cell}
                    y={1 + (i + 0.5) * cell + 4}
                    text-anchor="middle"
                    class={t > 0.55 ? "nb-heat-text nb-strong" : "nb-heat-text"}
                  >
                    {short(n).slice(0, 5)}
                  </text>
                </g>
              );
            }),
          )
        : shadePaths(data, cell, mask, shade)}
    </svg>
  );
}

/** Shades of a heatmap without numbers: squares are drawn as one path per shade, not one element each. */
const SHADES = 24;

/**
 * The squares of a grid as at most 2 × {@link SHADES} paths (a 32×32 matrix as a few dozen
 * elements instead of 1,024), each square's opacity rounded to one of the shades.
 */
function shadePaths(data: (number | boolean)[][], cell: number, mask: boolean, shade: (v: number) => number) {
  const paths = new Map<string, string[]>();
  data.forEach((row, i) =>
    row.forEach((v, j) => {
      const n = Number(v);
      const key = mask
        ? v
          ? "on"
          : "off"
        : `${n < 0 ? "neg" : "pos"}:${Math.round(shade(n) * (SHADES - 1))}`;
      const d = `M${1 + j * cell} ${1 + i * cell}h${cell - 1}v${cell - 1}h${1 - cell}z`;
      const list = paths.get(key);
      if (list) list.push(d);
      else paths.set(key, [d]);
    }),
  );
  return [...paths].map(([key, d]) => {
    if (mask) return <path key={key} d={d.join("")} class={key === "on" ? "nb-cell-on" : "nb-cell-off"} />;
    const [sign, level] = key.split(":");
    return (
      <path
        key={key}
        d={d.join("")}
        class={sign === "neg" ? "nb-heat nb-neg" : "nb-heat"}
        fill-opacity={0.08 + (0.92 * Number(level)) / (SHADES - 1)}
      />
    );
  });
}

interface LineProps {
  name: string;
  label: string;
  xs: number[];
  ys: number[];
}

/** A function of one variable over its sampled range. */
export function Line({ name, label, xs, ys }: LineProps) {
  const H = 200;
  const [x0, x1] = [xs[0], xs[xs.length - 1]];
  let [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const px = (x: number) => 44 + ((x - x0) / (x1 - x0)) * (W - 54);
  const py = (y: number) => 10 + ((hi - y) / (hi - lo)) * (H - 40);
  const d = xs.map((x, i) => `${i === 0 ? "M" : "L"}${coordinate(px(x))},${coordinate(py(ys[i]))}`).join("");
  const step = Math.max(1, Math.floor(xs.length / 6));
  const samples = xs.filter((_, i) => i % step === 0).map((x, i) => `${short(x)} → ${short(ys[i * step])}`);
  return (
    <svg
      class="nb-svg"
      data-chart={name}
      role="img"
      aria-label={`${label}. ${samples.join(", ")}`}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
    >
      <text x="2" y={py(hi) + 4} class="nb-tick">
        {short(hi)}
      </text>
      <text x="2" y={py(lo) + 4} class="nb-tick">
        {short(lo)}
      </text>
      <text x={px(x0)} y={H - 8} class="nb-tick">
        {short(x0)}
      </text>
      <text x={px(x1)} y={H - 8} class="nb-tick" text-anchor="end">
        {short(x1)}
      </text>
      <line x1={px(x0)} x2={px(x1)} y1={H - 28} y2={H - 28} class="nb-axis" />
      {lo < 0 && hi > 0 && <line x1={px(x0)} x2={px(x1)} y1={py(0)} y2={py(0)} class="nb-axis nb-zero" />}
      <path d={d} class="nb-line" />
    </svg>
  );
}
