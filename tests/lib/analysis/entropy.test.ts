import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { entropy } from "../../../lib/analysis/entropy";
import { softmax } from "../../../lib/attention/softmax";

describe("entropy", () => {
  it("is log n for the uniform distribution and 0 for a one-hot one", () => {
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 12);
    expect(entropy([0, 1, 0])).toBe(0);
  });
  it("matches a hand-worked value", () => {
    // −(0.5 ln 0.5 + 0.25 ln 0.25 · 2) = 1.5 ln 2
    expect(entropy([0.5, 0.25, 0.25])).toBeCloseTo(1.5 * Math.log(2), 12);
  });
  it("lies in [0, log n] for any softmax output", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (x) => {
          const h = entropy(softmax(x));
          return h >= -1e-12 && h <= Math.log(x.length) + 1e-9;
        },
      ),
    );
  });
  it("rejects empty, negative and non-finite input", () => {
    expect(() => entropy([])).toThrow(RangeError);
    expect(() => entropy([1.5, -0.5])).toThrow(/negative/);
    expect(() => entropy([NaN, 1])).toThrow(RangeError);
  });
});
