import { describe, expect, it } from "vitest";
import { memn2nAnswer, memn2nEmbed, memn2nForward, memn2nPositionEncoding } from "../../../lib/memory/memn2n";
import { memn2nAdjacent, memn2nLayerwise } from "../../../lib/memory/memn2nTying";
import { bagOfWords } from "../../../lib/memory/bagOfWords";
import { tokenize } from "../../../lib/core/tokenize";
import { rng } from "../../../lib/core/random";

const table = (V: number, d: number, seed: number): number[][] => {
  const r = rng(seed);
  return Array.from({ length: V }, () => Array.from({ length: d }, () => r.normal()));
};

describe("memn2n", () => {
  it("builds the paper's position encoding (odd J too)", () => {
    const pe = memn2nPositionEncoding(3, 2);
    expect(pe.get(0, 0)).toBeCloseTo(2 / 3 - 0.5 * (1 / 3), 15);
    expect(pe.get(1, 1)).toBeCloseTo(2 / 3, 15);
    expect(pe.get(2, 0)).toBeCloseTo(0.5, 15);
    expect(() => memn2nPositionEncoding(0, 2)).toThrow(RangeError);
  });

  it("runs K hops with u^{k+1} = u^k + o^k and p = softmax(m u)", () => {
    const V = 6;
    const d = 3;
    const w = memn2nAdjacent(
      [0, 1, 2].map((s) => table(V, d, s)),
      [10, 11, 12].map((s) => table(4, d, s)),
    );
    const story = [
      [1, 2],
      [3, 0],
      [4, 5],
    ];
    const r = memn2nForward(story, [2, 3], w);
    expect(r.u).toHaveLength(3);
    for (let k = 0; k < 2; k++) {
      const scores = Array.from({ length: 3 }, (_, i) =>
        r.m[k].row(i).reduce((s, v, t) => s + v * r.u[k][t], 0),
      );
      const z = scores.reduce((s, v) => s + Math.exp(v), 0);
      scores.forEach((v, i) => expect(r.p[k][i]).toBeCloseTo(Math.exp(v) / z, 12));
      r.u[k + 1].forEach((v, t) => expect(v).toBeCloseTo(r.u[k][t] + r.o[k][t], 14));
    }
    expect(Array.from(r.logits)).toEqual(Array.from(memn2nAnswer(w.W, r.u[2])));
    expect(r.probs.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    expect(r.m[1].toArray()).toEqual(r.c[0].toArray());
  });

  it("supports layer-wise tying with an H matrix and temporal rows", () => {
    const d = 2;
    const A = table(5, d, 1);
    const w = memn2nLayerwise({
      A,
      C: table(5, d, 2),
      B: table(5, d, 3),
      W: table(5, d, 4),
      hops: 2,
      H: [
        [0, 1],
        [1, 0],
      ],
    });
    const r = memn2nForward([[1], [2]], [3], w, { positionEncoding: "bag" });
    const u2 = [r.u[0][1] + r.o[0][0], r.u[0][0] + r.o[0][1]];
    expect(r.u[1][0]).toBeCloseTo(u2[0], 14);
    expect(r.u[1][1]).toBeCloseTo(u2[1], 14);
    expect(memn2nEmbed([[1]], A, [[1, 1]], [[10, 20]]).toArray()).toEqual([[A[1][0] + 10, A[1][1] + 20]]);
  });

  it("rejects bad ids, shapes and empty stories", () => {
    const w = memn2nAdjacent([table(3, 2, 1), table(3, 2, 2)]);
    expect(() => memn2nForward([[7]], [1], w)).toThrow(/token id 7 is outside the vocabulary of 3/);
    expect(() => memn2nForward([], [1], w)).toThrow(/empty story/);
    expect(() => memn2nForward([[1, 2]], [1, 2], w, { positionEncoding: [[1, 1]] })).toThrow(
      /position encoding is 1×2/,
    );
  });
});

describe("bagOfWords", () => {
  it("tokenizes, builds a vocabulary with padding 0 and pads rows", () => {
    expect(tokenize("Sandra's in the KITCHEN!")).toEqual(["sandra's", "in", "the", "kitchen"]);
    const b = bagOfWords(["Mary went home.", "John left."], "Where is Mary?");
    expect(b.vocabulary).toEqual(["<pad>", "mary", "went", "home", "john", "left", "where", "is"]);
    expect(b.query).toEqual([6, 7, 1]);
    expect(() => bagOfWords(["Mary ran"], "who?", { vocabulary: ["<pad>", "mary"] })).toThrow(
      /"ran" is not in the vocabulary/,
    );
  });
});
