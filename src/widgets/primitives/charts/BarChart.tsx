import { formats } from "../format";
import { ChartFrame, Legend, textWidth, useChartWidth } from "./ChartFrame";
import { bandScale, linePath, linearScale } from "./scales";

interface Overlay {
  /** Legend and table column title. */
  label: string;
  values: ArrayLike<number>;
}

export interface BarChartProps {
  /** `data-chart` of the SVG and `data-table` of its table. */
  name: string;
  /** What the bars show; the summary is this followed by every value. */
  label: string;
  labels: string[];
  values: ArrayLike<number>;
  /** Vertical bars (default) or horizontal bars, one row per item. */
  orientation?: "vertical" | "horizontal";
  /** Title of the category axis, e.g. "memory slot". */
  categoryTitle: string;
  /** Title of the value axis and the bars' legend entry, e.g. "weight". */
  valueTitle: string;
  /** Value-axis domain (default [0, max(1, largest value)]). */
  domain?: [number, number];
  format?: (v: number) => string;
  /** The value axis's tick labels of a horizontal chart (default: the values' format, or plain numbers for weights). */
  tickFormat?: (v: number) => string;
  /** Text printed after each value of a horizontal chart (and a table column). */
  notes?: { label: string; values: string[] };
  /** Index of a bar to emphasise. */
  highlight?: number;
  /** Short reference marks across each bar (e.g. the soft weights). */
  reference?: Overlay;
  /** A curve over the bars on the same scale (e.g. local attention's Gaussian). */
  curve?: Overlay;
  /** A shaded range of bars, first to last index. */
  window?: { label: string; range: [number, number] };
  /** A vertical marker at a fractional bar index (e.g. p_t). */
  marker?: { label: string; at: number };
}

/**
 * A bar chart of one value per item (a weighting over slots, softmax weights over keys), vertical
 * or horizontal, with value-axis ticks, both axis titles, a legend and its data table.
 */
