import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  SCORE_KINDS,
  additiveScore,
  concatLinearScore,
  concatScore,
  cosineScore,
  dotScore,
  generalScore,
  scaledDotScore,
  scoreMatrix,
} from "../../../lib/scores/index";

const q = [1, -2, 0.5];
const k = [0.3, 0.7, -1];
const p = {
  W: [
    [1, 0, 2],
    [0, 1, 0],
    [-1, 0, 1],
  ],
  W1: [
    [1, 0, 0],
    [0, 1, 1],
  ],
  W2: [
    [0, 1, 0],
    [1, 0, 1],
  ],
  v: [0.5, -1],
  w: [1, 2, 3, 4, 5, 6],
};
const Wc = [
  [0, 1, 0, 1, 0, 0],
  [1, 0, 1, 0, 1, 1],
];

describe("score functions", () => {
  it("single-pair forms follow their formulas", () => {
    const d = 0.3 - 1.4 - 0.5;
    expect(dotScore(q, k)).toBeCloseTo(d, 15);
    expect(scaledDotScore(q, k)).toBeCloseTo(d / Math.sqrt(3), 15);
    expect(cosineScore(q, k)).toBeCloseTo(d / (Math.hypot(...q) * Math.hypot(...k)), 15);
    // qᵀWk with W k = [0.3 - 2, 0.7, -0.3 - 1]
    expect(generalScore(q, k, p.W)).toBeCloseTo(1 * -1.7 - 2 * 0.7 + 0.5 * -1.3, 14);
    const add = 0.5 * Math.tanh(0.3 + -2) - 1 * Math.tanh(-0.3 + 1.5);
    expect(additiveScore(q, k, { W1: p.W1, W2: p.W2, v: p.v })).toBeCloseTo(add, 14);
    expect(concatScore(q, k, { W: Wc, v: p.v })).toBeCloseTo(
      0.5 * Math.tanh(-2 + 0.3) - Math.tanh(1.5 + 0.7 - 1),
      14,
    );
    expect(concatLinearScore(q, k, p.w)).toBeCloseTo(1 - 4 + 1.5 + 1.2 + 3.5 - 6, 14);
  });

  it("the matrix form agrees with the pair form for every kind (orientation S[i][j] = score(q_i, k_j))", () => {
    const vec = fc.array(
      fc.double({ min: -3, max: 3, noNaN: true }).filter((x) => Math.abs(x) > 1e-3),
      { minLength: 3, maxLength: 3 },
    );
    fc.assert(
      fc.property(
        fc.array(vec, { minLength: 1, maxLength: 3 }),
        fc.array(vec, { minLength: 1, maxLength: 4 }),
        (Q, K) => {
          for (const kind of SCORE_KINDS) {
            const params = kind === "concat" ? { W: Wc, v: p.v } : p;
            const S = scoreMatrix(kind, Q, K, params);
            expect(S.shape).toEqual([Q.length, K.length]);
            const one = scoreMatrix(kind, [Q[Q.length - 1]], [K[0]], params).get(0, 0);
            expect(S.get(Q.length - 1, 0)).toBeCloseTo(one, 12);
          }
        },
      ),
    );
  });

  it("throws RangeErrors naming both shapes, and on bad input", () => {
    expect(() => dotScore([1, 2], [1, 2, 3])).toThrow(
      new RangeError("dotScoreMatrix: Q is 1×2 but K is 1×3; their column counts (d_k) must match"),
    );
    expect(() => generalScore([1, 2], [1], [[1, 2]])).toThrow(/W is 1×2 but must be 2×1/);
    expect(() => cosineScore([0, 0], [1, 1])).toThrow(/zero vector/);
    expect(() => dotScore([NaN], [1])).toThrow(RangeError);
    expect(() => scoreMatrix("dot", [], [[1]])).toThrow(/empty/);
    expect(() => scoreMatrix("concat_linear", [[1]], [[1]], { w: [1] })).toThrow(
      /w has length 1 but must have length 2/,
    );
  });
});
