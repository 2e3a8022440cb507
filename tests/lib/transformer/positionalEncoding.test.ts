import { describe, expect, it } from "vitest";
import { positionalEncoding } from "../../../lib/transformer/positionalEncoding";

describe("positionalEncoding", () => {
  it("alternates sin/cos with wavelengths base^(2i/d); odd d ends on a sin column", () => {
    const pe = positionalEncoding(3, 5);
    expect(pe.shape).toEqual([3, 5]);
    expect(Array.from(pe.row(0))).toEqual([0, 1, 0, 1, 0]);
    expect(pe.get(2, 2)).toBeCloseTo(Math.sin(2 / 10000 ** (2 / 5)), 15);
    expect(pe.get(2, 3)).toBeCloseTo(Math.cos(2 / 10000 ** (2 / 5)), 15);
    expect(pe.get(2, 4)).toBeCloseTo(Math.sin(2 / 10000 ** (4 / 5)), 15);
  });

  it("accepts explicit positions and a base, and rejects bad input", () => {
    expect(positionalEncoding([10000], 2, { base: 100 }).get(0, 0)).toBeCloseTo(Math.sin(10000), 12);
    expect(() => positionalEncoding(0, 4)).toThrow(RangeError);
    expect(() => positionalEncoding([NaN], 4)).toThrow(RangeError);
    expect(() => positionalEncoding(2, 0)).toThrow(/dModel/);
  });
});
