import { formats } from "../format";
import { ChartFrame, textWidth, useChartWidth } from "./ChartFrame";
import { ColourLegend } from "./ColourLegend";
import { type PaletteKind, autoDomain, needsStrongText, paletteColour } from "./palette";

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
  // The bars' title goes above them, on as many lines as it needs to stay within their column.
  const weightsTitle = p.rowWeights ? wrapWords(p.rowWeights.label, 58) : [];
  const weightsW = p.rowWeights ? Math.max(70, ...weightsTitle.map((l) => textWidth(l) + 12)) : 0;
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
  const top = Math.max(
    22 + (rotate ? Math.ceil(colLabelW * 0.72) + 6 : 16),
    // Room above the grid for every line of the bars' title.
    16 * weightsTitle.length + 8,
  );
  const gridH = p.rows.length * cell;
  const legendTop = top + gridH + 14;
  const gridW = nCols * cell;
  const svgWidth = Math.max(width, left + gridW + weightsW + 12);
  const mask = binary
    ? binaryLegend(
        [
          { cls: "cell-on", label: (p.legend as [string, string])[0] },
          { cls: "cell-empty", label: (p.legend as [string, string])[1] },
          ...(p.altLegend ? [{ cls: "cell-on cell-alt", label: p.altLegend }] : []),
        ],
        left,
        svgWidth,
      )
    : null;
  const scaleKey = binary ? null : scaleLegend(p.legend as string, left, svgWidth);
  const height = legendTop + (mask ?? scaleKey!).height;
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
  return (
    <ChartFrame
      {...{
        name: p.name,
        label: p.label,
        summary,
        table,
        width: svgWidth,
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
        <text class="axis-title" x={left + gridW + 8} y={top - 6 - 16 * (weightsTitle.length - 1)}>
          {weightsTitle.map((line, k) => (
            <tspan x={left + gridW + 8} dy={k === 0 ? undefined : 16}>
              {line}
            </tspan>
          ))}
        </text>
      )}
      {mask ? (
        <g class="chart-legend" transform={`translate(${mask.x} ${legendTop})`}>
          {mask.items.map((it) => (
            <g transform={`translate(${it.x} ${it.y})`}>
              <rect class={it.cls} x="0" y="0" width="14" height="14" />
              <text x="20" y="7" dy="0.35em">
                {it.label}
              </text>
            </g>
          ))}
        </g>
      ) : (
        scaleKey && (
          <ColourLegend
            kind={kind}
            domain={domain}
            format={format}
            title={p.legend as string}
            x={scaleKey.x}
            y={legendTop}
            bar={scaleKey.bar}
            titleAt={scaleKey.title}
          />
        )
      )}
    </ChartFrame>
  );
}

/** Room kept free at the SVG's right edge: the label widths are estimates. */
const EDGE = 6;

/**
 * A mask's legend: a swatch and a name per entry, left to right from the grid's left edge, wrapping
 * to a new line before an entry would pass the SVG's right edge (and starting nearer the left edge
 * when an entry does not fit beside the row labels at all).
 */
function binaryLegend(entries: { cls: string; label: string }[], left: number, svgWidth: number) {
  const widths = entries.map((e) => 20 + textWidth(e.label));
  const x = left + Math.max(...widths) <= svgWidth - EDGE ? left : 8;
  let cx = 0;
  let cy = 0;
  const items = entries.map((e, k) => {
    if (cx > 0 && x + cx + widths[k] > svgWidth - EDGE) {
      cx = 0;
      cy += 20;
    }
    const it = { ...e, x: cx, y: cy };
    cx += widths[k] + 20;
    return it;
  });
  return { x, items, height: cy + 20 };
}

/**
 * A colour scale's legend: the gradient bar with its two ends' values under it and its title to the
 * right; a narrower bar (down to 60 px) when the title would pass the SVG's right edge, and the
 * title on a line of its own under the values when even that does not fit.
 */
function scaleLegend(title: string, left: number, svgWidth: number) {
  const titleW = textWidth(title);
  const x = left + 60 + 10 + titleW <= svgWidth - EDGE ? left : 8;
  const room = svgWidth - EDGE - x;
  const beside = Math.min(140, room - 10 - titleW);
  if (beside >= 60) return { x, bar: beside, title: { x: beside + 10, y: 5 }, height: 40 };
  return { x, bar: Math.min(140, room), title: { x: 0, y: 40 }, height: 56 };
}

/** Words joined into lines of at most about `width` px (a longer word gets a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`) <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
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
