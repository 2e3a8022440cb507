import { SOURCE, TARGET } from "./s2sModel";

interface Props {
  alignment: number[][];
  step: number;
}

const C = 52;
const L = 54;
const T = 24;

/** The alignment matrix, filled row by row as the decoder steps; a table with the same numbers. */
export function AlignmentGrid({ alignment, step }: Props) {
  const w = L + SOURCE.length * C;
  const h = T + TARGET.length * C * 0.62;
  const rh = C * 0.62;
  return (
    <figure class="s2s-grid">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true">
        {SOURCE.map((s, i) => (
          <text key={s} x={L + i * C + C / 2} y={T - 8} text-anchor="middle" fill="currentColor">
            {s}
          </text>
        ))}
        {TARGET.map((tw, t) => (
          <g key={t}>
            <text x={L - 6} y={T + t * rh + rh / 2} dy="0.35em" text-anchor="end" fill="currentColor">
              {tw}
            </text>
            {SOURCE.map((_, i) => {
              const a = t < step ? alignment[t][i] : null;
              return (
                <g key={i} class={t === step - 1 ? "s2s-cell s2s-row-current" : "s2s-cell"}>
                  <rect x={L + i * C + 1} y={T + t * rh + 1} width={C - 2} height={rh - 2} />
                  {a !== null && (
                    <rect
                      class="s2s-fill"
                      x={L + i * C + 1}
                      y={T + t * rh + 1}
                      width={C - 2}
                      height={rh - 2}
                      fill-opacity={0.45 * a}
                    />
                  )}
                  <text
                    x={L + i * C + C / 2}
                    y={T + t * rh + rh / 2}
                    dy="0.35em"
                    text-anchor="middle"
                    fill="currentColor"
                  >
                    {a === null ? "·" : a.toFixed(2)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>Alignment matrix: rows are target words, columns source words; row t is αₜ.</figcaption>
      <div class="visually-hidden">
        <table data-table="alignment">
          <caption>
            Alignment weights after {step} of {TARGET.length} steps
          </caption>
          <thead>
            <tr>
              <td />
              {SOURCE.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TARGET.map((tw, t) => (
              <tr key={t}>
                <th scope="row">{tw}</th>
                {SOURCE.map((_, i) => (
                  <td key={i}>{t < step ? alignment[t][i].toFixed(2) : "not yet"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
