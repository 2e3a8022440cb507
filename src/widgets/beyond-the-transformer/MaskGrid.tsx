interface Props {
  mask: boolean[][];
  rows: string[];
  cols: string[];
  title: string;
  /** Optional class per column (e.g. memory columns). */
  colKind?: (j: number) => "memory" | "segment" | undefined;
  name: string;
}

const C = 24;

/** A hand-drawn allow-mask: filled = may attend. The aria-label lists each row's allowed keys. */
export function MaskGrid({ mask, rows, cols, title, colKind, name }: Props) {
  const L = 44;
  const T = 22;
  const summary = mask
    .map((r, i) => `${rows[i]} → ${cols.filter((_, j) => r[j]).join(" ") || "nothing"}`)
    .join("; ");
  return (
    <figure class="mask-grid" data-mask={name}>
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${L + cols.length * C + 2} ${T + rows.length * C + 2}`}
        width={L + cols.length * C + 2}
        role="img"
        aria-label={`${title}: ${summary}`}
      >
        {cols.map((c, j) => (
          <text x={L + j * C + C / 2} y={14} font-size="11" text-anchor="middle" fill="currentColor">
            {c}
          </text>
        ))}
        {rows.map((r, i) => (
          <g>
            <text x={L - 6} y={T + i * C + C / 2 + 4} font-size="11" text-anchor="end" fill="currentColor">
              {r}
            </text>
            {mask[i].map((on, j) => (
              <rect
                x={L + j * C + 1}
                y={T + i * C + 1}
                width={C - 2}
                height={C - 2}
                rx="3"
                fill={on ? (colKind?.(j) === "memory" ? "var(--fg-soft)" : "var(--accent)") : "none"}
                stroke="var(--border)"
                data-on={on ? "1" : "0"}
              />
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
