import { describe, expect, it } from "vitest";
import { localAttention, localMAttention } from "../../../lib/attention/local";

const hS = [
  [1, 0],
  [0, 1],
  [1, 1],
  [0.5, -1],
  [2, 0],
];

describe("local attention", () => {
  it("local-p: p_t = S·σ(·), window clipped, Gaussian applied without renormalising", () => {
    const r = localAttention([[1, 0]], hS, { Wp: [[0, 0]], vp: [1] }, { D: 2 });
    expect(r.pT[0]).toBe(2.5);
    expect(r.window).toEqual([[1, 4]]);
    expect(r.weights.get(0, 0)).toBe(0);
    const alignSum = r.align.row(0).reduce((a, b) => a + b, 0);
    expect(alignSum).toBeCloseTo(1, 14);
    expect(r.weights.row(0).reduce((a, b) => a + b, 0)).toBeLessThan(1);
    expect(r.weights.get(0, 2)).toBeCloseTo(r.align.get(0, 2) * Math.exp(-(0.5 ** 2) / 2), 15);
  });

  it("local-m uses the given positions; an empty window throws", () => {
    const r = localMAttention(
      [
        [1, 0],
        [0, 1],
      ],
      hS,
      [0, 4],
      { D: 1 },
    );
    expect(r.window).toEqual([
      [0, 1],
      [3, 4],
    ]);
    expect(() => localMAttention([[1, 0]], hS, [7], { D: 1 })).toThrow(/holds no source position/);
    expect(() => localMAttention([[1, 0]], hS, [1], { D: 1, score: "general" })).toThrow(/needs options.Wa/);
  });
});
