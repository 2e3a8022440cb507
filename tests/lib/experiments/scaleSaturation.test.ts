import { describe, expect, it } from "vitest";
import { scaleSaturation, scaleSaturationSample } from "../../../lib/experiments/scaleSaturation";

describe("scaleSaturation", () => {
  const dims = [1, 4, 16, 64, 256];
  const points = scaleSaturation(dims, { keys: 8, samples: 150, seed: 5 });

  it("measures a spread of qᵀk close to √d, and close to 1 after scaling", () => {
    for (const p of points) {
      expect(p.std / Math.sqrt(p.d)).toBeGreaterThan(0.85);
      expect(p.std / Math.sqrt(p.d)).toBeLessThan(1.15);
      expect(p.stdScaled).toBeCloseTo(p.std / Math.sqrt(p.d), 12);
    }
  });
  it("saturates softmax without scaling and not with it", () => {
    const first = points[0];
    const last = points[points.length - 1];
    expect(last.maxWeight).toBeGreaterThan(0.85);
    expect(last.entropy).toBeLessThan(0.5);
    expect(last.maxWeightScaled).toBeLessThan(0.5);
    expect(last.entropyScaled).toBeGreaterThan(1.5);
    // At d = 1 scaling is the identity.
    expect(first.maxWeight).toBeCloseTo(first.maxWeightScaled, 12);
    // Unscaled saturation grows with d.
    for (let i = 1; i < points.length; i++)
      expect(points[i].maxWeight).toBeGreaterThan(points[i - 1].maxWeight - 0.02);
  });
  it("keeps entropies within [0, log n]", () => {
    for (const p of points) {
      for (const h of [p.entropy, p.entropyScaled]) {
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(Math.log(8) + 1e-9);
      }
    }
  });
  it("is reproducible, and a dimension's numbers do not depend on the others measured", () => {
    const again = scaleSaturation([64], { keys: 8, samples: 150, seed: 5 })[0];
    expect(again).toEqual(points[3]);
    expect(scaleSaturation([64], { keys: 8, samples: 150, seed: 6 })[0].std).not.toBe(points[3].std);
  });
  it("rejects bad options", () => {
    expect(() => scaleSaturation([0])).toThrow(RangeError);
    expect(() => scaleSaturation([4], { keys: 1 })).toThrow(RangeError);
    expect(() => scaleSaturation([4], { samples: 1.5 })).toThrow(RangeError);
  });
});

describe("scaleSaturationSample", () => {
  it("returns the scores and both softmaxes of one query", () => {
    const s = scaleSaturationSample(16, 5, 2);
    expect(s.raw.length).toBe(5);
    s.raw.forEach((x, j) => expect(s.scaled[j]).toBeCloseTo(x / 4, 12));
    for (const w of [s.weights, s.weightsScaled]) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Math.max(...s.weights)).toBeGreaterThanOrEqual(Math.max(...s.weightsScaled) - 1e-12);
  });
  it("rejects a bad d or key count", () => {
    expect(() => scaleSaturationSample(0, 4, 1)).toThrow(RangeError);
    expect(() => scaleSaturationSample(4, 1, 1)).toThrow(RangeError);
  });
});
