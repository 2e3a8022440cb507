import { sig } from "../format";
import { ChartFrame, type ChartTable, Legend, textWidth, useChartWidth } from "./ChartFrame";
import { type ContinuousScale, linePath, linearScale, logScale } from "./scales";

export interface LineSeries {
  /** Short id, unique in the chart. */
  id: string;
  /** Legend entry and table column title. */
  label: string;
  points: { x: number; y: number }[];
  /** A dashed line, or the dash pattern to draw it with (e.g. "2 3" for dots). */
  dashed?: boolean | string;
  /** Draw a dot at every point (measured values); lines alone are for references. */
  dots?: boolean;
  /** Colour: 1 accent (default for the first series), 2 orange, 3 grey (references). */
  tone?: 1 | 2 | 3;
  /** A CSS colour instead of the tone, for series another chart of the widget colours too. */
  colour?: string;
  /** Index of a point to mark as the current one. */
  current?: number;
}

export interface LineAxis {
  /** Axis title. */
  label: string;
  /** Default: the data's extent (nice-rounded). */
  domain?: [number, number];
  type?: "linear" | "log";
  /** Tick values (default: about five nice ones). */
  ticks?: number[];
  format?: (v: number) => string;
  /** Only whole-number ticks (steps, counts). */
  integer?: boolean;
}

export interface LineChartProps {
  /** `data-chart` of the SVG and `data-table` of its table. */
  name: string;
  /** What the chart shows (the table's name). */
  label: string;
  /** The one-line text alternative; default: the label and every series' values. */
  summary?: string;
  series: LineSeries[];
  x: LineAxis;
  y: LineAxis;
  /** Vertical rules at x values, e.g. the reader's selection or a capacity limit. */
  rules?: { x: number; label: string; kind?: "marker" | "rule" }[];
  /** The numbers as a table; default: one column per series against x. */
  table?: ChartTable;
}

const M = { left: 52, right: 14, bottom: 44 };

function scale(axis: LineAxis, values: number[], range: [number, number]): ContinuousScale {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (axis.type === "log") return logScale(axis.domain ?? [lo, hi], range, !axis.domain);
  const dom: [number, number] = axis.domain ?? (lo === hi ? [lo - 1, hi + 1] : [lo, hi]);
  return linearScale(dom, range, !axis.domain);
}

function tickValues(axis: LineAxis, s: ContinuousScale): number[] {
  if (axis.ticks) return axis.ticks;
  const t = s.ticks(axis.type === "log" ? 6 : 5);
  return axis.integer ? t.filter((v) => Number.isInteger(v)) : t;
}

/**
 * A line chart of a few series against one x axis (linear or log on either axis), with ticks,
 * axis titles, a legend, optional vertical rules, and its data table.
 */
