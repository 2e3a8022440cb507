import { scaleBand, scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";

/**
 * The position scales of the chart primitives: linear, log and band, thin wrappers over d3-scale
 * (round ticks and nice domains of d3-array) and d3-shape's `line`. With what they pull in
 * (d3-interpolate, d3-color, d3-format) they add 12.6 KB gzipped to a chart page, in the one
 * shared charts chunk (measured with `npm run test:budget`).
 */
export interface ContinuousScale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
  /** About `count` round values inside the domain. */
  ticks(count: number): number[];
}

/** The d3 scale `s` as a plain function with its domain, range and tick values. */
function wrap(
  s: ((v: number) => number) & { domain(): number[]; range(): number[] },
  ticks: (count: number) => number[],
): ContinuousScale {
  const out = ((v: number) => s(v)) as ContinuousScale;
  const [d0, d1] = s.domain();
  const [r0, r1] = s.range();
  out.domain = [d0, d1];
  out.range = [r0, r1];
  out.ticks = ticks;
  return out;
}

/** A linear map from `domain` to `range`; `round` extends the domain to round numbers first. */
export function linearScale(
  domain: [number, number],
  range: [number, number],
  round = false,
): ContinuousScale {
  const s = scaleLinear().domain(domain).range(range);
  if (round) s.nice();
  return wrap(s, (count) => s.ticks(count));
}

/**
 * A base-10 log map (domain > 0); `round` extends the domain to whole powers of ten. Its ticks are
 * the powers of ten among d3's log ticks (d3 adds 2…9 × 10ᵏ when the domain spans fewer decades
 * than `count`, and takes every second or fifth power when it spans more).
 */
export function logScale(domain: [number, number], range: [number, number], round = false): ContinuousScale {
  const s = scaleLog()
    .domain(domain.map((v) => Math.max(Number.MIN_VALUE, v)))
    .range(range);
  if (round) s.nice();
  const decade = (v: number) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
  return wrap(s, (count) => s.ticks(count).filter(decade));
}

/** `n` equal bands across `range`: the start and width of band `i`, with `padding` (0…1) between. */
export function bandScale(n: number, range: [number, number], padding = 0.2, outer = 0) {
  const s = scaleBand<number>()
    .domain(Array.from({ length: n }, (_, i) => i))
    .range(range)
    .paddingInner(padding)
    .paddingOuter(outer);
  return { start: (i: number) => s(i) ?? NaN, bandwidth: s.bandwidth(), step: s.step() };
}

/** An SVG path through points (0.1 px precision), broken where a value is not finite. */
export function linePath(
  points: { x: number; y: number }[],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  const path = line<{ x: number; y: number }>()
    .defined((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(p.y))
    .digits(1);
  return path(points) ?? "";
}
