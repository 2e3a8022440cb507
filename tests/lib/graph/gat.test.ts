import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gatLayer, gatModel, gatMultiHead } from "../../../lib/graph/gat";

const h = [
  [0.5, -1],
  [1, 0.25],
  [-0.5, 2],
];
const W = [
  [1, 0.5],
  [-0.5, 1],
];
const a = [0.3, -0.2, 0.7, 0.1];

describe("gatLayer", () => {
  it("computes Wh, LeakyReLU scores and a masked softmax by hand", () => {
    const adj = [
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ];
    const r = gatLayer(h, adj, W, a, { activation: "none" });
    expect(r.Wh.toArray()).toEqual([
      [1, -0.75],
      [0.875, 0.75],
      [-1.5, 1.75],
    ]);
    const x = 1 * 0.3 - 0.75 * -0.2 + (0.875 * 0.7 + 0.75 * 0.1);
    expect(r.e.get(0, 1)).toBeCloseTo(x, 14);
    expect(r.e.get(0, 2)).toBe(-Infinity);
    const x00 = 0.45 + (0.7 - 0.075);
    const w01 = Math.exp(x) / (Math.exp(x) + Math.exp(x00));
    expect(r.attention.get(0, 1)).toBeCloseTo(w01, 14);
    expect(r.attention.get(0, 2)).toBe(0);
  });

  it("applies LeakyReLU with slope alpha to negative scores", () => {
    const r = gatLayer(
      [[1], [1]],
      [
        [1, 1],
        [1, 1],
      ],
      [[1]],
      [-1, -1],
      { alpha: 0.1 },
    );
    expect(r.e.get(0, 0)).toBeCloseTo(-0.2, 15);
  });

  it("gives an isolated node a zero row (paper) or a uniform row (pyGAT's -9e15 fill)", () => {
    const adj = [
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 0],
    ];
    const paper = gatLayer(h, adj, W, a);
    expect(Array.from(paper.attention.row(2))).toEqual([0, 0, 0]);
    expect(Array.from(paper.hPrime.row(2))).toEqual([0, 0]);
    const peer = gatLayer(h, adj, W, a, { nonEdgeFill: -9e15 });
    for (const v of peer.attention.row(2)) expect(v).toBeCloseTo(1 / 3, 15);
    expect(Array.from(peer.attention.row(0))).toEqual(Array.from(paper.attention.row(0)));
    for (const v of paper.e.data) expect(Number.isNaN(v)).toBe(false);
  });

  it("throws RangeErrors naming shapes", () => {
    expect(() =>
      gatLayer(
        h,
        [
          [1, 1],
          [1, 1],
        ],
        W,
        a,
      ),
    ).toThrow(/adjacency is 2×2, features are 3×2/);
    expect(() =>
      gatLayer(
        h,
        [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        W,
        [1, 2],
      ),
    ).toThrow(RangeError);
    expect(() =>
      gatLayer(
        [
          [NaN, 0],
          [0, 0],
          [0, 0],
        ],
        [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        W,
        a,
      ),
    ).toThrow(/NaN/);
  });

  it("property: weights are non-zero only on edges and rows with an edge sum to 1", () => {
    const n = 5;
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: n * n, maxLength: n * n }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * 2, maxLength: n * 2 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (edges, feats, av) => {
          const adj = Array.from({ length: n }, (_, i) => edges.slice(i * n, i * n + n).map(Number));
          const x = Array.from({ length: n }, (_, i) => feats.slice(2 * i, 2 * i + 2));
          const r = gatLayer(x, adj, W, av);
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let j = 0; j < n; j++) {
              const w = r.attention.get(i, j);
              if (!adj[i][j]) expect(w).toBe(0);
              expect(w).toBeGreaterThanOrEqual(0);
              sum += w;
            }
            expect(sum).toBeCloseTo(adj[i].some(Boolean) ? 1 : 0, 12);
          }
        },
      ),
    );
  });
});

describe("gatMultiHead and gatModel", () => {
  const full = [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ];
  it("concatenates heads or averages them before the activation", () => {
    const heads = [
      { W, a },
      { W: [[2], [1]], a: [0.1, 0.2] },
    ];
    const cat = gatMultiHead(h, full, heads, { combine: "concat" });
    expect(cat.output.shape).toEqual([3, 3]);
    expect(Array.from(cat.output.row(1))).toEqual([
      ...cat.heads[0].hPrime.row(1),
      ...cat.heads[1].hPrime.row(1),
    ]);
    const same = [
      { W, a },
      { W, a: [0, 0, 0, 0] },
    ];
    const mean = gatMultiHead(h, full, same, { combine: "mean", activation: "none" });
    const expected = (mean.heads[0].hPrime.get(2, 1) + mean.heads[1].hPrime.get(2, 1)) / 2;
    expect(mean.output.get(2, 1)).toBeCloseTo(expected, 15);
    expect(() => gatMultiHead(h, full, heads, { combine: "mean" })).toThrow(/differ in shape/);
  });

  it("returns log-probabilities that exponentiate to distributions", () => {
    const m = gatModel(h, full, {
      heads: [{ W, a }],
      out: {
        W: [
          [1, -1],
          [0.5, 0.5],
        ],
        a,
      },
    });
    expect(m.hidden.shape).toEqual([3, 2]);
    for (let i = 0; i < 3; i++) {
      expect(Math.exp(m.logProbs.get(i, 0)) + Math.exp(m.logProbs.get(i, 1))).toBeCloseTo(1, 14);
    }
  });
});
