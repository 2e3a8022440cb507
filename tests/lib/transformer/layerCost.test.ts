import { describe, expect, it } from "vitest";
import { layerCost } from "../../../lib/transformer/layerCost";

describe("layerCost", () => {
  it("counts n²d for self-attention and nd² for recurrence", () => {
    const c = layerCost(10, 4);
    expect(c.selfAttention).toBe(400);
    expect(c.recurrent).toBe(160);
    expect(c.convolution).toBe(480);
    expect(c.cheaper).toBe("recurrent");
  });
  it("crosses over at n = d", () => {
    expect(layerCost(64, 64).cheaper).toBe("equal");
    expect(layerCost(63, 64).cheaper).toBe("self-attention");
    expect(layerCost(65, 64).cheaper).toBe("recurrent");
    expect(layerCost(5, 64).crossover).toBe(64);
  });
  it("rejects non-positive or fractional sizes", () => {
    expect(() => layerCost(0, 4)).toThrow(RangeError);
    expect(() => layerCost(3, 2.5)).toThrow(/d must be a positive integer/);
  });
});
