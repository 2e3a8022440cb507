import { describe, expect, it } from "vitest";
import { gumbelSoftmax, hardAttention, sampleHard } from "../../../lib/attention/hard";
import { rng } from "../../../lib/core/random";

describe("hard attention", () => {
  it("takes the argmax, ties to the lowest index, and respects masks", () => {
    const r = hardAttention(
      [[1, 0]],
      [
        [1, 0],
        [1, 0],
        [0, 1],
      ],
      [[10], [20], [30]],
    );
    expect(Array.from(r.index)).toEqual([0]);
    expect(r.weights.toArray()).toEqual([[1, 0, 0]]);
    expect(r.output.toArray()).toEqual([[10]]);
    const m = hardAttention(
      [[1, 0]],
      [
        [1, 0],
        [1, 0],
        [0, 1],
      ],
      [[10], [20], [30]],
      { keyAllow: [false, true, true] },
    );
    expect(Array.from(m.index)).toEqual([1]);
    expect(() => hardAttention([[1]], [[1]], [[1]], { keyAllow: [false] })).toThrow(/every key is masked/);
  });

  it("samples reproducibly from the weights, never a zero-weight key", () => {
    const W = [
      [0.2, 0, 0.8],
      [0, 1, 0],
    ];
    const a = sampleHard(W, rng(3));
    expect(Array.from(a.index)).toEqual(Array.from(sampleHard(W, rng(3)).index));
    for (let s = 0; s < 50; s++) {
      const idx = sampleHard(W, rng(s)).index;
      expect(idx[0]).not.toBe(1);
      expect(idx[1]).toBe(1);
    }
    expect(() => sampleHard([[0, 0]], rng(1))).toThrow(/zero total weight/);
  });

  it("gumbel-softmax rows are distributions and sharpen as τ → 0", () => {
    const S = [[1, 2, 3]];
    const soft = gumbelSoftmax(S, 10, rng(7));
    const hard = gumbelSoftmax(S, 0.01, rng(7));
    expect(soft.row(0).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Math.max(...hard.row(0))).toBeGreaterThan(0.99);
    expect(() => gumbelSoftmax(S, 0, rng(1))).toThrow(/temperature/);
  });
});
