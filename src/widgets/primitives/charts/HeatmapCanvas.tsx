import { useLayoutEffect, useState } from "preact/hooks";
import { formats } from "../format";
import { useThemeChange } from "../themeColours";
import { ChartFrame, textWidth, useChartWidth } from "./ChartFrame";
import { ColourLegend } from "./ColourLegend";
import { canvasPalette, paintMatrix } from "./heatmapPaint";
import { type PaletteKind, autoDomain } from "./palette";

export interface HeatmapCanvasProps {
  /** `data-chart` of the SVG and `data-table` of its table. */
  name: string;
  /** What the matrix shows (the caption and the table's name). */
  label: string;
  /** The one-line text alternative. */
  summary: string;
  /** Row-major entries, rows × cols. */
  data: ArrayLike<number>;
  rows: number;
  cols: number;
  /** Axis titles, e.g. "neuron i" and "neuron j". */
  rowTitle: string;
  colTitle: string;
  /** Sequential for weights, diverging for signed values. */
  palette: PaletteKind;
  /** Colour domain (default: the data's extent, symmetric when diverging). */
  domain?: [number, number];
  /** Title of the colour legend, e.g. "weight wᵢⱼ". */
  legend: string;
  format?: (v: number) => string;
  /** Side of the drawn matrix in px (default 200). */
  size?: number;
}

/**
 * A matrix too large for one SVG cell per entry (MatrixGrid's way), with the same contract as every
 * chart: painted one pixel per entry on a canvas in the site's palette (heatmapPaint.ts, redrawn
 * when the theme changes) and shown as an image inside the chart's SVG, with axis titles, the first
 * and last index as ticks, a colour legend, the summary as its accessible name, and the numbers in
 * the `<details>` table (built when first opened, so a 100 × 100 matrix costs nothing until read)
 * that the frame's Save menu also exports as CSV, beside the SVG and PNG.
 */
export function HeatmapCanvas(p: HeatmapCanvasProps) {
  const format = p.format ?? formats.entry;
  const size = p.size ?? 200;
  const domain = p.domain ?? autoDomain(Array.from(p.data), p.palette);
  const tickW = textWidth(String(p.rows));
  const left = 24 + tickW + 8;
  const top = 36;
  const legendTop = top + size + 14;
  const width = Math.max(left + size + 12, left + 150 + textWidth(p.legend) + 12);
  const height = legendTop + 34;
  const { box, scrolls } = useChartWidth(width, width);
  const theme = useThemeChange();
  const [image, setImage] = useState<string | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const canvas = document.createElement("canvas");
    const colour = canvasPalette(el, p.palette, domain);
    paintMatrix(canvas, p.rows, p.cols, (i, j) => p.data[i * p.cols + j], colour);
    setImage(canvas.toDataURL("image/png"));
  }, [p.data, p.rows, p.cols, p.palette, domain[0], domain[1], theme]);
  const table = {
    columns: [`${p.rowTitle} \\ ${p.colTitle}`, ...Array.from({ length: p.cols }, (_, j) => String(j + 1))],
    rows: () =>
      Array.from({ length: p.rows }, (_, i) => [
        String(i + 1),
        ...Array.from({ length: p.cols }, (_, j) => format(p.data[i * p.cols + j])),
      ]),
  };
  const cw = size / p.cols;
  const rh = size / p.rows;
  return (
    <ChartFrame
      {...{ name: p.name, label: p.label, summary: p.summary, width, height, box, scrolls }}
      table={{ columns: table.columns, rows: [] }}
      lazyRows={table.rows}
    >
      <text class="axis-title" x={left + size / 2} y={12} text-anchor="middle">
        {p.colTitle}
      </text>
      <text class="axis-title" transform={`translate(12 ${top + size / 2}) rotate(-90)`} text-anchor="middle">
        {p.rowTitle}
      </text>
      <g class="axis">
        <text x={left + cw / 2} y={top - 6} text-anchor="middle">
          1
        </text>
        <text x={left + size - cw / 2} y={top - 6} text-anchor="middle">
          {p.cols}
        </text>
        <text x={left - 6} y={top + rh / 2} dy="0.35em" text-anchor="end">
          1
        </text>
        <text x={left - 6} y={top + size - rh / 2} dy="0.35em" text-anchor="end">
          {p.rows}
        </text>
      </g>
      {image && (
        <image
          href={image}
          x={left}
          y={top}
          width={size}
          height={size}
          preserveAspectRatio="none"
          image-rendering="pixelated"
        />
      )}
      <rect
        class="heatmap-border"
        x={left}
        y={top}
        width={size}
        height={size}
        fill="none"
        stroke="var(--border)"
      />
      <ColourLegend
        kind={p.palette}
        domain={domain}
        format={format}
        title={p.legend}
        x={left}
        y={legendTop}
      />
    </ChartFrame>
  );
}
