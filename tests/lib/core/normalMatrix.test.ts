import { describe, expect, it } from "vitest";
import { normalMatrix } from "../../../lib/core/normalMatrix";
import { rng } from "../../../lib/core/random";

describe("normalMatrix", () => {
  it("is reproducible from the seed and has the asked shape", () => {
    const a = normalMatrix(3, 5, rng(11));
    expect(a.shape).toEqual([3, 5]);
    expect(Array.from(a.data)).toEqual(Array.from(normalMatrix(3, 5, rng(11)).data));
    expect(Array.from(a.data)).not.toEqual(Array.from(normalMatrix(3, 5, rng(12)).data));
  });
  it("has mean about 0 and standard deviation about scale", () => {
    const m = normalMatrix(200, 50, rng(2), 3);
    const n = m.data.length;
    const mean = m.data.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(m.data.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(sd).toBeGreaterThan(2.9);
    expect(sd).toBeLessThan(3.1);
  });
  it("rejects a non-finite scale", () => {
    expect(() => normalMatrix(1, 1, rng(1), Infinity)).toThrow(RangeError);
  });
});
