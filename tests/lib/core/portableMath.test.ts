import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portableTanh } from "../../../lib/core/portableMath";

describe("portableTanh", () => {
  it("is within 2 ulp of Math.tanh, odd, and bounded by 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        const t = portableTanh(x);
        const ulp = Math.max(Math.abs(Math.tanh(x)) * 2 ** -52, Number.MIN_VALUE);
        expect(Math.abs(t - Math.tanh(x))).toBeLessThanOrEqual(2 * ulp);
        expect(portableTanh(-x)).toBe(-t);
        expect(Math.abs(t)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the sign of zero, NaN and the limits", () => {
    expect(Object.is(portableTanh(-0), -0)).toBe(true);
    expect(portableTanh(NaN)).toBeNaN();
    expect(portableTanh(Infinity)).toBe(1);
    expect(portableTanh(-Infinity)).toBe(-1);
    expect(portableTanh(1e-300)).toBe(1e-300);
  });
});
