import { useId } from "preact/hooks";
import { formats } from "../format";
import { ChartFrame, textWidth, useChartWidth } from "./ChartFrame";
import { type PaletteKind, autoDomain, legendStops, needsStrongText, paletteColour } from "./palette";

export interface MatrixGridProps {
  /** `data-chart` of the SVG and `data-table` of its table. */
  name: string;
  /** What the matrix shows, e.g. "Attention weights". */
  label: string;
  /** The one-line text alternative; default: each row's largest entry (or, for a mask, its allowed columns). */
  summary?: string;
  /** Rows of numbers (booleans for a mask); `null` marks a cell with no value (masked, not yet computed). */
  data: (number | boolean | null)[][];
  rows: string[];
  cols: string[];
  /** Axis titles, e.g. "query" and "key". */
  rowTitle: string;
  colTitle: string;
  /** Sequential for weights, diverging for signed values, binary for masks. */
  palette: PaletteKind | "binary";
  /** Colour domain (default: the data's extent, symmetric when diverging). */
  domain?: [number, number];
  /** Title of the colour legend, e.g. "weight" (binary: the names of true and false). */
  legend: string | [string, string];
  format?: (v: number) => string;
  /** Print each value in its cell (default true). */
  showValues?: boolean;
  /** What a `null` cell says in the SVG and in the table. */
  missing?: { cell: string; table: string };
  /** Cells to outline, e.g. the chosen position. */
  outline?: (i: number, j: number) => boolean;
  /** A row to emphasise (its label in bold). */
  currentRow?: number;
  /** Extra class of a cell: `cell-alt` draws an allowed cell of a mask in the second tone. */
  cellClass?: (i: number, j: number) => "cell-alt" | undefined;
  /** Legend entry of the second tone of a mask, e.g. "allowed (memory)". */
  altLegend?: string;
  /** A weighting over rows drawn as bars right of the grid, and a column of the table. */
  rowWeights?: { label: string; values: ArrayLike<number> };
  /** Largest cell side in px (default 56). */
  maxCell?: number;
  /** Smallest cell side in px when values are not printed (default 22); labels then thin out. */
  minCell?: number;
}

/** The smallest of 1, 2, 4, 5, 8, 10, 16, 20, … such that every k-th label fits. */
function labelStep(cell: number, need: number): number {
  for (const k of [1, 2, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100]) if (k * cell >= need) return k;
  return 128;
}

/**
 * A matrix as a grid of coloured cells: attention weights, masks, memory contents, encodings. Row
 * and column labels are its ticks, both axes have titles, and a colour legend explains the scale.
 */
