/**
 * The experiments that run in Web Workers stream their points one at a time; the streamed
 * points must be exactly those of the whole experiment run at once (what the build precomputes).
 */
import { describe, expect, it } from "vitest";
import { bottleneckExperiment, capacityExperiment, scaleSaturation } from "../../../../lib";
import {
  MAX_LENGTH,
  bnKey,
  bnPoints,
  measureBottleneck,
} from "../../../../src/widgets/why-attention/bnModel";
import { capacityKey, capacityPoints, counts } from "../../../../src/widgets/hopfield-networks/capacityModel";
import { DIMS, measure, scalePoints } from "../../../../src/widgets/score-functions/scaleModel";

describe("streamed experiment points", () => {
  it("bottleneck: one point per length, equal to bottleneckExperiment", () => {
    const s = { summary: "mean" as const, hidden: 8, seed: 2 };
    const first = bnPoints(s).next();
    expect(first.value?.length).toBe(1);
    const whole = bottleneckExperiment({
      maxLength: MAX_LENGTH,
      tokenSize: 4,
      hidden: 8,
      summary: "mean",
      seed: 2,
    });
    const m = measureBottleneck(s);
    expect(m.key).toBe(bnKey(s));
    expect(m.points).toHaveLength(MAX_LENGTH);
    expect(m.points.map((p) => [p.length, p.single, p.attention, p.bound])).toEqual(
      whole.map((p) => [p.length, p.single, p.attention, p.bound]),
    );
    expect(m.points[MAX_LENGTH - 1].singleByPosition).toEqual(
      Array.from(whole[MAX_LENGTH - 1].singleByPosition),
    );
  });

  it("Hopfield capacity: one point per load, each seeded by its index", () => {
    const s = { neurons: 40, trials: 2, noise: 0.1, seed: 7 };
    const todo = counts(40);
    const streamed = [...capacityPoints(s)];
    expect(streamed.map((p) => p.patterns)).toEqual(todo);
    todo.forEach((P, k) =>
      expect(streamed[k]).toEqual(capacityExperiment(40, [P], 2, 7 * 1000 + k, { noise: 0.1 })[0]),
    );
    expect(capacityKey(s)).not.toBe(capacityKey({ ...s, seed: 8 }));
  });

  it("√d: one point per dimension, equal to scaleSaturation over every dimension at once", () => {
    const s = { seed: 5, keys: 8 };
    const streamed = [...scalePoints(s)];
    expect(streamed.map((p) => p.d)).toEqual(DIMS);
    expect(streamed).toEqual(scaleSaturation(DIMS, { keys: 8, samples: 160, seed: 5 }));
    expect(measure(s).points).toEqual(streamed);
  });
});
