import { useLayoutEffect, useRef } from "preact/hooks";
import { fixed } from "../primitives/format";
import { useThemeChange } from "../primitives/themeColours";
import { DataTable } from "../primitives/charts/ChartFrame";
import { ColourLegend } from "../primitives/charts/ColourLegend";
import { canvasPalette, paintMatrix } from "../primitives/charts/heatmapPaint";

interface Props {
  /** attention[layer][head][i][j]. */
  attention: number[][][][];
  /** The selected head (layer·H + head). */
  selected: number;
  onSelect: (k: number) => void;
  /** Knocked-out heads (layer·H + head). */
  knockout: readonly number[];
  /** One short description per head for its button's label (what it mostly attends to). */
  describe: (layer: number, head: number) => string;
}

/** A weight as the model view's table prints it (the selected head's table has the same two decimals). */
const weight = (a: number) => fixed(a, 2);

/**
 * BertViz's model view: every head of every layer as a small attention matrix; pick one to draw as
 * lines. Under the heads: the colour legend (the site's sequential palette, 0 to 1) and every
 * head's weights as a table, built when first opened.
 */
export function HeadGrid({ attention, selected, onSelect, knockout, describe }: Props) {
  const H = attention[0]?.length ?? 0;
  const n = attention[0]?.[0]?.length ?? 0;
  const table = {
    columns: ["head, query \\ key", ...Array.from({ length: n }, (_, j) => String(j + 1))],
    rows: [],
  };
  const rows = () =>
    attention.flatMap((layer, l) =>
      layer.flatMap((w, h) =>
        w.map((row, i) => [
          `L${l + 1} H${h + 1}, query ${i + 1}`,
          ...row.map((a, j) => (j > i ? "masked" : weight(a))),
        ]),
      ),
    );
  return (
    <figure class="ind-modelview">
      <div class="ind-grid" role="group" aria-label="Model view: every layer and head">
        {attention.map((layer, l) => (
          <div class="ind-grid-row" key={l}>
            {layer.map((w, h) => {
              const k = l * H + h;
              const off = knockout.includes(k);
              return (
                <button
                  type="button"
                  key={h}
                  class={off ? "ind-head ind-head-off" : "ind-head"}
                  aria-pressed={selected === k ? "true" : "false"}
                  data-head={`${l + 1}.${h + 1}`}
                  onClick={() => onSelect(k)}
                >
                  <span class="ind-head-title">
                    L{l + 1} H{h + 1}
                    {off ? " ✕" : ""}
                  </span>
                  <span class="visually-hidden">
                    {`: layer ${l + 1}, head ${h + 1}${off ? ", knocked out" : ""}; ${describe(l, h)}`}
                  </span>
                  <HeadThumb weights={w} />
                </button>
              );
            })}
          </div>
        ))}
      </div>
      <svg class="ind-legend" width="260" height="48" viewBox="0 0 260 48" aria-hidden="true">
        <ColourLegend kind="sequential" domain={[0, 1]} format={weight} title="weight" x={4} y={14} />
      </svg>
      <figcaption>
        Model view: each square is one head's weights, a row per query and a column per key, darker for more
        weight (keys after the query are blank). Pick a head to draw it as lines.
      </figcaption>
      <DataTable name="model-view" label="Every head's attention weights" table={table} lazyRows={rows} />
    </figure>
  );
}

/**
 * One head's weights as a small picture: an n×n canvas, one pixel per query (row) and key
 * (column), scaled up with square pixels by CSS, in the site's sequential palette over 0 to 1
 * (heatmapPaint.ts, the theme's colours); keys after the query stay empty. A canvas instead of n²
 * SVG cells: while the model trains, four heads of up to 210 cells each were restyled on every
 * report. The button around it carries the text.
 */
function HeadThumb({ weights }: { weights: number[][] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useThemeChange();
  const n = Math.max(1, weights.length);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const colour = canvasPalette(canvas, "sequential", [0, 1]);
    paintMatrix(canvas, n, n, (i, j) => (j > i ? null : (weights[i]?.[j] ?? null)), colour);
  }, [weights, n, theme]);
  return <canvas ref={ref} width={n} height={n} aria-hidden="true" />;
}
