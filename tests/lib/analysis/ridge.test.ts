import { describe, expect, it } from "vitest";
import { Matrix, normalMatrix, rng } from "../../../lib";
import { rSquared, ridgeFit, ridgePredict } from "../../../lib/analysis/ridge";

describe("ridgeFit / ridgePredict", () => {
  it("recovers an exact linear map with an intercept when λ = 0", () => {
    const r = rng(4);
    const X = normalMatrix(50, 3, r); // (n, d)
    const W = [
      [1, -2],
      [0.5, 0],
      [3, 1],
    ];
    const b = [0.25, -1];
    const Y = Matrix.fromFn(50, 2, (i, c) => b[c] + [0, 1, 2].reduce((s, j) => s + X.get(i, j) * W[j][c], 0));
    const m = ridgeFit(X, Y, 0);
    m.W.toArray().forEach((row, j) => row.forEach((v, c) => expect(v).toBeCloseTo(W[j][c], 9)));
    Array.from(m.b).forEach((v, c) => expect(v).toBeCloseTo(b[c], 9));
    expect(rSquared(Y, ridgePredict(m, X))).toBeCloseTo(1, 12);
  });
  it("shrinks the weights as λ grows", () => {
    const r = rng(5);
    const X = normalMatrix(40, 2, r);
    const Y = Matrix.fromFn(40, 1, (i) => 2 * X.get(i, 0) + 0.1 * r.normal());
    const w = (l: number) => Math.abs(ridgeFit(X, Y, l).W.get(0, 0));
    expect(w(0)).toBeGreaterThan(w(10));
    expect(w(10)).toBeGreaterThan(w(1000));
  });
  it("rejects mismatched rows and a negative λ", () => {
    expect(() => ridgeFit([[1], [2]], [[1]], 0)).toThrow(/same number of rows/);
    expect(() => ridgeFit([[1], [2]], [[1], [2]], -1)).toThrow(RangeError);
    expect(() => ridgeFit([[1], [1]], [[1], [2]], 0)).toThrow(/positive definite/);
  });
});

describe("rSquared", () => {
  it("is 1 for perfect predictions, 0 for the mean, negative for worse", () => {
    const Y = [[1], [2], [3]];
    expect(rSquared(Y, Y)).toBe(1);
    expect(rSquared(Y, [[2], [2], [2]])).toBe(0);
    expect(rSquared(Y, [[3], [2], [1]])).toBeLessThan(0);
  });
  it("rejects a constant target and mismatched shapes", () => {
    expect(() => rSquared([[1], [1]], [[1], [1]])).toThrow(/constant/);
    expect(() =>
      rSquared(
        [[1], [2]],
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toThrow(RangeError);
  });
});