export function BarChart(p: BarChartProps) {
  const horizontal = p.orientation === "horizontal";
  const values = Array.from(p.values);
  const n = values.length;
  const format = p.format ?? formats.weight;
  const top = Math.max(1, ...values, ...(p.curve ? Array.from(p.curve.values) : []));
  const domain = p.domain ?? [0, top];
  const legendItems = [
    { label: p.valueTitle, kind: "bar" as const },
    ...(p.reference ? [{ label: p.reference.label, kind: "tick" as const }] : []),
    ...(p.curve ? [{ label: p.curve.label, kind: "line" as const, cls: "series-2" }] : []),
    ...(p.window ? [{ label: p.window.label, kind: "area" as const }] : []),
    ...(p.marker ? [{ label: p.marker.label, kind: "marker" as const }] : []),
  ];
  const summary = `${p.label}: ${values.map((v, i) => `${p.labels[i]} ${format(v)}`).join(", ")}`;
  const table = {
    columns: [
      p.categoryTitle,
      p.valueTitle,
      ...(p.notes ? [p.notes.label] : []),
      ...(p.reference ? [p.reference.label] : []),
      ...(p.curve ? [p.curve.label] : []),
    ],
    rows: values.map((v, i) => [
      p.labels[i],
      format(v),
      ...(p.notes ? [p.notes.values[i] ?? ""] : []),
      ...(p.reference ? [format(p.reference.values[i])] : []),
      ...(p.curve ? [format(p.curve.values[i])] : []),
    ]),
  };

  const labelW = Math.max(12, ...p.labels.map((l) => textWidth(l)));
  const noteW = Math.max(0, ...values.map((v, i) => textWidth(`${format(v)}  ${p.notes?.values[i] ?? ""}`)));
  const band = Math.max(26, labelW + 6);
  const { box, width, scrolls } = horizontal
    ? useChartWidth(labelW + 16 + 240 + noteW + 12, labelW + 16 + 60 + noteW + 12)
    : useChartWidth(Math.max(240, 44 + n * Math.max(band, 34) + 10), 44 + n * band + 10);
  if (horizontal) {
    // Room for the labels and for the category title above them, right-aligned with them (bold
    // text runs about 15 % wider than the estimate).
    const left = Math.max(labelW + 16, Math.ceil(textWidth(p.categoryTitle) * 1.15) + 12);
    const barW = width - left - noteW - 12;
    const row = 24;
    const legendTop = 10;
    const legend = Legend({ items: legendItems, x: 0, y: legendTop, width });
    const axisTop = legendTop + legend.height + 18;
    const plotTop = axisTop + 8;
    const height = plotTop + n * row + 22;
    const x = linearScale(domain, [left, left + barW]);
    const y = bandScale(n, [plotTop, plotTop + n * row], 0.2);
    return (
      <ChartFrame {...{ name: p.name, label: p.label, summary, table, width, height, box, scrolls }}>
        {legend.node}
        <g class="axis">
          {x.ticks(4).map((t) => (
            <g>
              <line class="grid" x1={x(t)} x2={x(t)} y1={axisTop + 2} y2={plotTop + n * row} />
              <text x={x(t)} y={axisTop} text-anchor="middle">
                {p.tickFormat ? p.tickFormat(t) : format === formats.weight ? String(t) : format(t)}
              </text>
            </g>
          ))}
        </g>
        {values.map((v, i) => (
          <g>
            <text
              x={left - 8}
              y={y.start(i) + y.bandwidth / 2}
              dy="0.35em"
              text-anchor="end"
              font-weight={i === p.highlight ? 700 : undefined}
            >
              {p.labels[i]}
            </text>
            <rect
              class={i === p.highlight ? "bar bar-on" : "bar"}
              x={x(domain[0])}
              y={y.start(i)}
              width={Math.max(0, x(Math.min(v, domain[1])) - x(domain[0]))}
              height={y.bandwidth}
            />
            <text
              x={left + barW + 6}
              y={y.start(i) + y.bandwidth / 2}
              dy="0.35em"
              font-weight={i === p.highlight ? 700 : undefined}
            >
              {format(v)}
              {p.notes?.values[i] ? `  ${p.notes.values[i]}` : ""}
            </text>
          </g>
        ))}
        <text class="axis-title" x={left - 8} y={axisTop} text-anchor="end">
          {p.categoryTitle}
        </text>
        <text class="axis-title" x={left + barW / 2} y={height - 4} text-anchor="middle">
          {p.valueTitle}
        </text>
      </ChartFrame>
    );
  }

  const left = 44;
  const legend = Legend({ items: legendItems, x: left, y: 10, width: width - left });
  const plotTop = 10 + legend.height + 6;
  const plotH = 110;
  const base = plotTop + plotH;
  const height = base + 46;
  const right = Math.min(width - 10, left + n * 60);
  const x = bandScale(n, [left, right], 0.2, 0.1);
  const cx = (i: number) => x.start(i) + x.bandwidth / 2;
  const step = x.step;
  const y = linearScale(domain, [base, plotTop]);
  const yv = (v: number) => y(Math.max(domain[0], Math.min(domain[1], v)));
  const curve = p.curve ? Array.from(p.curve.values) : null;
  return (
    <ChartFrame {...{ name: p.name, label: p.label, summary, table, width, height, box, scrolls }}>
      {legend.node}
      {p.window && (
        <rect
          class="window"
          x={cx(p.window.range[0]) - step / 2}
          y={plotTop}
          width={(p.window.range[1] - p.window.range[0] + 1) * step}
          height={plotH}
        />
      )}
      <g class="axis">
        {y.ticks(3).map((t) => (
          <g>
            <line class="grid" x1={left} x2={right} y1={y(t)} y2={y(t)} />
            <text x={left - 6} y={y(t)} dy="0.35em" text-anchor="end">
              {String(t)}
            </text>
          </g>
        ))}
        <line x1={left} x2={right} y1={base} y2={base} />
      </g>
      {values.map((v, i) => (
        <g>
          <rect
            class={i === p.highlight ? "bar bar-on" : "bar"}
            x={x.start(i)}
            y={yv(v)}
            width={x.bandwidth}
            height={Math.max(0, base - yv(v))}
          />
          <text
            x={cx(i)}
            y={base + 16}
            text-anchor="middle"
            font-weight={i === p.highlight ? 700 : undefined}
          >
            {p.labels[i]}
          </text>
        </g>
      ))}
      {p.reference &&
        Array.from(p.reference.values).map((v, i) => (
          <line
            class="reference"
            x1={x.start(i) - 2}
            x2={x.start(i) + x.bandwidth + 2}
            y1={yv(v)}
            y2={yv(v)}
          />
        ))}
      {curve && (
        <path
          class="curve"
          d={linePath(
            curve.map((v, i) => ({ x: i, y: v })),
            cx,
            yv,
          )}
        />
      )}
      {p.marker && (
        <line
          class="marker"
          x1={cx(0) + p.marker.at * step}
          x2={cx(0) + p.marker.at * step}
          y1={plotTop}
          y2={base}
        />
      )}
      <text class="axis-title" x={(left + right) / 2} y={height - 6} text-anchor="middle">
        {p.categoryTitle}
      </text>
      <text
        class="axis-title"
        transform={`translate(12 ${(plotTop + base) / 2}) rotate(-90)`}
        text-anchor="middle"
      >
        {p.valueTitle}
      </text>
    </ChartFrame>
  );
}
