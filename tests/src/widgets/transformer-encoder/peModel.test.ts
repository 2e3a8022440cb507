import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { computePe, peSpec } from "../../../../src/widgets/transformer-encoder/peModel";

describe("positional-encoding widget model", () => {
  it("computes the default encoding: PE(p)·PE(p) = d/2 is the largest similarity", () => {
    const r = computePe(defaults(peSpec));
    if (!r.ok) throw new Error(r.error);
    const { pe, sim, p } = r.view;
    expect(pe).toHaveLength(24);
    expect(pe[0]).toHaveLength(32);
    expect(pe[3][0]).toBeCloseTo(Math.sin(3), 12);
    expect(pe[3][1]).toBeCloseTo(Math.cos(3), 12);
    expect(sim[p]).toBeCloseTo(16, 10);
    expect(Math.max(...sim)).toBeCloseTo(16, 10);
  });

  it("clamps p to the last position and reports an odd d", () => {
    const r = computePe({ n: 4, d: 8, p: 63 });
    expect(r.ok && r.view.p).toBe(3);
    expect(computePe({ n: 4, d: 7, p: 0 })).toEqual({
      ok: false,
      error: "d must be even (sines and cosines come in pairs); 7 is odd.",
    });
  });
});
