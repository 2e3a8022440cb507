import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandScale, linePath, linearScale, logScale } from "../../../../src/widgets/primitives/charts/scales";

/** Whether a tick step is 1, 2 or 5 × 10ᵏ (up to rounding of the subtraction that gave it). */
const roundStep = (step: number) => {
  const m = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 5, 10].some((r) => Math.abs(m - r) < 1e-4 * r);
};
const isPowerOfTen = (v: number) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

describe("chart scales", () => {
  it("linear: maps the domain onto the range, rounds it outward when asked, round ticks", () => {
    const s = linearScale([0, 10], [100, 200]);
    expect([s(0), s(5), s(10)]).toEqual([100, 150, 200]);
    expect(s.domain).toEqual([0, 10]);
    expect(s.range).toEqual([100, 200]);
    const r = linearScale([0.13, 0.87], [0, 1], true);
    expect(r.domain).toEqual([0.1, 0.9]);
    expect(r.ticks(4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(linearScale([0, 1], [0, 1]).ticks(4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearScale([-3.7, 41.2], [0, 1], true).domain).toEqual([-5, 45]);
  });

  it("linear: a rounded domain holds the data and ends on ticks; ticks are 1, 2 or 5 × 10ᵏ apart", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }).map((v) => v / 1000),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 12 }),
        (lo, span, count) => {
          const hi = lo + span;
          const s = linearScale([lo, hi], [0, 300], true);
          const [d0, d1] = s.domain;
          // (up to the last digit of lo + span, which a round value may round away)
          const ulp = 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi));
          expect(d0).toBeLessThanOrEqual(lo + ulp);
          expect(d1).toBeGreaterThanOrEqual(hi - ulp);
          // Nice: the ends are round, so the default ten ticks start and stop on them.
          const ten = s.ticks(10);
          expect(ten[0] === d0 && ten[ten.length - 1] === d1).toBe(true);
          const t = s.ticks(count);
          expect(t.length).toBeGreaterThanOrEqual(1);
          expect(t.length).toBeLessThanOrEqual(2 * count + 1);
          expect(t[0]).toBeGreaterThanOrEqual(d0);
          expect(t[t.length - 1]).toBeLessThanOrEqual(d1);
          if (t.length < 2) return;
          const step = t[1] - t[0];
          expect(roundStep(step)).toBe(true);
          for (let i = 1; i < t.length; i++) expect(t[i] - t[i - 1]).toBeCloseTo(step, 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("log: powers of ten are evenly spaced; rounding reaches whole powers", () => {
    const s = logScale([3, 4000], [0, 300], true);
    expect(s.domain).toEqual([1, 10000]);
    expect([s(1), s(10), s(100), s(10000)]).toEqual([0, 75, 150, 300]);
    expect(s.ticks(6)).toEqual([1, 10, 100, 1000, 10000]);
    expect(logScale([0.0023, 0.7], [0, 1], true).domain).toEqual([0.001, 1]);
    expect(logScale([0.0023, 0.7], [0, 1], true).ticks(6)).toEqual([0.001, 0.01, 0.1, 1]);
    // Unrounded: only the powers inside the domain; none when it lies within one decade.
    expect(logScale([3, 4000], [0, 1]).ticks(6)).toEqual([10, 100, 1000]);
    expect(logScale([2, 9], [0, 1]).ticks(6)).toEqual([]);
    // Twelve decades: every second power (d3's nice steps on the exponent).
    expect(logScale([1, 1e12], [0, 1]).ticks(6)).toEqual([1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12]);
  });

  it("log: ticks are powers of ten inside the domain, every power while the decades are fewer than the count", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 0.01, max: 14, noNaN: true }),
        fc.boolean(),
        (e0, decades, round) => {
          const s = logScale([10 ** e0, 10 ** (e0 + decades)], [0, 300], round);
          const [d0, d1] = s.domain;
          if (round) expect(isPowerOfTen(d0) && isPowerOfTen(d1)).toBe(true);
          const t = s.ticks(6);
          for (const v of t) {
            expect(isPowerOfTen(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(d0 * (1 - 1e-12));
            expect(v).toBeLessThanOrEqual(d1 * (1 + 1e-12));
          }
          let inside = 0;
          for (let k = Math.floor(Math.log10(d0)) - 1; k <= Math.ceil(Math.log10(d1)) + 1; k++) {
            if (+`1e${k}` >= d0 && +`1e${k}` <= d1) inside++;
          }
          if (Math.log10(d1 / d0) < 6) expect(t.length).toBe(inside);
          else expect(t.length).toBeLessThanOrEqual(inside);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("band: n bands with padding fill the range exactly", () => {
    const b = bandScale(4, [0, 100], 0.2);
    expect(b.start(0)).toBe(0);
    expect(b.start(3) + b.bandwidth).toBeCloseTo(100, 9);
    expect(b.bandwidth / b.step).toBeCloseTo(0.8, 9);
    // Outer padding: 0.1 step before the first band and after the last; 5 bands over 5 × 60 px.
    const o = bandScale(5, [44, 344], 0.2, 0.1);
    expect(o.step).toBeCloseTo(60, 9);
    expect(o.bandwidth).toBeCloseTo(48, 9);
    expect([0, 1, 2, 3, 4].map((i) => o.start(i))).toEqual(
      [50, 110, 170, 230, 290].map((v) => expect.closeTo(v, 9)),
    );
  });

  it("linePath: a path through finite points at 0.1 px, broken at NaN", () => {
    const id = (v: number) => v;
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 1, y: 2.04 },
          { x: 2, y: NaN },
          { x: 3, y: 1 },
          { x: 4.26, y: 1 },
        ],
        id,
        id,
      ),
    ).toBe("M0,0L1,2M3,1L4.3,1");
    expect(linePath([], id, id)).toBe("");
  });
});
