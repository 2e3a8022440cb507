import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  KEYS,
  computeSpot,
  fromPolar,
  snap,
  spotSpec,
} from "../../../../src/widgets/why-attention/spotModel";

describe("Spotlight widget model", () => {
  it("computes the default query: dot-product scores over the eight keys and their softmax", () => {
    const { qx, qy } = defaults(spotSpec);
    const v = computeSpot(qx, qy);
    const scores = KEYS.map(([a, b]) => a * qx + b * qy);
    v.scores.forEach((s, j) => expect(s).toBeCloseTo(scores[j], 12));
    const e = scores.map((s) => Math.exp(s - Math.max(...scores)));
    const sum = e.reduce((a, b) => a + b, 0);
    v.weights.forEach((w, j) => expect(w).toBeCloseTo(e[j] / sum, 12));
    const rx = v.weights.reduce((a, w, j) => a + w * KEYS[j][0], 0);
    expect(v.readout[0]).toBeCloseTo(rx, 12);
    expect(v.length).toBeCloseTo(1.5, 12);
  });

  it("a zero query gives uniform weights; the pad's corners and polar input stay on the pad", () => {
    expect(computeSpot(0, 0).weights.every((w) => Math.abs(w - 1 / 8) < 1e-15)).toBe(true);
    for (const [x, y] of [
      [-3, -3],
      [3, 3],
    ])
      expect(computeSpot(x, y).weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(fromPolar(90, 2)).toEqual([0, 2]);
    expect(snap(7)).toBe(3);
  });
});
