import { describe, expect, it } from "vitest";
import { rng } from "../../../lib/core/random";
import { encoderLayer } from "../../../lib/transformer/encoderLayer";
import { feedForward } from "../../../lib/transformer/feedForward";
import { linear } from "../../../lib/core/linear";

const rand = (rows: number, cols: number, seed: number) => {
  const r = rng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => r.normal()));
};
const d = 4;
const params = {
  selfAttn: {
    inProjWeight: rand(3 * d, d, 1),
    inProjBias: rand(1, 3 * d, 2)[0],
    outProjWeight: rand(d, d, 3),
  },
  ff: { w1: rand(6, d, 4), b1: rand(1, 6, 5)[0], w2: rand(d, 6, 6) },
  norm1Weight: [1, 2, 1, 0.5],
};

describe("encoderLayer", () => {
  it("returns every stage, chained as x1 = LN(x + MHA(x)), y = LN(x1 + FFN(x1))", () => {
    const src = rand(3, d, 7);
    const r = encoderLayer(src, params, { numHeads: 2 });
    expect(r.input.toArray()).toEqual(src);
    r.residual1.data.forEach((v, i) => expect(v).toBe(r.input.data[i] + r.attentionOut.data[i]));
    r.residual2.data.forEach((v, i) => expect(v).toBe(r.norm1.data[i] + r.ffOut.data[i]));
    expect(r.ffHidden.data.every((v, i) => v === Math.max(0, r.ffHiddenPre.data[i]))).toBe(true);
    expect(r.output.shape).toEqual([3, d]);
  });

  it("causal: changing a later token leaves earlier outputs unchanged", () => {
    const src = rand(4, d, 8);
    const changed = src.map((row, i) => (i === 3 ? row.map((x) => x + 5) : row));
    const a = encoderLayer(src, params, { numHeads: 2, causal: true }).output;
    const b = encoderLayer(changed, params, { numHeads: 2, causal: true }).output;
    for (let i = 0; i < 3; i++) expect(Array.from(b.row(i))).toEqual(Array.from(a.row(i)));
    expect(Array.from(b.row(3))).not.toEqual(Array.from(a.row(3)));
  });
});

describe("feedForward and linear", () => {
  it("compute x Wᵀ + b with ReLU in between", () => {
    expect(
      linear(
        [[1, 2]],
        [
          [1, 1],
          [0, 1],
        ],
        [10, 20],
      ).toArray(),
    ).toEqual([[13, 22]]);
    const r = feedForward([[1, -1]], {
      w1: [
        [1, 0],
        [0, 1],
      ],
      b1: [0, 0.5],
      w2: [[1, 1]],
      b2: [1],
    });
    expect(r.hiddenPre.toArray()).toEqual([[1, -0.5]]);
    expect(r.hidden.toArray()).toEqual([[1, 0]]);
    expect(r.output.toArray()).toEqual([[2]]);
    expect(() => linear([[1, 2]], [[1, 2, 3]])).toThrow(/input is 1×2 but weight is 1×3/);
  });
});
