import { nice, ticks } from "./ticks";

/**
 * The position scales of the chart primitives: linear, log and band, on round tick and
 * nice-rounding rules of d3-array (d3-scale and d3-shape add 24 KB to a page for what these lines do).
 */
export interface ContinuousScale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
  /** About `count` round values inside the domain. */
  ticks(count: number): number[];
}

/** A linear map from `domain` to `range`; `round` extends the domain to round numbers first. */
export function linearScale(
  domain: [number, number],
  range: [number, number],
  round = false,
): ContinuousScale {
  const [d0, d1] = round ? (nice(domain[0], domain[1], 10) as [number, number]) : domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const s = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as ContinuousScale;
  s.domain = [d0, d1];
  s.range = range;
  s.ticks = (count) => ticks(Math.min(d0, d1), Math.max(d0, d1), count);
  return s;
}

/** A base-10 log map (domain > 0); `round` extends the domain to whole powers of ten. */
export function logScale(domain: [number, number], range: [number, number], round = false): ContinuousScale {
  const lo = Math.log10(Math.max(Number.MIN_VALUE, domain[0]));
  const hi = Math.log10(Math.max(Number.MIN_VALUE, domain[1]));
  const [l0, l1] = round ? [Math.floor(lo), Math.ceil(hi)] : [lo, hi];
  const [r0, r1] = range;
  const span = l1 - l0 || 1;
  const s = ((v: number) => r0 + ((Math.log10(v) - l0) / span) * (r1 - r0)) as ContinuousScale;
  s.domain = [10 ** l0, 10 ** l1];
  s.range = range;
  s.ticks = (count) => {
    const out: number[] = [];
    for (let e = Math.ceil(l0); e <= Math.floor(l1); e++) out.push(10 ** e);
    const step = Math.max(1, Math.ceil(out.length / count));
    return out.filter((_, i) => i % step === 0);
  };
  return s;
}

/** `n` equal bands across `range`: the start and width of band `i`, with `padding` (0…1) between. */
export function bandScale(n: number, range: [number, number], padding = 0.2, outer = 0) {
  const [r0, r1] = range;
  const step = (r1 - r0) / Math.max(1, n - padding + 2 * outer);
  const bandwidth = step * (1 - padding);
  return { start: (i: number) => r0 + step * (outer + i), bandwidth, step };
}

/** An SVG path through points, broken where a value is not finite. */
export function linePath(
  points: { x: number; y: number }[],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`;
    pen = true;
  }
  return d;
}
