import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { multiHeadAttention, multiHeadParamCount } from "../../../lib/attention/multihead";
import { scaledDotProduct } from "../../../lib/attention/scaledDotProduct";
import { Matrix } from "../../../lib/core/matrix";
import { rng } from "../../../lib/core/random";

function randomMatrix(rows: number, cols: number, seed: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => r.normal()));
}

const E = 4;
const params = {
  inProjWeight: randomMatrix(3 * E, E, 1),
  inProjBias: randomMatrix(1, 3 * E, 2)[0],
  outProjWeight: randomMatrix(E, E, 3),
  outProjBias: randomMatrix(1, E, 4)[0],
};

describe("multiHeadAttention", () => {
  it("is permutation-equivariant as self-attention (with projections)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const X = randomMatrix(n, E, seed);
        const perm = Array.from({ length: n }, (_, i) => i);
        const r = rng(seed);
        for (let i = n - 1; i > 0; i--) {
          const j = r.int(i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        const PX = perm.map((i) => X[i]);
        const a = multiHeadAttention(X, X, X, params, { numHeads: 2 }).output;
        const b = multiHeadAttention(PX, PX, PX, params, { numHeads: 2 }).output;
        perm.forEach((src, i) =>
          Array.from(b.row(i)).forEach((v, t) => expect(v).toBeCloseTo(a.get(src, t), 12)),
        );
      }),
    );
  });

  it("with one head and identity projections equals scaledDotProduct", () => {
    const I = Matrix.fromFn(E, E, (i, j) => (i === j ? 1 : 0));
    const X = randomMatrix(3, E, 9);
    const r = multiHeadAttention(
      X,
      X,
      X,
      { qProjWeight: I, kProjWeight: I, vProjWeight: I, outProjWeight: I },
      { numHeads: 1, causal: true },
    );
    const s = scaledDotProduct(X, X, X, { causal: true });
    r.output.data.forEach((v, i) => expect(v).toBeCloseTo(s.output.data[i], 14));
    expect(r.weightsPerHead).toHaveLength(1);
    expect(r.weightsAvg.toArray()).toEqual(r.weightsPerHead[0].toArray());
  });

  it("supports kdim ≠ E with separate projections, and masks keys to exactly 0", () => {
    const q = randomMatrix(2, E, 5);
    const k = randomMatrix(3, 3, 6);
    const v = randomMatrix(3, 5, 7);
    const r = multiHeadAttention(
      q,
      k,
      v,
      {
        qProjWeight: randomMatrix(E, E, 1),
        kProjWeight: randomMatrix(E, 3, 2),
        vProjWeight: randomMatrix(E, 5, 3),
        outProjWeight: randomMatrix(E, E, 4),
      },
      { numHeads: 2, keyAllow: [true, false, true] },
    );
    expect(r.output.shape).toEqual([2, E]);
    r.weightsPerHead.forEach((A) => expect([A.get(0, 1), A.get(1, 1)]).toEqual([0, 0]));
    expect(r.headOutputs[0].shape).toEqual([2, 2]);
  });

  it("throws clear RangeErrors", () => {
    const X = randomMatrix(2, E, 1);
    expect(() => multiHeadAttention(X, X, X, params, { numHeads: 3 })).toThrow(/divisible by numHeads 3/);
    expect(() =>
      multiHeadAttention(X, X, X, { outProjWeight: params.outProjWeight }, { numHeads: 2 }),
    ).toThrow(/inProjWeight/);
    expect(() => multiHeadAttention(X, X, X, params, { numHeads: 2, keyAllow: [false, false] })).toThrow(
      /every key is masked/,
    );
  });

  it("counts parameters", () => {
    expect(multiHeadParamCount(4, 2)).toBe(4 * 16 + 16);
    expect(multiHeadParamCount(4, 2, { kdim: 3, vdim: 5, bias: false })).toBe(16 + 12 + 20 + 16);
    expect(() => multiHeadParamCount(5, 2)).toThrow(RangeError);
  });
});
