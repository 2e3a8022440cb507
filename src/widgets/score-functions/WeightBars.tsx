interface Props {
  /** One label per bar (keys, tokens, positions). */
  labels: string[];
  /** Bar lengths, usually softmax weights in [0, 1]. */
  values: number[];
  /** Accessible name; the description lists every value. */
  label: string;
  /** Used as `data-chart` by tests and styles. */
  name: string;
  /** The value of a full-width bar (default 1). */
  max?: number;
  /** An optional second number printed after each value, e.g. the score. */
  notes?: string[];
  /** Index of a bar to emphasise. */
  highlight?: number;
  /** Width of the label column in pixels (default 64). */
  labelWidth?: number;
  /** How a value is printed (default: three decimals). */
  format?: (v: number) => string;
}

const ROW = 24;
const BAR_W = 220;
const VALUE_W = 150;

/** Horizontal bars drawn as plain SVG (no chart library): one per item, with its number. */
export function WeightBars({
  labels,
  values,
  label,
  name,
  max = 1,
  notes,
  highlight,
  labelWidth: LABEL_W = 64,
  format = (v) => v.toFixed(3),
}: Props) {
  const h = values.length * ROW + 4;
  const desc = labels.map((l, i) => `${l} ${format(values[i])}`).join(", ");
  return (
    <svg
      class="weight-bars"
      data-chart={name}
      viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${h}`}
      width={LABEL_W + BAR_W + VALUE_W}
      height={h}
      role="img"
      aria-label={`${label}: ${desc}`}
    >
      {values.map((v, i) => {
        const y = 2 + i * ROW;
        const w = Math.max(0, Math.min(1, v / max)) * BAR_W;
        return (
          <g class={i === highlight ? "bar highlight" : "bar"} key={i}>
            <text x={LABEL_W - 6} y={y + ROW / 2} dy="0.35em" text-anchor="end" fill="currentColor">
              {labels[i]}
            </text>
            <rect x={LABEL_W} y={y + 3} width={BAR_W} height={ROW - 6} class="bar-track" />
            <rect x={LABEL_W} y={y + 3} width={w} height={ROW - 6} class="bar-fill" />
            <text x={LABEL_W + BAR_W + 6} y={y + ROW / 2} dy="0.35em" fill="currentColor">
              {format(v)}
              {notes?.[i] ? `  ${notes[i]}` : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
