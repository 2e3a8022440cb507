import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  BN_SHARPNESS,
  HIDDEN_SIZES,
  MAX_LENGTH,
  TOKEN_SIZE,
  bnHidden,
  bnKey,
  bnPoints,
  bnSpec,
  chartY,
} from "../../../../src/widgets/why-attention/bnModel";
import { expectLinkFieldErrors } from "../linkFieldErrors";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The first `k` lengths the widget measures for one state (the whole curve takes seconds). */
const first = (s: Parameters<typeof bnPoints>[0], k: number) => {
  const it = bnPoints(s);
  return Array.from({ length: k }, () => it.next().value!);
};

describe("bottleneck widget model", () => {
  it("computes the default state: R² per length, the capacity bound min(1, d/(m·L)) and attention above it", () => {
    const s = defaults(bnSpec);
    expect([s.summary, s.hidden, s.seed, s.length]).toEqual(["last", 16, 1, 12]);
    expect([MAX_LENGTH, TOKEN_SIZE, BN_SHARPNESS]).toEqual([24, 4, 8]);
    const points = first(s, 3);
    points.forEach((p, i) => {
      const L = i + 1;
      expect(p.length).toBe(L);
      expect(p.bound).toBe(Math.min(1, 16 / (4 * L)));
      expect(p.singleByPosition).toHaveLength(L);
      expect(p.attentionByPosition).toHaveLength(L);
      expect(p.single).toBeCloseTo(mean(p.singleByPosition), 12);
      expect(p.attention).toBeCloseTo(mean(p.attentionByPosition), 12);
      expect(Array.isArray(p.singleByPosition)).toBe(true); // plain arrays: island props serialise
    });
    // One token fits in d = 16 whichever way it is read; by L = 3 the single vector falls behind.
    expect(points[0].single).toBeCloseTo(points[0].attention, 12);
    expect(points[2].single).toBeLessThan(points[2].attention - 0.2);
    expect(points[2].attention).toBeGreaterThan(0.9);
    expect(bnKey(s)).toBe("last:16:1");
  });

  it("computes every summary and state size the selects offer (the first length of each)", () => {
    for (const summary of ["last", "mean"] as const)
      for (const hidden of HIDDEN_SIZES) {
        const [p] = first({ summary, hidden, seed: 1 }, 1);
        expect(p.length, `${summary}, d = ${hidden}`).toBe(1);
        expect(p.bound).toBe(Math.min(1, hidden / TOKEN_SIZE));
        expect(p.single).toBeGreaterThan(0);
        expect(p.single).toBeLessThanOrEqual(1);
      }
    expect(bnHidden(12)).toBe(16);
    expect(chartY(-0.3)).toBe(0);
    expect(chartY(0.4)).toBe(0.4);
  });

  it("reports every field of a corrupted link by name, including a state size the select does not offer", () => {
    expect(() => bnSpec.hidden.parse("12")).toThrow("12 is not one of 4, 8, 16, 32");
    expectLinkFieldErrors("bn", bnSpec, {
      summary: { value: "first", says: '"first" is not one of last, mean' },
      hidden: { value: "12", says: "12 is not one of 4, 8, 16, 32" },
      seed: { value: "-1", says: "-1 is outside [0, 1000000]" },
      length: { value: "25", says: "25 is outside [1, 24]" },
    });
  });
});
