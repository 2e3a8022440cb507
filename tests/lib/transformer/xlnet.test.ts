import { describe, expect, it } from "vitest";
import { xlnetMasks } from "../../../lib/transformer/xlnet";

describe("xlnetMasks", () => {
  it("identity order gives causal masks (query stream strictly causal)", () => {
    const m = xlnetMasks([0, 1, 2]);
    expect(m.content.map((r) => r.map(Number))).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
    expect(m.query.map((r) => r.map(Number))).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
    ]);
  });
  it("follows ranks, not positions, and the query stream never sees itself", () => {
    const m = xlnetMasks([3, 1, 0, 2]);
    expect(m.rank).toEqual([2, 1, 3, 0]);
    for (let i = 0; i < 4; i++) {
      expect(m.query[i][i]).toBe(false);
      expect(m.content[i][i]).toBe(true);
      for (let j = 0; j < 4; j++) expect(m.content[i][j]).toBe(m.query[i][j] || i === j);
    }
    // The first position predicted (3) sees nothing in the query stream.
    expect(m.query[3].some(Boolean)).toBe(false);
    // The last predicted (2) sees every other position.
    expect(m.query[2].map(Number)).toEqual([1, 1, 0, 1]);
  });
  it("rejects orders that are not permutations", () => {
    expect(() => xlnetMasks([0, 0])).toThrow(/twice/);
    expect(() => xlnetMasks([0, 2])).toThrow(/not in/);
    expect(() => xlnetMasks([])).toThrow(RangeError);
  });
});
