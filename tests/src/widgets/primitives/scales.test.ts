import { nice as d3nice, ticks as d3ticks } from "d3-array";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nice, ticks } from "../../../../src/widgets/primitives/charts/ticks";
import { bandScale, linePath, linearScale, logScale } from "../../../../src/widgets/primitives/charts/scales";

describe("chart scales", () => {
  it("linear: maps the domain onto the range, rounds it outward when asked, round ticks", () => {
    const s = linearScale([0, 10], [100, 200]);
    expect([s(0), s(5), s(10)]).toEqual([100, 150, 200]);
    const r = linearScale([0.13, 0.87], [0, 1], true);
    expect(r.domain).toEqual([0.1, 0.9]);
    expect(r.ticks(4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(linearScale([0, 1], [0, 1]).ticks(4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
  it("log: powers of ten are evenly spaced; rounding reaches whole powers", () => {
    const s = logScale([3, 4000], [0, 300], true);
    expect(s.domain).toEqual([1, 10000]);
    expect([s(1), s(10), s(100), s(10000)]).toEqual([0, 75, 150, 300]);
    expect(s.ticks(6)).toEqual([1, 10, 100, 1000, 10000]);
  });
  it("band: n bands with padding fill the range exactly", () => {
    const b = bandScale(4, [0, 100], 0.2);
    expect(b.start(0)).toBe(0);
    expect(b.start(3) + b.bandwidth).toBeCloseTo(100, 9);
    expect(b.bandwidth / b.step).toBeCloseTo(0.8, 9);
  });
  it("linePath: a path through finite points, broken at NaN", () => {
    const id = (v: number) => v;
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 1, y: 2 },
          { x: 2, y: NaN },
          { x: 3, y: 1 },
        ],
        id,
        id,
      ),
    ).toBe("M0.0,0.0L1.0,2.0M3.0,1.0");
  });
});

describe("ticks and nice agree with d3-array", () => {
  it("on random ranges and counts", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 12 }),
        (lo, span, count) => {
          const hi = lo + span;
          expect(ticks(lo, hi, count)).toEqual(d3ticks(lo, hi, count));
          expect(nice(lo, hi, count)).toEqual(d3nice(lo, hi, count));
        },
      ),
      { numRuns: 500 },
    );
  });
});
