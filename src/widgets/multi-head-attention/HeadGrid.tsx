import { useLayoutEffect, useRef } from "preact/hooks";
import { themeRgb, useThemeChange } from "../primitives/themeColours";

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

/** BertViz's model view: every head of every layer as a small attention matrix; pick one to draw as lines. */
export function HeadGrid({ attention, selected, onSelect, knockout, describe }: Props) {
  const H = attention[0]?.length ?? 0;
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
      <figcaption>
        Model view: each square is one head's weights, a row per query and a column per key, darker for more
        weight (keys after the query are blank). Pick a head to draw it as lines.
      </figcaption>
    </figure>
  );
}

/**
 * One head's weights as a small picture: an n×n canvas, one pixel per query (row) and key
 * (column), scaled up with square pixels by CSS; each cell mixes the accent colour into the
 * background in proportion to its weight (0 to 1), and keys after the query stay empty. A canvas
 * instead of n² SVG cells: while the model trains, four heads of up to 210 cells each were restyled
 * on every report. The button around it carries the text.
 */
function HeadThumb({ weights }: { weights: number[][] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useThemeChange();
  const n = Math.max(1, weights.length);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const fg = themeRgb(canvas, "--accent");
    const bg = themeRgb(canvas, "--bg");
    const img = ctx.createImageData(n, n);
    weights.forEach((row, i) =>
      row.forEach((a, j) => {
        if (j > i) return;
        const t = Math.min(1, Math.max(0, a));
        const at = (i * n + j) * 4;
        for (let c = 0; c < 3; c++) img.data[at + c] = Math.round(bg[c] + (fg[c] - bg[c]) * t);
        img.data[at + 3] = 255;
      }),
    );
    ctx.putImageData(img, 0, 0);
  }, [weights, n, theme]);
  return <canvas ref={ref} width={n} height={n} aria-hidden="true" />;
}
