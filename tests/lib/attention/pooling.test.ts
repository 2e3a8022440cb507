import { describe, expect, it } from "vitest";
import { attentionPool, lastPool, maxPool, meanPool } from "../../../lib/attention/pooling";
import { hierarchicalAttention } from "../../../lib/attention/hierarchical";

const H = [
  [1, 0, 2],
  [0, 3, -1],
  [2, 1, 0],
];

describe("last, mean and max pooling", () => {
  it("by hand", () => {
    expect(Array.from(lastPool(H))).toEqual([2, 1, 0]);
    expect(Array.from(meanPool(H))).toEqual([1, 4 / 3, 1 / 3]);
    const m = maxPool(H);
    expect(Array.from(m.pooled)).toEqual([2, 3, 2]);
    expect(Array.from(m.argmax)).toEqual([2, 1, 0]);
  });
  it("reject an empty sequence", () => {
    expect(() => meanPool([])).toThrow(RangeError);
    expect(() => lastPool([])).toThrow(RangeError);
  });
});

describe("attentionPool", () => {
  it("a zero context vector gives the mean", () => {
    const r = attentionPool(H, [0, 0, 0]);
    expect(Array.from(r.pooled).map((v) => +v.toFixed(12))).toEqual(
      Array.from(meanPool(H)).map((v) => +v.toFixed(12)),
    );
  });
  it("weights are a distribution and follow tanh(h)·u", () => {
    const u = [0, 2, 0];
    const r = attentionPool(H, u);
    const s = H.map((h) => Math.tanh(h[1]) * 2);
    const z = s.reduce((a, v) => a + Math.exp(v), 0);
    expect(Array.from(r.weights)).toEqual(s.map((v) => expect.closeTo(Math.exp(v) / z, 12)));
    expect(Array.from(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it("a large context vector approaches max pooling of the matching feature (hard choice)", () => {
    const r = attentionPool(H, [0, 0, 0], { tanh: false });
    expect(r.weights[0]).toBeCloseTo(1 / 3, 12);
    const sharp = attentionPool(H, [0, 50, 0]);
    expect(sharp.weights[1]).toBeGreaterThan(0.99);
  });
  it("uses the projection W and bias b, and checks shapes", () => {
    const r = attentionPool(
      [
        [1, 0],
        [0, 1],
      ],
      [1],
      { W: [[1], [-1]], b: [0], tanh: false },
    );
    expect(Array.from(r.scores)).toEqual([1, -1]);
    expect(() => attentionPool([[1, 0]], [1], { W: [[1, 2, 3]] })).toThrow(/W with 2 rows/);
    expect(() => attentionPool([[1, 0]], [1, 2, 3])).toThrow(/length 3/);
  });
});

describe("hierarchicalAttention", () => {
  it("the document vector is the sentence-weighted sum of word-weighted sentence vectors", () => {
    const doc = [
      [
        [1, 0],
        [0, 1],
      ],
      [[1, 1]],
    ];
    const r = hierarchicalAttention(doc, [3, 0], [0, 3]);
    const s0 = attentionPool(doc[0], [3, 0]).pooled;
    expect(Array.from(r.sentences.row(0))).toEqual(Array.from(s0));
    expect(Array.from(r.sentences.row(1))).toEqual([1, 1]);
    const b = r.sentence.weights;
    expect(Array.from(r.document)).toEqual([0, 1].map((c) => expect.closeTo(b[0] * s0[c] + b[1] * 1, 12)));
    expect(r.words[1].weights[0]).toBe(1);
  });
  it("rejects an empty document, an empty sentence and mixed sizes", () => {
    expect(() => hierarchicalAttention([], [1], [1])).toThrow(/no sentences/);
    expect(() => hierarchicalAttention([[[1]], []], [1], [1])).toThrow(/sentence 1/);
    expect(() => hierarchicalAttention([[[1]], [[1, 2]]], [1], [1])).toThrow(/sentence 1/);
  });
});
