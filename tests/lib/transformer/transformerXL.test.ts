import { describe, expect, it } from "vitest";
import { transformerXLContext, transformerXLMask } from "../../../lib/transformer/transformerXL";

describe("transformerXLMask", () => {
  it("allows all memory and the causal part of the segment", () => {
    const m = transformerXLMask(3, 2);
    expect(m.map((r) => r.map(Number))).toEqual([
      [1, 1, 1, 0, 0],
      [1, 1, 1, 1, 0],
      [1, 1, 1, 1, 1],
    ]);
  });
  it("reduces to a causal mask without memory", () => {
    expect(transformerXLMask(2, 0).map((r) => r.map(Number))).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });
  it("rejects bad sizes", () => {
    expect(() => transformerXLMask(0, 2)).toThrow(RangeError);
    expect(() => transformerXLMask(2, -1)).toThrow(RangeError);
  });
});

describe("transformerXLContext", () => {
  it("grows by one memory length per layer (≈ L × N)", () => {
    expect(transformerXLContext(1, 4)).toEqual({ reach: 4, total: 8 });
    expect(transformerXLContext(16, 512)).toEqual({ reach: 8192, total: 8704 });
    expect(transformerXLContext(3, 4, 0)).toEqual({ reach: 0, total: 4 });
  });
  it("rejects bad sizes", () => {
    expect(() => transformerXLContext(0, 4)).toThrow(/layers/);
  });
});
