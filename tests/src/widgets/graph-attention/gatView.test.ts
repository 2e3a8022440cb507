import { describe, expect, it } from "vitest";
import { encodeGraph, graphPresets } from "../../../../src/widgets/graph-attention/graphCodec";
import { computeGat, gatSpec } from "../../../../src/widgets/graph-attention/gatView";
import { defaults } from "../../../../src/widgets/primitives/urlState";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("graph-attention widget model", () => {
  it("computes the default graph: each node's attention over its neighbours sums to 1", () => {
    const v = computeGat(defaults(gatSpec));
    for (const row of v.attention) expect(sum(row)).toBeCloseTo(1, 12);
    expect(sum(v.rows.map((r) => r.alpha))).toBeCloseTo(1, 12);
    // h'_i before the ELU is Σ_j α_ij W h_j; the ELU keeps positive entries.
    v.sum.forEach((s, t) => s > 0 && expect(v.hPrime[t]).toBeCloseTo(s, 12));
    expect(v.tex).toContain("\\alpha");
  });

  it("computes every preset graph with 1 to 8 heads", () => {
    for (const [name, p] of Object.entries(graphPresets))
      for (const heads of [1, 3, 8]) {
        const v = computeGat({ ...defaults(gatSpec), g: encodeGraph(p.graph), heads, head: heads, node: 35 });
        expect(v.concat, name).toHaveLength(heads * 2);
        expect(v.node).toBe(p.graph.nodes.length - 1);
      }
  });
});
