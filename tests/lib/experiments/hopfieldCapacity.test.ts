import { describe, expect, it } from "vitest";
import { CAPACITY_PRESETS, capacityExperiment } from "../../../lib/experiments/hopfieldCapacity";

describe("Hopfield capacity experiment", () => {
  it("capacity experiment: recall falls as the load P/M grows, reproducibly", () => {
    const r = capacityExperiment(50, [2, 25], 4, 3);
    expect(r.map((x) => x.ratio)).toEqual([0.04, 0.5]);
    expect(r[0].successRate).toBe(1);
    expect(r[1].successRate).toBeLessThan(0.5);
    expect(capacityExperiment(50, [2, 25], 4, 3)).toEqual(r);
    const { neurons, patternCounts, trials } = CAPACITY_PRESETS.tiny;
    expect(capacityExperiment(neurons, patternCounts, trials, 1, { noise: 0.1 })).toHaveLength(
      patternCounts.length,
    );
  });
});
