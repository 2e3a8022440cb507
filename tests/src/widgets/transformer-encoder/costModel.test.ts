import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { computeCost, costSpec, costTex } from "../../../../src/widgets/transformer-encoder/costModel";
import { expectLinkFieldErrors } from "../linkFieldErrors";

describe("layer-cost widget model", () => {
  it("computes the default state, n = 100 and d = 512: n²d = 5.12 × 10⁶ against nd² = 2.62 × 10⁷", () => {
    const s = defaults(costSpec);
    const { curve, at } = computeCost(s);
    expect(at.selfAttention).toBe(100 * 100 * 512);
    expect(at.recurrent).toBe(100 * 512 * 512);
    expect(at.cheaper).toBe("self-attention");
    // The chart's n: 2^(k/4) rounded for k = 0 … 48, each once, from 1 to 4096.
    const ns = [...new Set(Array.from({ length: 49 }, (_, k) => Math.round(Math.pow(2, k / 4))))];
    expect(curve.map((p) => p.n)).toEqual(ns);
    for (const p of curve) {
      expect(p.selfAttention).toBe(p.n * p.n * 512);
      expect(p.recurrent).toBe(p.n * 512 * 512);
    }
    const tex = costTex(s);
    expect(tex).toContain("100^2 \\cdot 512 = 5.12 \\times 10^{6}");
    expect(tex).toContain("100 \\cdot 512^2 = 2.62 \\times 10^{7}");
    expect(tex).toContain("\\frac{100}{512} = 0.1953 < 1 && \\text{self-attention is cheaper}");
  });

  it("computes the crossover n = d and both sides of it, at the sliders' ends", () => {
    expect(costTex({ n: 512, d: 512 })).toContain("\\frac{512}{512} = 1 && \\text{both cost the same}");
    const long = costTex({ n: 4096, d: 8 });
    expect(long).toContain("4096^2 \\cdot 8 = 1.34 \\times 10^{8}");
    expect(long).toContain("4096 \\cdot 8^2 = 2.62 \\times 10^{5}");
    expect(long).toContain("\\frac{4096}{8} = 512 > 1 && \\text{recurrence is cheaper}");
    for (const [n, d] of [
      [1, 8],
      [1, 2048],
      [4096, 2048],
      [2048, 2048],
    ]) {
      const { at } = computeCost({ n, d });
      expect(at.selfAttention / at.recurrent).toBeCloseTo(n / d, 12);
      expect(at.cheaper).toBe(n < d ? "self-attention" : n > d ? "recurrent" : "equal");
    }
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("cost", costSpec, {
      n: { value: "abc", says: '"abc" is not a number' },
      d: { value: "4", says: "4 is outside [8, 2048]" },
    });
  });
});
