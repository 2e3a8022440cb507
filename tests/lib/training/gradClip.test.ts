import { describe, expect, it } from "vitest";
import { clipGradNorm, clipGradValue } from "../../../lib/training/gradClip";

describe("clipGradNorm", () => {
  it("scales every gradient by max / (total + 1e-6), keeping the nesting", () => {
    const r = clipGradNorm([[[3]], [4], 0], 1);
    expect(r.totalNorm).toBe(5);
    expect(r.coef).toBe(1 / (5 + 1e-6));
    expect(r.grads).toEqual([[[3 * r.coef]], [4 * r.coef], 0]);
  });

  it("still scales when the total equals max_norm (torch's +1e-6)", () => {
    const r = clipGradNorm([[3, 4]], 5);
    expect(r.coef).toBe(5 / (5 + 1e-6));
    expect(r.coef).toBeLessThan(1);
  });

  it('supports p = 1, ∞ (number or "inf") and leaves small gradients alone', () => {
    expect(clipGradNorm([[3, -4]], 100, { normType: 1 }).totalNorm).toBe(7);
    expect(clipGradNorm([[3, -4], [[-6]]], 100, { normType: "inf" }).totalNorm).toBe(6);
    expect(clipGradNorm([[3, -4]], 100, { normType: Infinity }).grads).toEqual([[3, -4]]);
  });

  it("throws on a non-finite norm and a bad norm type", () => {
    expect(() => clipGradNorm([[NaN]], 1)).toThrow(/NaN/);
    expect(() => clipGradNorm([[1]], 1, { normType: 0 })).toThrow(/normType/);
  });
});

describe("clipGradValue", () => {
  it("clamps each element, keeping the nesting", () => {
    expect(clipGradValue([[0.2, -3], 5, [[1.5]]], 1)).toEqual([[0.2, -1], 1, [[1]]]);
    expect(() => clipGradValue([1], -1)).toThrow(RangeError);
  });
});
