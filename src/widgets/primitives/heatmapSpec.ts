import type * as PlotModule from "@observablehq/plot";

export interface HeatmapOptions {
  /** Row labels (one per row of `data`). */
  rows: string[];
  /** Column labels (one per column of `data`). */
  cols: string[];
  /** Axis titles. */
  rowLabel: string;
  colLabel: string;
  /** Fixed colour domain, e.g. [0, 1] for weights; defaults to the data's extent. */
  domain?: [number, number];
  decimals?: number;
  width?: number;
}

/**
 * Build a heatmap with Observable Plot. Shared by the build-time first paint (with a linkedom
 * `document`) and the live island (with the browser's), so both draw the same figure.
 */
export function heatmapFigure(
  Plot: typeof PlotModule,
  data: number[][],
  opts: HeatmapOptions,
  document?: Document,
): SVGSVGElement | HTMLElement {
  const cells = data.flatMap((row, i) =>
    row.map((value, j) => ({ row: opts.rows[i], col: opts.cols[j], value })),
  );
  const decimals = opts.decimals ?? 2;
  const cellSize = Math.max(28, Math.min(56, Math.floor(360 / Math.max(1, opts.cols.length))));
  return Plot.plot({
    document,
    width: opts.width ?? Math.max(160, 90 + cellSize * opts.cols.length),
    height: 50 + cellSize * opts.rows.length,
    marginLeft: 80,
    marginTop: 36,
    padding: 0.04,
    x: { domain: opts.cols, label: opts.colLabel, axis: "top", tickSize: 0 },
    y: { domain: opts.rows, label: opts.rowLabel, tickSize: 0 },
    color: { type: "linear", scheme: "blues", domain: opts.domain },
    marks: [
      Plot.cell(cells, { x: "col", y: "row", fill: "value", inset: 0.5 }),
      Plot.text(cells, {
        x: "col",
        y: "row",
        text: (d: { value: number }) => d.value.toFixed(decimals),
        fill: (d: { value: number }) => contrastText(d.value, opts.domain ?? extent(data)),
        fontSize: 11,
      }),
    ],
  });
}

function extent(data: number[][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of data) {
    for (const v of r) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** Dark text on light cells, white text on dark cells (the "blues" scheme darkens with value). */
function contrastText(v: number, [lo, hi]: [number, number]): string {
  const t = (v - lo) / (hi - lo || 1);
  return t > 0.55 ? "white" : "black";
}
