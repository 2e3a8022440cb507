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

const SIZE = 120;

/** BertViz's model view: every head of every layer as a small attention matrix; pick one to draw as lines. */
export function HeadGrid({ attention, selected, onSelect, knockout, describe }: Props) {
  const H = attention[0]?.length ?? 0;
  return (
    <div class="ind-grid" role="group" aria-label="Model view: every layer and head">
      {attention.map((layer, l) => (
        <div class="ind-grid-row" key={l}>
          {layer.map((w, h) => {
            const k = l * H + h;
            const n = w.length;
            const c = SIZE / Math.max(1, n);
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
                <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} aria-hidden="true">
                  {w.map((row, i) =>
                    row.map((a, j) =>
                      j <= i ? (
                        <rect
                          key={`${i}-${j}`}
                          x={j * c}
                          y={i * c}
                          width={c}
                          height={c}
                          style={{
                            fill: `color-mix(in srgb, var(--accent) ${Math.round(100 * Math.min(1, Math.max(0, a)))}%, var(--bg))`,
                          }}
                        />
                      ) : null,
                    ),
                  )}
                </svg>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
