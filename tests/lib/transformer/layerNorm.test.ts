import { describe, expect, it } from "vitest";
import { layerNorm } from "../../../lib/transformer/layerNorm";

describe("layerNorm", () => {
  it("normalises each row (biased variance, eps inside the sqrt) and applies the affine", () => {
    const r = layerNorm([[1, 2, 3, 4]], { weight: [1, 2, 1, 1], bias: [0, 0, 0, 10] });
    const rstd = 1 / Math.sqrt(1.25 + 1e-5);
    expect(r.variance[0]).toBe(1.25);
    expect(r.output.get(0, 1)).toBeCloseTo(-0.5 * rstd * 2, 14);
    expect(r.output.get(0, 3)).toBeCloseTo(1.5 * rstd + 10, 14);
  });

  it("handles a constant row (output = bias), d = 1, and a 1e4 offset with std 1e-2", () => {
    expect(layerNorm([[7, 7, 7]], { bias: [1, 2, 3] }).output.toArray()).toEqual([[1, 2, 3]]);
    expect(layerNorm([[5]]).output.toArray()).toEqual([[0]]);
    const x = [1e4 + 0.01, 1e4 - 0.01, 1e4 + 0.02, 1e4 - 0.02];
    const y = layerNorm([x], { eps: 0 }).output.row(0);
    const std = Math.sqrt((0.01 ** 2 * 2 + 0.02 ** 2 * 2) / 4);
    [0.01, -0.01, 0.02, -0.02].forEach((dev, j) => expect(y[j]).toBeCloseTo(dev / std, 9));
  });

  it("throws clear RangeErrors", () => {
    expect(() => layerNorm([[1, 2]], { weight: [1] })).toThrow(/weight has length 1 but must have length 2/);
    expect(() => layerNorm([[1, 1]], { eps: 0 })).toThrow(/constant and eps is 0/);
    expect(() => layerNorm([[Infinity, 1]])).toThrow(RangeError);
    expect(() => layerNorm([])).toThrow(/empty/);
  });
});
