import { describe, expect, it } from "vitest";
import {
  capacityKey,
  capacityPoints,
  capacitySpec,
  counts,
} from "../../../../src/widgets/hopfield-networks/capacityModel";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { expectLinkFieldErrors } from "../linkFieldErrors";

describe("Hopfield capacity widget model", () => {
  it("computes the default state: loads 0.02 … 0.30 of N = 100, and exact recall at the lowest loads", () => {
    const s = defaults(capacitySpec);
    expect(counts(s.neurons)).toEqual(Array.from({ length: 15 }, (_, k) => 2 * (k + 1)));
    expect(capacityKey(s)).toBe("100:4:0:1");
    const it = capacityPoints(s);
    for (const P of [2, 4]) {
      const p = it.next().value!;
      expect(p).toEqual({ patterns: P, ratio: P / 100, successRate: 1 });
    }
  });

  it("computes every state the sliders reach at their small ends: rates are counts of recalls", () => {
    // N = 20: loads round to 0, 1, …, 6 patterns and at least 1 is kept.
    expect(counts(20)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(counts(200)).toHaveLength(15);
    for (const noise of [0, 0.3]) {
      const s = { neurons: 20, trials: 3, noise, seed: 7 };
      const points = [...capacityPoints(s)];
      expect(points.map((p) => p.patterns)).toEqual(counts(20));
      for (const p of points) {
        expect(p.ratio).toBe(p.patterns / 20);
        const recalls = p.successRate * s.trials * p.patterns; // exact recalls of P patterns × trials
        expect(Math.abs(recalls - Math.round(recalls))).toBeLessThan(1e-9);
        expect(p.successRate).toBeGreaterThanOrEqual(0);
        expect(p.successRate).toBeLessThanOrEqual(1);
      }
      // One stored pattern is always recalled from itself (noise 0): sign(x xᵀ x) = x.
      if (noise === 0) expect(points[0].successRate).toBe(1);
    }
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("cap", capacitySpec, {
      neurons: { value: "abc", says: '"abc" is not a number' },
      trials: { value: "0", says: "0 is outside [1, 20]" },
      noise: { value: "0.5", says: "0.5 is outside [0, 0.3]" },
      seed: { value: "2.5", says: "2.5 is not a whole number" },
      point: { value: "15", says: "15 is outside [0, 14]" },
    });
  });
});
