import { describe, expect, it } from "vitest";
import { tanhRnn, tanhRnnStep } from "../../../lib/rnn/tanhRnn";

const p = {
  Wx: [
    [1, -1],
    [0.5, 2],
  ],
  Wh: [
    [0.2, 0],
    [0.1, -0.3],
  ],
  b: [0.1, -0.2],
};

describe("tanhRnnStep", () => {
  it("computes tanh(Wx x + Wh h + b) entry by entry", () => {
    const h = tanhRnnStep([1, 2], [0.5, -1], p);
    expect(h[0]).toBeCloseTo(Math.tanh(1 - 2 + 0.1 + 0.1), 12);
    expect(h[1]).toBeCloseTo(Math.tanh(0.5 + 4 + 0.05 + 0.3 - 0.2), 12);
  });
  it("names both shapes on a mismatch", () => {
    expect(() => tanhRnnStep([1, 2, 3], [0, 0], p)).toThrow(/Wx is 2×2/);
    expect(() => tanhRnnStep([1, 2], [0], p)).toThrow(/h has length 1/);
    expect(() => tanhRnnStep([1, 2], [0, 0], { Wx: p.Wx, Wh: [[1]] })).toThrow(/Wh is 1×1/);
    expect(() => tanhRnnStep([NaN, 2], [0, 0], p)).toThrow(RangeError);
  });
});

describe("tanhRnn", () => {
  it("chains steps from h0 and returns every state", () => {
    const X = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const H = tanhRnn(X, p, [0.3, 0.3]);
    let h: ArrayLike<number> = [0.3, 0.3];
    X.forEach((x, t) => {
      h = tanhRnnStep(x, h, p);
      expect(Array.from(H.row(t))).toEqual(Array.from(h));
    });
  });
  it("keeps states in (−1, 1) and starts from zeros by default", () => {
    const H = tanhRnn([[100, -100]], {
      Wx: [
        [1, 0],
        [0, 1],
      ],
      Wh: [
        [0, 0],
        [0, 0],
      ],
    });
    expect(Array.from(H.row(0))).toEqual([Math.tanh(100), Math.tanh(-100)]);
    for (const v of H.data) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });
  it("rejects an empty sequence", () => {
    expect(() => tanhRnn([], p)).toThrow(RangeError);
  });
});