export function MatrixGrid(p: MatrixGridProps) {
  const binary = p.palette === "binary";
  const kind: PaletteKind = p.palette === "diverging" ? "diverging" : "sequential";
  const format = p.format ?? formats.entry;
  const nums = p.data.flat().filter((v): v is number => typeof v === "number");
  const domain = binary ? ([0, 1] as [number, number]) : (p.domain ?? autoDomain(nums, kind));
  const missing = p.missing ?? { cell: "—", table: "—" };
  const show = p.showValues ?? true;
  const text = (v: number | boolean | null) =>
    v === null ? missing.cell : typeof v === "boolean" ? (v ? "✓" : "") : format(v);
  const valueW = show ? Math.max(0, ...p.data.flat().map((v) => textWidth(text(v)))) + 8 : 0;
  const nCols = Math.max(1, p.cols.length);
  const rowLabelW = Math.max(0, ...p.rows.map((r) => textWidth(r))) + 8;
  const left = 24 + rowLabelW;
  const weightsW = p.rowWeights ? 70 : 0;
  const maxCell = p.maxCell ?? 56;
  const minCell = show ? Math.max(valueW, 22) : (p.minCell ?? 22);
  const { box, width, scrolls } = useChartWidth(
    left + nCols * Math.max(minCell, Math.min(maxCell, 40)) + weightsW + 12,
    left + nCols * minCell + weightsW + 12,
  );
  const cell = Math.max(minCell, Math.min(maxCell, Math.floor((width - left - weightsW - 12) / nCols)));
  const colLabelW = Math.max(0, ...p.cols.map((c) => textWidth(c)));
  // Small cells (a large encoding) label every k-th row and column; otherwise long labels turn.
  const thin = !show && cell < 22;
  const colStep = thin ? labelStep(cell, colLabelW + 6) : 1;
  const rowStep = thin ? labelStep(cell, 14) : 1;
  const rotate = !thin && colLabelW > cell - 4;
  const top = 22 + (rotate ? Math.ceil(colLabelW * 0.72) + 6 : 16);
  const gridH = p.rows.length * cell;
  const legendTop = top + gridH + 14;
  const height = legendTop + (binary ? 20 : 40);
  const gridW = nCols * cell;
  const fill = (v: number | boolean | null) =>
    typeof v === "number" ? { fill: paletteColour(v, kind, domain) } : undefined;
  const table = {
    columns: [`${p.rowTitle} \\ ${p.colTitle}`, ...p.cols, ...(p.rowWeights ? [p.rowWeights.label] : [])],
    rows: p.data.map((r, i) => [
      p.rows[i],
      ...r.map((v) =>
        v === null ? missing.table : typeof v === "boolean" ? (v ? "allowed" : "blocked") : format(v),
      ),
      ...(p.rowWeights ? [formats.weight(p.rowWeights.values[i])] : []),
    ]),
  };
  const summary = p.summary ?? defaultSummary(p, format, binary);
  const gradientId = `grad-${useId()}`;
  return (
    <ChartFrame
      {...{
        name: p.name,
        label: p.label,
        summary,
        table,
        width: Math.max(width, left + gridW + weightsW + 12),
        height,
        box,
        scrolls,
      }}
    >
      <text class="axis-title" x={left + gridW / 2} y={12} text-anchor="middle">
        {p.colTitle}
      </text>
      <text
        class="axis-title"
        transform={`translate(12 ${top + gridH / 2}) rotate(-90)`}
        text-anchor="middle"
      >
        {p.rowTitle}
      </text>
      <g class="axis">
        {p.cols.map((c, j) =>
          j % colStep !== 0 ? null : rotate ? (
            <text
              transform={`translate(${left + j * cell + cell / 2} ${top - 6}) rotate(-45)`}
              text-anchor="start"
            >
              {c}
            </text>
          ) : (
            <text x={left + j * cell + cell / 2} y={top - 6} text-anchor="middle">
              {c}
            </text>
          ),
        )}
      </g>
      {p.data.map((r, i) => (
        <g class={i === p.currentRow ? "chart-row row-current" : "chart-row"} data-row={i}>
          {i % rowStep === 0 && (
            <text x={left - 6} y={top + i * cell + cell / 2} dy="0.35em" text-anchor="end">
              {p.rows[i]}
            </text>
          )}
          {r.map((v, j) => (
            <rect
              class={[
                v === null || v === false ? "cell-empty" : v === true ? "cell cell-on" : "cell",
                p.cellClass?.(i, j),
              ]
                .filter(Boolean)
                .join(" ")}
              x={left + j * cell + 0.5}
              y={top + i * cell + 0.5}
              width={cell - 1}
              height={cell - 1}
              style={fill(v)}
              data-on={binary ? (v ? "1" : "0") : undefined}
            />
          ))}
          {show &&
            r.map((v, j) =>
              typeof v === "boolean" ? null : (
                <text
                  class={
                    typeof v === "number" && needsStrongText(v, kind, domain)
                      ? "cell-value cell-text-strong"
                      : "cell-value"
                  }
                  x={left + j * cell + cell / 2}
                  y={top + i * cell + cell / 2}
                  dy="0.35em"
                  text-anchor="middle"
                >
                  {text(v)}
                </text>
              ),
            )}
          {p.outline &&
            r.map((_, j) =>
              p.outline!(i, j) ? (
                <rect
                  class="cell-frame"
                  x={left + j * cell + 1.5}
                  y={top + i * cell + 1.5}
                  width={cell - 3}
                  height={cell - 3}
                />
              ) : null,
            )}
          {p.rowWeights && (
            <rect
              class="bar"
              x={left + gridW + 8}
              y={top + i * cell + cell * 0.2}
              width={Math.max(0, Math.min(1, p.rowWeights.values[i])) * (weightsW - 12)}
              height={cell * 0.6}
            />
          )}
        </g>
      ))}
      {p.rowWeights && (
        <text class="axis-title" x={left + gridW + 8} y={top - 6}>
          {p.rowWeights.label}
        </text>
      )}
      {binary ? (
        <g class="chart-legend" transform={`translate(${left} ${legendTop})`}>
          <rect class="cell-on" x="0" y="0" width="14" height="14" />
          <text x="20" y="7" dy="0.35em">
            {(p.legend as [string, string])[0]}
          </text>
          <rect
            class="cell-empty"
            x={textWidth((p.legend as [string, string])[0]) + 40}
            y="0"
            width="14"
            height="14"
          />
          <text x={textWidth((p.legend as [string, string])[0]) + 60} y="7" dy="0.35em">
            {(p.legend as [string, string])[1]}
          </text>
          {p.altLegend && (
            <g transform={`translate(${textWidth((p.legend as [string, string]).join("")) + 90} 0)`}>
              <rect class="cell-on cell-alt" x="0" y="0" width="14" height="14" />
              <text x="20" y="7" dy="0.35em">
                {p.altLegend}
              </text>
            </g>
          )}
        </g>
      ) : (
        <g class="chart-legend" transform={`translate(${left} ${legendTop})`}>
          <defs>
            <linearGradient id={gradientId}>
              {legendStops(kind).map((s) => (
                <stop offset={s.offset} style={{ stopColor: s.colour }} />
              ))}
            </linearGradient>
          </defs>
          <rect x="0" y="0" width="140" height="10" fill={`url(#${gradientId})`} stroke="var(--border)" />
          <text x="0" y="24" text-anchor="start">
            {format(domain[0])}
          </text>
          <text x="140" y="24" text-anchor="end">
            {format(domain[1])}
          </text>
          <text class="axis-title" x="150" y="5" dy="0.35em">
            {p.legend as string}
          </text>
        </g>
      )}
    </ChartFrame>
  );
}

function defaultSummary(p: MatrixGridProps, format: (v: number) => string, binary: boolean): string {
  const parts = p.data.map((r, i) => {
    if (binary) return `${p.rows[i]} → ${p.cols.filter((_, j) => r[j]).join(" ") || "nothing"}`;
    let best = -1;
    for (let j = 0; j < r.length; j++) {
      const v = r[j];
      if (typeof v === "number" && (best < 0 || v > (r[best] as number))) best = j;
    }
    return best < 0
      ? `${p.rows[i]}: no values`
      : `${p.rows[i]}: largest at ${p.cols[best]} (${format(r[best] as number)})`;
  });
  return `${p.label}. ${parts.join("; ")}`;
}
