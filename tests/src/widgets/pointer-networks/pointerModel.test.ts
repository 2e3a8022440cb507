import { describe, expect, it } from "vitest";
import { computePointer, pointerSpec } from "../../../../src/widgets/pointer-networks/pointerModel";
import { defaults } from "../../../../src/widgets/primitives/urlState";

describe("pointer-network widget model", () => {
  it("computes the default list: the pointers sort it, masking what was chosen", () => {
    const r = computePointer(defaults(pointerSpec));
    if (!r.ok) throw new Error(r.error);
    const { xs, order, allow, probs } = r.view;
    expect(xs).toEqual([5, -2, 9, 0.5, 3, 7]);
    expect(order.map((i) => xs[i])).toEqual([-2, 0.5, 3, 5, 7, 9]);
    order.forEach((j, t) => {
      expect(allow[t][j]).toBe(1);
      for (let u = t + 1; u < order.length; u++) expect(allow[u][j]).toBe(0);
      expect(probs[t].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
    expect(r.view.probability).toBeGreaterThan(0);
  });

  it("computes descending order and any β, including 0 (uniform first pointer)", () => {
    const d = computePointer({ ...defaults(pointerSpec), order: "descending" });
    expect(d.ok && d.view.order.map((i) => d.view.xs[i])).toEqual([9, 7, 5, 3, 0.5, -2]);
    const flat = computePointer({ ...defaults(pointerSpec), beta: 0 });
    if (!flat.ok) throw new Error(flat.error);
    for (const p of flat.view.probs[0]) expect(p).toBeCloseTo(1 / 6, 12);
  });

  it("reports every field error", () => {
    const base = defaults(pointerSpec);
    for (const xs of ["", "1 two 3", Array(13).fill(1).join(" "), "1e7"]) {
      const r = computePointer({ ...base, xs });
      expect(r.ok, xs).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^The list/);
    }
  });
});
