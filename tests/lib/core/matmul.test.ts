/**
 * `matmul` against the naive triple loop, across shapes on both sides of its kernel thresholds
 * (A·B streamed for n < 8 or m < 4, B transposed and register-blocked otherwise; 2×4 blocks with
 * remainder rows and columns; k in steps of 4 with a remainder), and its non-finite policy.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matmul } from "../../../lib/core/matrix";

/** The reference: C_ij = Σ_t A_it B_tj, summed in order t = 0, 1, …, starting from +0. */
function naive(A: number[][], B: number[][], transposeB: boolean): number[][] {
  const n = A.length;
  const k = A[0].length;
  const m = transposeB ? B.length : B[0].length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: m }, (_, j) => {
      let s = 0;
      for (let t = 0; t < k; t++) s += A[i][t] * (transposeB ? B[j][t] : B[t][j]);
      return s;
    }),
  );
}

const shape = fc.record({
  n: fc.integer({ min: 1, max: 13 }),
  k: fc.integer({ min: 1, max: 11 }),
  m: fc.integer({ min: 1, max: 11 }),
  transposeB: fc.boolean(),
});

function operands<T>(entry: fc.Arbitrary<T>) {
  return shape.chain(({ n, k, m, transposeB }) =>
    fc.record({
      A: fc.array(fc.array(entry, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
      B: transposeB
        ? fc.array(fc.array(entry, { minLength: k, maxLength: k }), { minLength: m, maxLength: m })
        : fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: k, maxLength: k }),
      transposeB: fc.constant(transposeB),
    }),
  );
}

describe("matmul", () => {
  it("equals the naive product exactly on small integers, for every shape around the thresholds", () => {
    fc.assert(
      fc.property(operands(fc.integer({ min: -9, max: 9 })), ({ A, B, transposeB }) => {
        const C = matmul(A, B, transposeB);
        expect(C.toArray()).toEqual(naive(A, B, transposeB));
      }),
      { numRuns: 400 },
    );
  });

  it("matches the naive product to rounding on real numbers", () => {
    fc.assert(
      fc.property(
        operands(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true })),
        ({ A, B, transposeB }) => {
          const C = matmul(A, B, transposeB).toArray();
          const R = naive(A, B, transposeB);
          const k = A[0].length;
          C.forEach((row, i) =>
            row.forEach((c, j) => {
              // Σ|a||b| bounds the rounding error of any summation order.
              let mag = 0;
              for (let t = 0; t < k; t++) mag += Math.abs(A[i][t] * (transposeB ? B[j][t] : B[t][j]));
              expect(Math.abs(c - R[i][j])).toBeLessThanOrEqual(2 * k * Number.EPSILON * mag);
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("follows IEEE semantics for NaN and ±∞ on every kernel: the same entries as the naive sum", () => {
    const entry = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom(0, Infinity, -Infinity, NaN));
    fc.assert(
      fc.property(operands(entry), ({ A, B, transposeB }) => {
        // NaN, ±∞ and exact small-integer sums do not depend on the order of the additions.
        expect(matmul(A, B, transposeB).toArray()).toEqual(naive(A, B, transposeB));
      }),
      { numRuns: 400 },
    );
  });

  it("gives 0·∞ = NaN whatever the shape (issue 9: it was 0 on one kernel, NaN on the other)", () => {
    expect(Number.isNaN(matmul([[0]], [[Infinity]]).get(0, 0))).toBe(true);
    for (const [n, k, m] of [
      [1, 1, 1],
      [2, 3, 3],
      [8, 4, 4],
      [9, 5, 7],
      [3, 8, 12],
    ]) {
      const A = Array.from({ length: n }, () => new Array<number>(k).fill(0));
      const B = Array.from({ length: k }, () => new Array<number>(m).fill(Infinity));
      const Bt = Array.from({ length: m }, () => new Array<number>(k).fill(Infinity));
      expect(matmul(A, B).data.every(Number.isNaN), `${n}×${k}·${k}×${m}`).toBe(true);
      expect(matmul(A, Bt, true).data.every(Number.isNaN), `${n}×${k}·(${m}×${k})ᵀ`).toBe(true);
    }
  });

  it("still multiplies one-hot rows exactly (the zero-skipping fast path on finite B)", () => {
    const X = Array.from({ length: 9 }, (_, i) => Array.from({ length: 9 }, (_, j) => (i === j ? 1 : 0)));
    const B = Array.from({ length: 9 }, (_, i) => [i + 1, -i - 1, 0.5 * i + 0.25]);
    expect(matmul(X, B).toArray()).toEqual(B);
  });

  it("rejects inner dimensions that differ, naming both shapes", () => {
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow("matmul: inner dimensions differ: A is 1×2, B is 1×2");
    expect(() => matmul([[1, 2]], [[1, 2, 3]], true)).toThrow("A is 1×2, Bᵀ is 3×1");
  });
});
