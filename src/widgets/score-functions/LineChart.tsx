export interface Series {
  /** Short id, used as a class (`series-<id>`) for the colour and by tests. */
  id: string;
  label: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
  /** Draw a dot at every point (measured values); lines alone are for references. */
  dots?: boolean;
}

export interface Axis {
  domain: [number, number];
  ticks: { value: number; label: string }[];
  label: string;
}

interface Props {
  series: Series[];
  x: Axis;
  y: Axis;
  /** Accessible name and description (keep it up to date with the numbers). */
  label: string;
  name: string;
  /** An x value to mark with a vertical rule (the reader's selection). */
  marker?: number;
}

const W = 440;
const H = 230;
const M = { left: 46, right: 12, top: 10, bottom: 40 };

/** A small line chart drawn as plain SVG: a few series, ticks, axis titles, and a legend. */
export function LineChart({ series, x, y, label, name, marker }: Props) {
  const sx = (v: number) =>
    M.left + ((v - x.domain[0]) / (x.domain[1] - x.domain[0])) * (W - M.left - M.right);
  const sy = (v: number) =>
    H - M.bottom - ((v - y.domain[0]) / (y.domain[1] - y.domain[0])) * (H - M.top - M.bottom);
  const path = (pts: { x: number; y: number }[]) =>
    pts.map((p, i) => `${i ? "L" : "M"}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join("");
  return (
    <figure class="line-chart" data-chart={name}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        <g class="axis" fill="currentColor">
          {y.ticks.map((t) => (
            <g key={`y${t.value}`}>
              <line class="grid" x1={M.left} x2={W - M.right} y1={sy(t.value)} y2={sy(t.value)} />
              <text x={M.left - 6} y={sy(t.value)} dy="0.32em" text-anchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {x.ticks.map((t) => (
            <text key={`x${t.value}`} x={sx(t.value)} y={H - M.bottom + 15} text-anchor="middle">
              {t.label}
            </text>
          ))}
          <text x={(M.left + W - M.right) / 2} y={H - 4} text-anchor="middle" class="axis-title">
            {x.label}
          </text>
          <text
            transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
            text-anchor="middle"
            class="axis-title"
          >
            {y.label}
          </text>
          <line class="frame" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
        </g>
        {marker !== undefined && (
          <line class="marker" x1={sx(marker)} x2={sx(marker)} y1={M.top} y2={H - M.bottom} />
        )}
        {series.map((s) => (
          <g class={`series series-${s.id}`} key={s.id}>
            <path d={path(s.points)} fill="none" stroke-dasharray={s.dashed ? "5 4" : undefined} />
            {s.dots && s.points.map((p, i) => <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r="3" />)}
          </g>
        ))}
      </svg>
      <figcaption class="chart-legend">
        {series.map((s) => (
          <span class={`legend-item series-${s.id}`} key={s.id}>
            <svg width="22" height="10" aria-hidden="true">
              <line x1="1" x2="21" y1="5" y2="5" stroke-dasharray={s.dashed ? "4 3" : undefined} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
