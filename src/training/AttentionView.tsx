interface Props {
  /** Rows: output steps; columns: input positions; each row sums to 1. */
  weights: number[][];
  /** Row labels (the outputs) and column labels (the inputs). */
  rows: string[];
  cols: string[];
  /** Axis names, e.g. "output" and "input". */
  rowLabel: string;
  colLabel: string;
  /** The visible caption. */
  caption: string;
  /** Short name of the figure, for its table, e.g. "Attention weights". */
  label: string;
  /** `data-table` name of the text-alternative table, read by tests. */
  tableName?: string;
}

const C = 34;
const L = 64;
const T = 40;

/**
 * A live attention matrix as plain SVG (cheap enough to redraw on every progress report while a
 * model trains), with a table of the same numbers as its text alternative.
 */
export function AttentionView({
  weights,
  rows,
  cols,
  rowLabel,
  colLabel,
  caption,
  label,
  tableName = "attention",
}: Props) {
  const w = L + cols.length * C + 4;
  const h = T + rows.length * C + 4;
  return (
    <figure class="trainer-attention">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true">
        <text x={L + (cols.length * C) / 2} y={11} text-anchor="middle" class="trainer-axis">
          {colLabel}
        </text>
        <text x={8} y={T - 6} class="trainer-axis">
          {rowLabel}
        </text>
        {cols.map((c, j) => (
          <text key={j} x={L + j * C + C / 2} y={T - 8} text-anchor="middle" fill="currentColor">
            {c}
          </text>
        ))}
        {rows.map((r, i) => (
          <g key={i}>
            <text x={L - 8} y={T + i * C + C / 2} dy="0.35em" text-anchor="end" fill="currentColor">
              {r}
            </text>
            {cols.map((_, j) => {
              const a = weights[i]?.[j] ?? 0;
              return (
                <rect
                  key={j}
                  class="trainer-cell"
                  x={L + j * C + 1}
                  y={T + i * C + 1}
                  width={C - 2}
                  height={C - 2}
                  style={{
                    fill: `color-mix(in srgb, var(--accent) ${Math.round(100 * Math.min(1, Math.max(0, a)))}%, var(--bg))`,
                  }}
                />
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{label} as a table</summary>
        <table data-table={tableName}>
          <thead>
            <tr>
              <th scope="col">
                {rowLabel} \ {colLabel}
              </th>
              {cols.map((c, j) => (
                <th scope="col" key={j}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r}</th>
                {cols.map((_, j) => (
                  <td key={j}>{(weights[i]?.[j] ?? 0).toFixed(2)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
