import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as ag from "../../../lib/autograd/index";
import { batchAdditiveScores, batchAttentionRead, batchDotScores } from "../../../lib/autograd/seqAttention";
import { rng } from "../../../lib/core/random";
import { gradCheck } from "./gradcheck";

const rand = (seed: number, n: number, k: number, scale = 1) => {
  const r = rng(seed);
  return Array.from({ length: n }, () => Array.from({ length: k }, () => r.normal() * scale));
};
const shapes = fc.record({
  B: fc.integer({ min: 1, max: 4 }),
  L: fc.integer({ min: 1, max: 5 }),
  d: fc.integer({ min: 1, max: 4 }),
  seed: fc.nat(1000),
});

describe("batched attention ops", () => {
  it("dot scores: each batch row against its own sequence's keys", () => {
    // B = 2, L = 2: keys rows are (pos 0, b 0), (pos 0, b 1), (pos 1, b 0), (pos 1, b 1).
    const q = ag.constant([
      [1, 0],
      [0, 1],
    ]);
    const k = ag.constant([
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
    expect(batchDotScores(q, k).toArray()).toEqual([
      [2, 6],
      [5, 9],
    ]);
  });

  it("additive scores agree with v·tanh(u + q) computed by hand", () => {
    const e = batchAdditiveScores(
      ag.constant([[0.5, -1]]),
      ag.constant([
        [1, 2],
        [-0.5, 0],
      ]),
      ag.constant([[2, 3]]),
    );
    const want = [2 * Math.tanh(1.5) + 3 * Math.tanh(1), 2 * Math.tanh(0) + 3 * Math.tanh(-1)];
    expect(Array.from(e.data)).toEqual(want);
  });

  it("the read is the weighted sum of each sequence's values", () => {
    const c = batchAttentionRead(
      ag.constant([
        [0.25, 0.75],
        [1, 0],
      ]),
      ag.constant([
        [4, 0],
        [1, 1],
        [0, 4],
        [9, 9],
      ]),
    );
    expect(c.toArray()).toEqual([
      [1, 3],
      [1, 1],
    ]);
  });

  it("names the shapes when keys do not stack to L·B rows", () => {
    expect(() => batchDotScores(ag.constant([[1], [2]]), ag.constant([[1], [2], [3]]))).toThrow(/3×1.*2×1/);
    expect(() => batchAttentionRead(ag.constant([[1, 0]]), ag.constant([[1]]))).toThrow(/1×1/);
  });

  it("gradients match central differences over random shapes", () => {
    fc.assert(
      fc.property(shapes, ({ B, L, d, seed }) => {
        const q = rand(seed, B, d);
        const k = rand(seed + 1, L * B, d);
        const v = rand(seed + 2, 1, d);
        const w = rand(seed + 3, B, L);
        expect(gradCheck(([a, b]) => batchDotScores(a, b), [q, k])).toBeLessThan(1e-6);
        expect(gradCheck(([a, b, c]) => batchAdditiveScores(a, b, c), [q, k, v])).toBeLessThan(1e-6);
        expect(gradCheck(([a, b]) => batchAttentionRead(a, b), [w, k])).toBeLessThan(1e-6);
        // Composed as in a decoder step: softmax of the scores, then the read.
        expect(
          gradCheck(([a, b]) => batchAttentionRead(ag.softmax(batchDotScores(a, b)), b), [q, k]),
        ).toBeLessThan(1e-6);
      }),
      { numRuns: 25 },
    );
  });
});
