import { useId } from "preact/hooks";
import { type PaletteKind, legendStops } from "./palette";

/**
 * A colour scale's legend: the palette as a gradient bar (`bar` px wide, default 140), its two
 * ends' values under it and its title beside it (or at `titleAt`). An SVG group, placed with `x`,
 * `y` in a chart (about 30 px high).
 */
export function ColourLegend({
  kind,
  domain,
  format,
  title,
  x,
  y,
  bar = 140,
  titleAt,
}: {
  kind: PaletteKind;
  domain: [number, number];
  format: (v: number) => string;
  title: string;
  x: number;
  y: number;
  bar?: number;
  titleAt?: { x: number; y: number };
}) {
  const gradientId = `grad-${useId()}`;
  return (
    <g class="chart-legend" transform={`translate(${x} ${y})`}>
      <defs>
        <linearGradient id={gradientId}>
          {legendStops(kind).map((s) => (
            <stop offset={s.offset} style={{ stopColor: s.colour }} />
          ))}
        </linearGradient>
      </defs>
      <rect x="0" y="0" width={bar} height="10" fill={`url(#${gradientId})`} stroke="var(--border)" />
      <text x="0" y="24" text-anchor="start">
        {format(domain[0])}
      </text>
      <text x={bar} y="24" text-anchor="end">
        {format(domain[1])}
      </text>
      <text class="axis-title" x={titleAt?.x ?? bar + 10} y={titleAt?.y ?? 5} dy="0.35em">
        {title}
      </text>
    </g>
  );
}
