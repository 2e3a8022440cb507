import { describe, expect, it } from "vitest";
import { KARATE_CITATION, KARATE_EDGES, KARATE_FACTIONS, KARATE_NODES } from "../../../src/data/karate";

const degrees = () => {
  const d = new Array<number>(KARATE_NODES).fill(0);
  for (const [a, b] of KARATE_EDGES) {
    d[a]++;
    d[b]++;
  }
  return d;
};

describe("Zachary's karate club", () => {
  it("has 34 nodes and 78 distinct undirected edges, no self-loops", () => {
    expect(KARATE_NODES).toBe(34);
    expect(KARATE_EDGES).toHaveLength(78);
    const keys = new Set(KARATE_EDGES.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
    expect(keys.size).toBe(78);
    for (const [a, b] of KARATE_EDGES) {
      expect(a).not.toBe(b);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(34);
    }
  });

  it("has the known degrees (1-based: member 1 → 16, member 34 → 17, member 33 → 12)", () => {
    const d = degrees();
    expect(d[0]).toBe(16);
    expect(d[33]).toBe(17);
    expect(d[32]).toBe(12);
    expect(d).toEqual([
      16, 9, 10, 6, 3, 4, 4, 4, 5, 2, 3, 1, 2, 5, 2, 2, 2, 2, 2, 3, 2, 2, 2, 5, 3, 3, 2, 4, 3, 4, 4, 6, 12,
      17,
    ]);
    expect(d.reduce((s, x) => s + x, 0)).toBe(2 * 78);
  });

  it("splits into two factions of 17, the instructor with 'hi' and the administrator with 'officer'", () => {
    expect(KARATE_FACTIONS).toHaveLength(34);
    expect(KARATE_FACTIONS.filter((f) => f === "hi")).toHaveLength(17);
    expect(KARATE_FACTIONS[0]).toBe("hi");
    expect(KARATE_FACTIONS[33]).toBe("officer");
    expect(KARATE_FACTIONS[8]).toBe("hi");
    expect(KARATE_FACTIONS[9]).toBe("officer");
    expect(KARATE_CITATION).toMatch(/Zachary.*1977.*33\(4\), 452–473/);
  });
});
