import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import "./charts.css";

/** The numbers behind a chart: the `<details>` table and the CSV export read the same rows. */
export interface ChartTable {
  /** `data-table` of the table when it differs from the chart's name. */
  name?: string;
  columns: string[];
  /** The first cell of each row is its header. */
  rows: (string | number)[][];
}

interface Props {
  /** `data-chart` on the SVG and `data-table` on its table; unique within the widget. */
  name: string;
  /** What the chart shows, e.g. "Attention weights over the eight items". */
  label: string;
  /** The one-line text alternative, kept up to date with the numbers. */
  summary: string;
  table: ChartTable;
  width: number;
  height: number;
  /** Reference the frame measures: the width the chart may take. */
  box: { current: HTMLDivElement | null };
  /** Whether the chart is wider than its box (the box then scrolls and takes keyboard focus). */
  scrolls: boolean;
  /** The table's rows built only when the reader first opens it (a large matrix); see DataTable. */
  lazyRows?: () => (string | number)[][];
  children: ComponentChildren;
}

/**
 * The accessibility contract every chart shares: the SVG is one `role="img"` whose accessible
 * name is a one-line summary of what it shows now, and a `<details>` under it holds the numbers as
 * a table. The SVG is drawn at its real size (never scaled down, so its text stays legible) inside
 * a box that scrolls sideways when the chart is wider than the column. The widget frame's Export
 * menu saves the SVG, a PNG of it, and the table as CSV.
 */
export function ChartFrame({
  name,
  label,
  summary,
  table,
  width,
  height,
  box,
  scrolls,
  lazyRows,
  children,
}: Props) {
  return (
    <figure class="chart" data-chart-frame={name} data-chart-label={label}>
      <figcaption class="chart-caption">{label}</figcaption>
      <div
        class="chart-scroll"
        ref={box}
        // A box that scrolls sideways is focusable, so a keyboard can scroll it.
        tabIndex={scrolls ? 0 : undefined}
        role={scrolls ? "region" : undefined}
        aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
      >
        <svg
          data-chart={name}
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          xmlns="http://www.w3.org/2000/svg"
        >
          {children}
        </svg>
      </div>
      <DataTable name={table.name ?? name} label={label} table={table} lazyRows={lazyRows} />
    </figure>
  );
}

/**
 * The `<details>` table of a chart's numbers (the first cell of each row is its header). With
 * `lazyRows`, the rows are built when the reader first opens it (`data-lazy`; the CSV export
 * opens it first), so a large matrix costs nothing while unread.
 */
export function DataTable({
  name,
  label,
  table,
  lazyRows,
}: {
  name: string;
  label: string;
  table: ChartTable;
  lazyRows?: () => (string | number)[][];
}) {
  const [opened, setOpened] = useState(false);
  const rows = lazyRows ? (opened ? lazyRows() : []) : table.rows;
  return (
    <details
      class="chart-table"
      data-lazy={lazyRows ? "" : undefined}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <summary>Numbers behind the chart</summary>
      <table data-table={name}>
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((c, j) =>
                j === 0 ? <th scope="row">{c}</th> : <td>{typeof c === "number" ? String(c) : c}</td>,
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * The width a chart may use: `preferred` until the box has been measured (the build-time first
 * paint), then the box's width, never less than `min` (a narrower chart scrolls instead).
 */
export function useChartWidth(preferred: number, min: number) {
  const box = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const update = () => {
      // The box's parent sets the room available; the box itself may be wider than that.
      const w = Math.floor((el.parentElement ?? el).clientWidth);
      if (w > 0) setMeasured((old) => (old === w ? old : w));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el.parentElement ?? el);
    return () => ro.disconnect();
  }, []);
  const width = Math.max(min, Math.min(preferred, measured ?? preferred));
  useLayoutEffect(() => {
    const el = box.current;
    if (el) setScrolls(el.scrollWidth > el.clientWidth + 1);
  });
  return { box, width, scrolls };
}

/** A rough width of a label in 12 px text, for laying out margins before the browser measures. */
export function textWidth(s: string, px = 12): number {
  let w = 0;
  for (const ch of s) w += /[ilj.,:;|!'1]/.test(ch) ? 0.3 : /[mwMW—]/.test(ch) ? 0.9 : 0.6;
  return Math.ceil(w * px);
}

/** Legend entries laid out left to right, wrapping at `width`; returns the SVG and its height. */
export function Legend({
  items,
  x,
  y,
  width,
}: {
  items: {
    label: string;
    kind: "line" | "dashed" | "bar" | "tick" | "area" | "marker";
    cls?: string;
    /** A CSS colour for the swatch instead of the class's. */
    colour?: string;
    /** The dash pattern of a line swatch, instead of the default one for "dashed". */
    dash?: string;
  }[];
  x: number;
  y: number;
  width: number;
}) {
  let cx = x;
  let cy = y;
  const out = items.map((it) => {
    const w = 26 + textWidth(it.label) + 14;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += 18;
    }
    const g = (
      <g
        class={it.kind === "marker" ? "legend-item" : `legend-item ${it.cls ?? ""}`}
        transform={`translate(${cx} ${cy})`}
        style={it.colour ? { "--series": it.colour } : undefined}
      >
        {it.kind === "bar" && <rect class="bar" x="0" y="-5" width="20" height="10" />}
        {it.kind === "area" && <rect class="window" x="0" y="-6" width="20" height="12" />}
        {(it.kind === "line" || it.kind === "dashed") && (
          <line
            class="legend-line"
            x1="0"
            x2="20"
            y1="0"
            y2="0"
            stroke-dasharray={it.dash ?? (it.kind === "dashed" ? "4 3" : undefined)}
          />
        )}
        {it.kind === "tick" && <line class="reference" x1="2" x2="18" y1="0" y2="0" />}
        {it.kind === "marker" && <line class={it.cls ?? "marker"} x1="10" x2="10" y1="-7" y2="7" />}
        <text x="26" y="0" dy="0.35em">
          {it.label}
        </text>
      </g>
    );
    cx += w;
    return g;
  });
  return { node: <g class="legend chart-legend">{out}</g>, height: cy - y + 18 };
}
