import { describe, expect, it } from "vitest";
import { gcnLayer, gcnNormalize } from "../../../lib/graph/gcn";

describe("GCN", () => {
  it("normalises a path graph with self-loops symmetrically", () => {
    const N = gcnNormalize([
      [0, 1, 0],
      [1, 0, 1],
      [0, 1, 0],
    ]);
    expect(N.get(0, 0)).toBeCloseTo(1 / 2, 15);
    expect(N.get(0, 1)).toBeCloseTo(1 / Math.sqrt(6), 15);
    expect(N.get(1, 1)).toBeCloseTo(1 / 3, 15);
    expect(N.get(0, 2)).toBe(0);
    expect(N.get(1, 0)).toBe(N.get(0, 1));
  });

  it("gives an isolated node without self-loop a zero row", () => {
    const N = gcnNormalize(
      [
        [0, 0],
        [0, 1],
      ],
      { selfLoops: false },
    );
    expect(N.toArray()).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it("applies ReLU and checks shapes", () => {
    const r = gcnLayer(
      [[1], [-3]],
      [
        [0, 1],
        [1, 0],
      ],
      [[1]],
    );
    expect(r.hPrime.toArray()).toEqual([[0], [0]]);
    expect(() =>
      gcnLayer(
        [[1]],
        [
          [0, 1],
          [1, 0],
        ],
        [[1]],
      ),
    ).toThrow(/adjacency is 2×2, features are 1×1/);
    expect(() => gcnNormalize([[1, 1]])).toThrow(RangeError);
  });
});
