/** bagEmbedding: worked values, padding, and its backward pass against central differences. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bagEmbedding, constant, embedding, sum } from "../../../lib/autograd/index";
import { rng } from "../../../lib/core/random";
import { gradCheck } from "./gradcheck";

describe("bagEmbedding", () => {
  it("sums the rows of each sentence's words, skipping padding, weighted per position and dimension", () => {
    const E = constant([
      [9, 9],
      [1, 2],
      [3, 4],
    ]);
    expect(bagEmbedding(E, [1, 2, 0, 2, 0, 0], 3).toArray()).toEqual([
      [4, 6],
      [3, 4],
    ]);
    const l = Float64Array.from([1, 0.5, 2, 0, 7, 7]); // (J=3, d=2)
    expect(bagEmbedding(E, [1, 2, 0], 3, l).toArray()).toEqual([[1 + 6, 1 + 0]]);
  });

  it("equals the sum of embedding lookups without position weights", () => {
    const r = rng(4);
    const E = constant(Array.from({ length: 5 }, () => [r.normal(), r.normal(), r.normal()]));
    const tokens = [3, 1, 4, 1];
    const bag = bagEmbedding(E, tokens, 4).data;
    const ref = sum(embedding(E, tokens), 0).data;
    for (let k = 0; k < 3; k++) expect(bag[k]).toBeCloseTo(ref[k], 12);
  });

  it("rejects tokens out of range, ragged sentences and weights of the wrong size", () => {
    const E = constant([[0], [1]]);
    expect(() => bagEmbedding(E, [2], 1)).toThrow(/token 0 is 2/);
    expect(() => bagEmbedding(E, [1, 0, 1], 2)).toThrow(/do not split/);
    expect(() => bagEmbedding(E, [1, 0], 2, new Float64Array(3))).toThrow(/2×1/);
  });

  it("sends gradients back like central differences (random shapes, padding, position weights)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (V, d, J, n, weighted, s) => {
          const r = rng(s);
          const table = Array.from({ length: V }, () => Array.from({ length: d }, () => r.normal()));
          const tokens = Array.from({ length: n * J }, () => r.int(V));
          const l = weighted ? Float64Array.from({ length: J * d }, () => r.normal()) : null;
          expect(gradCheck(([E]) => bagEmbedding(E, tokens, J, l), [table])).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 20 },
    );
  });
});
