import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { computeWorked, workedSpec } from "../../../../src/widgets/self-attention/workedModel";

describe("self-attention worked example model", () => {
  it("computes the chapter's example: 112 and 96 over √64 give 14 and 12, weights 0.8808 / 0.1192", () => {
    const r = computeWorked(defaults(workedSpec));
    expect(r.root).toBe(8);
    r.raw.forEach((x, j) => expect(x).toBeCloseTo([112, 96][j], 10));
    r.scaled.forEach((x, j) => expect(x).toBeCloseTo([14, 12][j], 12));
    expect(r.weights[0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });

  it("computes every key size", () => {
    for (const dk of ["4", "16", "64", "256", "1024"] as const) {
      const r = computeWorked({ s1: 112, s2: 96, dk });
      const d = 16 / Math.sqrt(Number(dk));
      expect(r.weights[0]).toBeCloseTo(1 / (1 + Math.exp(-d)), 12);
    }
  });
});