export function LineChart(p: LineChartProps) {
  const { box, width, scrolls } = useChartWidth(460, 300);
  const fx = p.x.format ?? ((v: number) => sig(v, 3));
  const fy = p.y.format ?? ((v: number) => sig(v, 3));
  const legendItems = [
    ...p.series.map((s, i) => ({
      label: s.label,
      kind: s.dashed ? ("dashed" as const) : ("line" as const),
      cls: `series-${s.tone ?? i + 1}`,
      colour: s.colour,
      dash: typeof s.dashed === "string" ? s.dashed : undefined,
    })),
    ...(p.rules ?? []).map((r) => ({ label: r.label, kind: "marker" as const, cls: r.kind ?? "marker" })),
  ];
  const xs = p.series.flatMap((s) => s.points.map((q) => q.x));
  const ys = p.series.flatMap((s) => s.points.map((q) => q.y));
  // The y ticks depend on the domain only: the left margin makes room for the widest tick label
  // and, left of it, the rotated axis title (a tick label such as "-2000" ran into "energy E").
  const yTickW = Math.max(
    0,
    ...tickValues(p.y, scale(p.y, ys.length ? ys : [0, 1], [1, 0])).map((t) => textWidth(fy(t))),
  );
  const left = Math.max(M.left, yTickW + 32);
  const legend = Legend({ items: legendItems, x: left, y: 10, width: width - left - M.right });
  const top = 10 + legend.height + 8;
  const plotH = 170;
  const height = top + plotH + M.bottom;
  // The x ticks depend on the domain only; the last one's label is centred on the right end of
  // the axis, so the right margin makes room for half of it.
  const xTicks = tickValues(p.x, scale(p.x, xs.length ? xs : [0, 1], [0, 1]));
  const right = Math.max(M.right, Math.ceil(textWidth(fx(xTicks[xTicks.length - 1] ?? 0)) / 2) + 4);
  const sx = scale(p.x, xs.length ? xs : [0, 1], [left, width - right]);
  const sy = scale(p.y, ys.length ? ys : [0, 1], [top + plotH, top]);
  const [y0, y1] = sy.range;
  const yTicks = tickValues(p.y, sy);
  const summary =
    p.summary ??
    `${p.label}. ${p.series.map((s) => `${s.label}: ${s.points.map((q) => `(${fx(q.x)}, ${fy(q.y)})`).join(", ")}`).join(". ")}.`;
  const table = p.table ?? defaultTable(p.series, p.x.label, fx, fy);
  const yTitleX = Math.max(12, left - 10 - Math.max(...yTicks.map((t) => textWidth(fy(t)))) - 10);
  return (
    <ChartFrame {...{ name: p.name, label: p.label, summary, table, width, height, box, scrolls }}>
      {legend.node}
      <g class="axis">
        {yTicks.map((t) => (
          <g>
            <line class="grid" x1={left} x2={width - right} y1={sy(t)} y2={sy(t)} />
            <text x={left - 6} y={sy(t)} dy="0.35em" text-anchor="end">
              {fy(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <g>
            <line x1={sx(t)} x2={sx(t)} y1={y0} y2={y0 + 5} />
            <text x={sx(t)} y={y0 + 18} text-anchor="middle">
              {fx(t)}
            </text>
          </g>
        ))}
        <line x1={left} x2={width - right} y1={y0} y2={y0} />
        <line x1={left} x2={left} y1={y0} y2={y1} />
        <text class="axis-title" x={(left + width - right) / 2} y={height - 6} text-anchor="middle">
          {p.x.label}
        </text>
        <text
          class="axis-title"
          transform={`translate(${yTitleX} ${(y0 + y1) / 2}) rotate(-90)`}
          text-anchor="middle"
        >
          {p.y.label}
        </text>
      </g>
      {(p.rules ?? []).map((r) => (
        <line class={r.kind ?? "marker"} x1={sx(r.x)} x2={sx(r.x)} y1={y1} y2={y0} />
      ))}
      {p.series.map((s, i) => (
        <g
          class={`series series-${s.tone ?? i + 1}`}
          data-series={s.id}
          style={s.colour ? { "--series": s.colour } : undefined}
        >
          <path
            d={linePath(s.points, sx, sy)}
            stroke-dasharray={typeof s.dashed === "string" ? s.dashed : s.dashed ? "5 4" : undefined}
          />
          {s.points.map((q, k) =>
            s.dots || k === s.current ? (
              <circle
                class={k === s.current ? "current" : undefined}
                cx={sx(q.x)}
                cy={sy(q.y)}
                r={k === s.current ? 5 : 3}
              />
            ) : null,
          )}
        </g>
      ))}
    </ChartFrame>
  );
}

function defaultTable(
  series: LineSeries[],
  xLabel: string,
  fx: (v: number) => string,
  fy: (v: number) => string,
): ChartTable {
  const xs = series[0]?.points.map((q) => q.x) ?? [];
  const shared = series.every(
    (s) => s.points.length === xs.length && s.points.every((q, i) => q.x === xs[i]),
  );
  if (shared) {
    return {
      columns: [xLabel, ...series.map((s) => s.label)],
      rows: xs.map((x, i) => [fx(x), ...series.map((s) => fy(s.points[i].y))]),
    };
  }
  return {
    columns: ["series", xLabel, "value"],
    rows: series.flatMap((s) => s.points.map((q) => [s.label, fx(q.x), fy(q.y)])),
  };
}
