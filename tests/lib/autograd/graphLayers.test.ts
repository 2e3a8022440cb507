/**
 * GATv2 and GCN layers against direct loops over the definitions, and the static-attention
 * property of GAT (Brody, Alon and Yahav 2022) against GATv2 on random weights.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as ag from "../../../lib/autograd/index";
import { rng } from "../../../lib/core/random";
import { rankConflicts } from "../../../lib/graph/rankings";

const mat = (r: ReturnType<typeof rng>, n: number, m: number) =>
  Array.from({ length: n }, () => Array.from({ length: m }, () => r.normal()));
const leaky = (x: number) => (x > 0 ? x : 0.2 * x);

describe("GATv2 and GCN layers", () => {
  it("GATv2 equals a loop over e_ij = aᵀ LeakyReLU(W_q h_i + W_k h_j), softmax over neighbours, Σ α_ij W_k h_j", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (s) => {
        const r = rng(s);
        const N = 5;
        const h = mat(r, N, 3);
        const Wq = mat(r, 3, 2);
        const Wk = mat(r, 3, 2);
        const a = mat(r, 2, 1);
        const adj = Array.from({ length: N }, (_, i) =>
          Array.from({ length: N }, (_, j) => (i === j || r.uniform() < 0.5 ? 1 : 0)),
        );
        const proj = (W: number[][]) =>
          h.map((x) => [0, 1].map((f) => x.reduce((t, v, c) => t + v * W[c][f], 0)));
        const q = proj(Wq);
        const k = proj(Wk);
        const got = ag.gatv2Layer(ag.constant(h), adj, ag.constant(Wq), ag.constant(Wk), ag.constant(a), {
          concat: false,
        });
        for (let i = 0; i < N; i++) {
          const e = k.map((kj) => kj.reduce((t, v, f) => t + a[f][0] * leaky(q[i][f] + v), 0));
          const z = e.map((x, j) => (adj[i][j] ? Math.exp(x) : 0));
          const sum = z.reduce((t, v) => t + v, 0);
          for (let j = 0; j < N; j++) expect(got.attention.data[i * N + j]).toBeCloseTo(z[j] / sum, 12);
          for (let f = 0; f < 2; f++)
            expect(got.output.data[i * 2 + f]).toBeCloseTo(
              k.reduce((t, kj, j) => t + (z[j] / sum) * kj[f], 0),
              12,
            );
        }
      }),
      { numRuns: 20 },
    );
  });

  it("GCN averages with the weights 1/√(d̃ᵢd̃ⱼ) and adds the bias", () => {
    // Path 1–2–3: degrees with self-loops 2, 3, 2.
    const out = ag.gcnLayer(
      ag.constant([[1], [0], [3]]),
      [
        [0, 1, 0],
        [1, 0, 1],
        [0, 1, 0],
      ],
      ag.constant([[2]]),
      ag.constant([[1]]),
    );
    const c = (di: number, dj: number) => 1 / Math.sqrt(di * dj);
    expect(Array.from(out.output.data)).toEqual([
      expect.closeTo(2 * (c(2, 2) * 1 + c(2, 3) * 0) + 1, 12),
      expect.closeTo(2 * (c(3, 2) * 1 + c(3, 3) * 0 + c(3, 2) * 3) + 1, 12),
      expect.closeTo(2 * (c(2, 3) * 0 + c(2, 2) * 3) + 1, 12),
    ]);
    expect(() => ag.gcnLayer(ag.constant([[1]]), [[0, 1]], ag.constant([[1]]), null)).toThrow(RangeError);
  });

  it("GAT's attention is static for any weights; GATv2's is not", () => {
    const N = 6;
    const full = Array.from({ length: N }, () => new Array<number>(N).fill(1));
    let v2Conflicts = 0;
    for (let s = 1; s <= 20; s++) {
      const r = rng(s);
      const h = ag.constant(mat(r, N, 4));
      const gat = ag.gatLayer(h, full, ag.constant(mat(r, 4, 3)), ag.constant(mat(r, 6, 1)));
      const rows = (t: ag.Tensor) => t.toArray();
      expect(rankConflicts(rows(gat.attention), full).conflicting).toBe(0);
      const v2 = ag.gatv2Layer(
        h,
        full,
        ag.constant(mat(r, 4, 3)),
        ag.constant(mat(r, 4, 3)),
        ag.constant(mat(r, 3, 1)),
      );
      v2Conflicts += rankConflicts(rows(v2.attention), full).conflicting;
    }
    expect(v2Conflicts).toBeGreaterThan(0);
  });
});
