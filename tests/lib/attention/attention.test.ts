import { describe, expect, it } from "vitest";
import { attention } from "../../../lib/attention/attention";
import { scaledDotProduct } from "../../../lib/attention/scaledDotProduct";
import { combineAllow, maskedSoftmaxRows } from "../../../lib/attention/mask";

const Q = [
  [1, 2],
  [0, -1],
];
const K = [
  [0.5, 1],
  [2, 0],
  [-1, 1],
];

describe("attention (general form)", () => {
  it("with the scaled-dot score and V = K equals scaledDotProduct(Q, K, K)", () => {
    const a = attention(Q, K);
    const b = scaledDotProduct(Q, K, K);
    expect(a.output.toArray()).toEqual(b.output.toArray());
  });

  it("a lower temperature sharpens the weights", () => {
    const hot = attention(Q, K, null, { score: "dot", temperature: 10 }).weights.get(0, 0);
    const cold = attention(Q, K, null, { score: "dot", temperature: 0.1 }).weights.get(0, 0);
    const base = attention(Q, K, null, { score: "dot" }).weights;
    expect(Math.max(...base.row(0))).toBe(base.get(0, 0));
    expect(cold).toBeGreaterThan(hot);
  });

  it("uses any score function and rejects missing weights", () => {
    const r = attention(Q, K, null, {
      score: "general",
      scoreParams: {
        W: [
          [1, 0],
          [0, 1],
        ],
      },
    });
    expect(r.scores.toArray()).toEqual([
      [2.5, 2, 1],
      [-1, 0, -1],
    ]);
    expect(() => attention(Q, K, null, { score: "additive" })).toThrow(/needs params.W1/);
  });
});

describe("masks", () => {
  it("combines allow, key and causal masks with AND", () => {
    expect(
      Array.from(
        combineAllow(2, 3, {
          allow: [
            [1, 1, 0],
            [1, 1, 1],
          ],
          keyAllow: [1, 0, 1],
          causal: true,
        }) ?? [],
      ),
    ).toEqual([1, 0, 0, 1, 0, 0]);
    expect(combineAllow(2, 2, {})).toBeNull();
  });

  it("masked softmax gives exactly 0 to masked keys and rejects non-finite scores", () => {
    expect(() => maskedSoftmaxRows([[1, Infinity]])).toThrow(RangeError);
    expect(maskedSoftmaxRows([[3, 1000, 3]], Uint8Array.from([1, 0, 1])).toArray()).toEqual([[0.5, 0, 0.5]]);
  });
});
