interface Props {
  /** The head's weights: row i is query i's distribution over keys 0…i. */
  weights: number[][];
  /** The tokens, as letters. */
  tokens: string[];
  /** Draw only this query's lines (null: every query's). */
  query: number | null;
  label: string;
}

const STEP = 26;
const PAD = 20;
const TOP = 24;
const BOTTOM = 116;

/**
 * BertViz's head view for one head: the sequence twice, keys on top and queries below, and a line
 * from each query to each key it attends to, as thick and opaque as the weight. Lines under 0.05
 * are left out.
 */
export function HeadLines({ weights, tokens, query, label }: Props) {
  const n = tokens.length;
  const w = PAD * 2 + (n - 1) * STEP;
  const x = (i: number) => PAD + i * STEP;
  const lines: { i: number; j: number; a: number }[] = [];
  weights.forEach((row, i) => {
    if (query !== null && i !== query) return;
    row.forEach((a, j) => {
      if (j <= i && a >= 0.05) lines.push({ i, j, a });
    });
  });
  return (
    <svg class="ind-lines" viewBox={`0 0 ${w} 140`} width={w} height={140} role="img" aria-label={label}>
      {lines.map(({ i, j, a }) => (
        <line
          key={`${i}-${j}`}
          class="ind-line"
          x1={x(i)}
          y1={BOTTOM - 12}
          x2={x(j)}
          y2={TOP + 8}
          stroke-width={0.5 + 4 * a}
          stroke-opacity={0.15 + 0.85 * a}
        />
      ))}
      {tokens.map((t, i) => (
        <g key={i}>
          <text x={x(i)} y={TOP} text-anchor="middle" fill="currentColor" class="ind-tok">
            {t}
          </text>
          <text
            x={x(i)}
            y={BOTTOM + 6}
            text-anchor="middle"
            fill="currentColor"
            class={query === i ? "ind-tok ind-tok-current" : "ind-tok"}
          >
            {t}
          </text>
        </g>
      ))}
      <text x={2} y={136} class="trainer-axis">
        queries below, keys above
      </text>
    </svg>
  );
}
