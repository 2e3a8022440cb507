/**
 * Issue 10 §7: every accepted parameter gives a finite, correct answer (tiny temperatures, huge
 * β, scales and widths), and masks hold only booleans or 0/1.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attention,
  combineAllow,
  gumbelSoftmax,
  localMAttention,
  maskedSoftmaxRows,
  modernHopfield,
  modernHopfieldEnergy,
  multiHeadAttention,
  ntmContent,
  pointerStep,
  pointerSort,
  rng,
  scaledDotProduct,
  softmaxBeta,
  globalAttention,
} from "../../../lib/index";

const finite = (xs: ArrayLike<number>) => Array.from(xs).every(Number.isFinite);

describe("tiny temperatures and huge inverse temperatures", () => {
  it("scaledDotProduct with T = 1e-310 gives the limit [[1, 0]] (issue 10's repro)", () => {
    const r = scaledDotProduct(
      [[1, 0]],
      [
        [1, 0],
        [0, 1],
      ],
      [[1], [2]],
      { temperature: 1e-310 },
    );
    expect(r.weights.toArray()).toEqual([[1, 0]]);
    expect(r.output.toArray()).toEqual([[1]]);
  });

  it("property: for every accepted temperature, the weights are finite rows summing to 1, one-hot as T → 0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.oneof(
          fc.double({ min: 5e-324, max: 1e-300, noNaN: true }),
          fc.double({ min: 1e-300, max: 1e308, noNaN: true }),
        ),
        (row, T) => {
          const w = maskedSoftmaxRows([row], null, T).row(0);
          expect(finite(w)).toBe(true);
          expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
          const max = Math.max(...row);
          // Keys below the maximum by more than 750·T get no weight (e^{-750} underflows).
          row.forEach((s, j) => {
            if (max - s > 750 * T) expect(w[j]).toBe(0);
          });
        },
      ),
    );
  });

  it("a huge scale gives the one-hot limit instead of an overflow, and a negative scale flips it", () => {
    const big = scaledDotProduct(
      [[3, 1]],
      [
        [1, 0],
        [0, 1],
      ],
      [[1], [2]],
      { scale: 1e308 },
    );
    expect(big.weights.toArray()).toEqual([[1, 0]]);
    const neg = scaledDotProduct(
      [[3, 1]],
      [
        [1, 0],
        [0, 1],
      ],
      [[1], [2]],
      { scale: -1e308 },
    );
    expect(neg.weights.toArray()).toEqual([[0, 1]]);
    const zero = scaledDotProduct(
      [[3, 1]],
      [
        [1, 0],
        [0, 1],
      ],
      [[1], [2]],
      { scale: 0 },
    );
    expect(zero.weights.toArray()).toEqual([[0.5, 0.5]]);
  });

  it("attention() and gumbelSoftmax() accept a tiny temperature", () => {
    const a = attention(
      [[1, 0]],
      [
        [1, 0],
        [0, 1],
      ],
      [[1], [2]],
      { score: "dot", temperature: 1e-310 },
    );
    expect(a.weights.toArray()).toEqual([[1, 0]]);
    const g = gumbelSoftmax([[0, 1, 2]], 1e-310, rng(3));
    expect(finite(g.data)).toBe(true);
    expect(g.row(0).filter((v) => v === 1)).toHaveLength(1);
  });

  it("softmaxBeta: huge β is one-hot (ties shared), β = 0 uniform", () => {
    expect(Array.from(softmaxBeta([1, 3, 2], Number.MAX_VALUE))).toEqual([0, 1, 0]);
    expect(Array.from(softmaxBeta([3, 3, 2], 1e300))).toEqual([0.5, 0.5, 0]);
    expect(Array.from(softmaxBeta([1, 3, -Infinity], 0))).toEqual([0.5, 0.5, 0]);
    expect(() => softmaxBeta([1], -1)).toThrow("β must be a finite number ≥ 0");
  });

  it("modern Hopfield: every β > 0 gives finite weights and energies, with the right limits", () => {
    const X = [
      [1, 0],
      [0, 1],
    ];
    const xi = [[0.9, 0.1]];
    const hard = modernHopfield(X, xi, { beta: 1e308 });
    expect(hard.p.toArray()).toEqual([[1, 0]]);
    expect(hard.xi.toArray()).toEqual([[1, 0]]);
    const soft = modernHopfield(X, xi, { beta: 1e-310 });
    expect(soft.p.toArray()).toEqual([[0.5, 0.5]]);
    // E = −β⁻¹ log(S⁻¹ Σ e^{β xᵀξ}) + ½ξᵀξ + ½ max‖x‖²: β → ∞ takes the max score, β → 0 the mean.
    const self = (0.81 + 0.01) / 2 + 0.5;
    expect(modernHopfieldEnergy(X, xi, 1e308)[0]).toBeCloseTo(-0.9 + self, 12);
    expect(modernHopfieldEnergy(X, xi, 1e-310)[0]).toBeCloseTo(-0.5 + self, 12);
    expect(modernHopfieldEnergy(X, xi, 1)[0]).toBeCloseTo(
      -Math.log((Math.exp(0.9) + Math.exp(0.1)) / 2) + self,
      14,
    );
  });

  it("NTM content addressing: every finite β ≥ 0 gives finite weights", () => {
    const M = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    expect(Array.from(ntmContent(M, [1, 0], 1e308))).toEqual([1, 0, 0]);
    expect(Array.from(ntmContent(M, [1, 0], 0)).map((v) => +v.toFixed(12))).toEqual(
      [1 / 3, 1 / 3, 1 / 3].map((v) => +v.toFixed(12)),
    );
  });

  it("pointer networks: the largest finite β still gives finite scores and the sorted order", () => {
    const r = pointerSort([5, -2, 9, 0.5], { beta: Number.MAX_VALUE });
    expect(Array.from(r.order)).toEqual([1, 3, 0, 2]);
    expect(r.probability).toBe(1);
    for (const s of r.steps) expect(finite(s.probs)).toBe(true);
  });

  it("local attention: a tiny σ gives a finite Gaussian, 1 at the centre and 0 elsewhere", () => {
    const H = [[1], [2], [3], [4], [5]];
    const r = localMAttention([[1]], H, [2], { D: 1, sigma: 1e-200 });
    expect(Array.from(r.gaussian.row(0))).toEqual([0, 0, 1, 0, 0]);
    expect(finite(r.weights.data)).toBe(true);
  });
});

describe("masks hold booleans or 0/1 only (issue 10 §7)", () => {
  const Q = [[1, 0]];
  const K = [
    [1, 0],
    [0, 1],
  ];
  const V = [[1], [2]];

  it("rejects an additive float mask, 0.5 and NaN with a message that names the entry", () => {
    expect(() => scaledDotProduct(Q, K, V, { allow: [[0, -1e9]] })).toThrow(
      "scaledDotProduct: allow-mask entry (0, 1) is -1000000000; a mask holds true/false or 1/0 (1 = may attend). For an additive float mask (PyTorch's attn_mask), add it to the scores instead.",
    );
    expect(() => scaledDotProduct(Q, K, V, { allow: [[1, 0.5]] })).toThrow("allow-mask entry (0, 1) is 0.5");
    expect(() => scaledDotProduct(Q, K, V, { allow: [[NaN, 1]] })).toThrow("allow-mask entry (0, 0) is NaN");
    expect(() => scaledDotProduct(Q, K, V, { keyAllow: [1, 2] })).toThrow("key mask entry 1 is 2");
    expect(() => pointerStep([1, 2], [1, 0.5])).toThrow("pointerStep: mask entry 1 is 0.5");
    expect(() => attention(Q, K, V, { keyAllow: Uint8Array.from([1, 7]) })).toThrow("key mask entry 1 is 7");
  });

  it("accepts booleans and 0/1, with the same weights either way", () => {
    const a = scaledDotProduct(Q, K, V, { allow: [[true, false]] }).weights.toArray();
    const b = scaledDotProduct(Q, K, V, { allow: [[1, 0]] }).weights.toArray();
    expect(a).toEqual([[1, 0]]);
    expect(b).toEqual(a);
    expect(Array.from(combineAllow(1, 2, { keyAllow: Uint8Array.from([0, 1]) })!)).toEqual([0, 1]);
  });

  it("checks masks in multi-head and global attention too", () => {
    const W = [
      [1, 0],
      [0, 1],
    ];
    expect(() =>
      multiHeadAttention(
        K,
        K,
        K,
        { qProjWeight: W, kProjWeight: W, vProjWeight: W, outProjWeight: W },
        {
          numHeads: 1,
          allow: [
            [1, 0.5],
            [1, 1],
          ],
        },
      ),
    ).toThrow("allow-mask entry (0, 1) is 0.5");
    expect(() =>
      globalAttention(
        [[1, 0]],
        K,
        {
          linearOut: [
            [1, 0, 0, 0],
            [0, 1, 0, 0],
          ],
        },
        { attnType: "dot", keyAllow: [1, -1e9], srcLength: 2 },
      ),
    ).toThrow("key mask entry 1 is -1000000000");
  });
});
