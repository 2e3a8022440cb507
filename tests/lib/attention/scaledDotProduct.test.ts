import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scaledDotProduct } from "../../../lib/attention/scaledDotProduct";
import { softmax } from "../../../lib/attention/softmax";
import { Matrix } from "../../../lib/core/matrix";

const finite = fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true });
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(finite, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const qkv = fc
  .record({
    nq: fc.integer({ min: 1, max: 5 }),
    nk: fc.integer({ min: 1, max: 5 }),
    d: fc.integer({ min: 1, max: 4 }),
    dv: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ nq, nk, d, dv }) =>
    fc.record({
      Q: matrix(nq, d),
      K: matrix(nk, d),
      V: matrix(nk, dv),
      mask: matrix(nq, nk).map((m) => m.map((r) => r.map((x) => x > -2))),
    }),
  );

describe("scaledDotProduct", () => {
  it("reproduces the chapter's hand-worked example: 112/8 = 14, 96/8 = 12", () => {
    // q = 2·e0 (64 dims); k1 = 56·e0 → q·k1 = 112; k2 = 48·e0 → q·k2 = 96; √64 = 8.
    const unit = (x: number) => Array.from({ length: 64 }, (_, i) => (i === 0 ? x : 0));
    const r = scaledDotProduct([unit(2)], [unit(56), unit(48)], [[1], [0]]);
    expect(Array.from(r.scores.row(0))).toEqual([14, 12]);
    expect(Array.from(r.weights.row(0))).toEqual(Array.from(softmax([14, 12])));
    expect(r.weights.get(0, 0)).toBeCloseTo(0.8808, 4);
    expect(r.weights.get(0, 1)).toBeCloseTo(0.1192, 4);
  });

  it("gives weights in [0, 1] whose rows sum to 1, and masked keys exactly 0", () => {
    fc.assert(
      fc.property(qkv, ({ Q, K, V, mask }) => {
        const allow = mask.map((r) => [...r]);
        allow.forEach((r) => (r[0] = true)); // keep one key per row
        const { weights } = scaledDotProduct(Q, K, V, { allow });
        for (let i = 0; i < weights.rows; i++) {
          let s = 0;
          for (let j = 0; j < weights.cols; j++) {
            const w = weights.get(i, j);
            expect(w).toBeGreaterThanOrEqual(0);
            expect(w).toBeLessThanOrEqual(1);
            if (!allow[i][j]) expect(w).toBe(0);
            s += w;
          }
          expect(s).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it("causal: changing future tokens leaves earlier outputs unchanged", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 6 })
          .chain((n) => fc.tuple(matrix(n, 3), matrix(n, 3), fc.integer({ min: 0, max: n - 1 }))),
        ([X, Y, t]) => {
          const X2 = X.map((r, i) => (i > t ? Y[i] : r));
          const a = scaledDotProduct(X, X, X, { causal: true }).output;
          const b = scaledDotProduct(X2, X2, X2, { causal: true }).output;
          for (let i = 0; i <= t; i++) expect(Array.from(b.row(i))).toEqual(Array.from(a.row(i)));
        },
      ),
    );
  });

  it("accepts an explicit scale, a key mask and n_q ≠ n_k, d_k ≠ d_v", () => {
    const r = scaledDotProduct(
      [[1, 0]],
      [
        [1, 0],
        [0, 1],
        [5, 5],
      ],
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      { scale: 1, keyAllow: [true, true, false] },
    );
    const e = Math.E;
    expect(r.weights.get(0, 0)).toBeCloseTo(e / (e + 1), 15);
    expect(r.weights.get(0, 2)).toBe(0);
    expect(r.output.shape).toEqual([1, 3]);
  });

  it("throws RangeErrors naming both shapes, on NaN, on empty input and on all-masked rows", () => {
    expect(() => scaledDotProduct(new Matrix(2, 4), new Matrix(3, 5), new Matrix(3, 1))).toThrow(
      new RangeError("scaledDotProduct: Q is 2×4 but K is 3×5; their column counts (d_k) must match"),
    );
    expect(() => scaledDotProduct([[1]], [[1], [2]], [[1]])).toThrow(/K is 2×1 but V is 1×1/);
    expect(() => scaledDotProduct([[NaN]], [[1]], [[1]])).toThrow(RangeError);
    expect(() => scaledDotProduct([], [[1]], [[1]])).toThrow(/empty/);
    expect(() => scaledDotProduct([[1]], [[1], [2]], [[1], [2]], { allow: [[false, false]] })).toThrow(
      /every key is masked for query 0/,
    );
    expect(() => scaledDotProduct([[1], [1]], [[1], [1]], [[1], [2]], { allow: [[true, true]] })).toThrow(
      /allow-mask is 1×2 but the scores are 2×2/,
    );
  });
});
