import { fmt } from "../primitives/matrixText";

interface Props {
  data: number[][];
  /** Accessible name and the caption of its table. */
  label: string;
  rowLabels: string[];
  colLabels: string[];
  /** Largest |value| of the colour scale (default: the data's largest |value|, at least 1). */
  scale?: number;
  /** Rows to outline with their weight (0…1), e.g. a head's weighting. */
  rowWeights?: ArrayLike<number>;
  /** Name for tests and styles (`data-matrix`). */
  name: string;
}

/** Cell colour from the theme: positive values mix toward the accent, negative toward the error colour. */
export function cellFill(v: number, scale: number): string {
  const t = Math.round(Math.min(1, Math.abs(v) / scale) * 100);
  return `color-mix(in srgb, var(${v < 0 ? "--error" : "--accent"}) ${t}%, var(--bg-soft))`;
}

/**
 * A small matrix drawn as an SVG heatmap with its numbers in a table beside it (the text
 * alternative). Rows are memory slots; an optional column of bars shows a weighting over rows.
 */
export function MatrixHeat({ data, label, rowLabels, colLabels, scale, rowWeights, name }: Props) {
  const cell = 22;
  const left = 28;
  const wcol = rowWeights ? 34 : 0;
  const rows = data.length;
  const cols = data[0]?.length ?? 0;
  const s = scale ?? Math.max(1, ...data.flat().map(Math.abs));
  const width = left + cols * cell + wcol;
  const height = 14 + rows * cell;
  return (
    <figure class="atlas-matrix" data-matrix={name}>
      <figcaption>{label}</figcaption>
      <div class="atlas-matrix-row">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true">
          {colLabels.map((c, j) => (
            <text
              x={left + j * cell + cell / 2}
              y="10"
              font-size="9"
              text-anchor="middle"
              fill="currentColor"
            >
              {c}
            </text>
          ))}
          {data.map((row, i) => (
            <g key={i}>
              <text
                x={left - 4}
                y={14 + i * cell + cell / 2 + 3}
                font-size="10"
                text-anchor="end"
                fill="currentColor"
              >
                {rowLabels[i]}
              </text>
              {row.map((v, j) => (
                <rect
                  x={left + j * cell}
                  y={14 + i * cell}
                  width={cell - 1}
                  height={cell - 1}
                  style={{ fill: cellFill(v, s) }}
                />
              ))}
              {rowWeights && (
                <rect
                  x={left + cols * cell + 4}
                  y={14 + i * cell + 3}
                  width={Math.max(0, Math.min(1, rowWeights[i])) * (wcol - 6)}
                  height={cell - 7}
                  fill="currentColor"
                  fill-opacity="0.7"
                />
              )}
            </g>
          ))}
        </svg>
        <table class="atlas-matrix-table">
          <caption class="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <td />
              {colLabels.map((c) => (
                <th scope="col">{c}</th>
              ))}
              {rowWeights && <th scope="col">w</th>}
            </tr>
          </thead>
          <tbody>
            {data.map((row, i) => (
              <tr>
                <th scope="row">{rowLabels[i]}</th>
                {row.map((v) => (
                  <td>{fmt(Math.abs(v) < 1e-4 ? 0 : v, 3)}</td>
                ))}
                {rowWeights && <td>{fmt(rowWeights[i], 3)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
