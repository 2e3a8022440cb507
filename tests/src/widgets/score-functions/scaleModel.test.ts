import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  DIMS,
  KEY_COUNTS,
  TOP,
  dimOf,
  keyCount,
  measure,
  measuredKey,
  pick,
  samplesFor,
  scaleSpec,
} from "../../../../src/widgets/score-functions/scaleModel";
import { expectLinkFieldErrors } from "../linkFieldErrors";
import { softmax } from "../../claims/independent";

const close = (got: ArrayLike<number>, want: number[]) =>
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));
const entropy = (w: number[]) => -w.reduce((a, x) => a + (x > 0 ? x * Math.log(x) : 0), 0);

/** One sampled query's view checked by hand: scaled = raw/√d, the weights their softmax, the top 8 and the rest. */
function expectView(s: Parameters<typeof pick>[0]) {
  const v = pick(s);
  const n = keyCount(s.keys);
  const raw = Array.from(v.sample.raw);
  expect(v.d).toBe(2 ** s.logd);
  expect(raw).toHaveLength(n);
  close(
    v.sample.scaled,
    raw.map((x) => x / Math.sqrt(v.d)),
  );
  close(v.sample.weights, softmax(raw));
  close(v.sample.weightsScaled, softmax(raw.map((x) => x / Math.sqrt(v.d))));
  const w = s.scaled ? softmax(raw.map((x) => x / Math.sqrt(v.d))) : softmax(raw);
  const order = w.map((x, j) => [x, j]).sort((a, b) => b[0] - a[0]);
  expect(v.top.map((t) => t.key)).toEqual(order.slice(0, TOP).map(([, j]) => j));
  v.top.forEach((t) => {
    expect(t.weight).toBeCloseTo(w[t.key], 12);
    expect(t.score).toBeCloseTo(s.scaled ? raw[t.key] / Math.sqrt(v.d) : raw[t.key], 12);
  });
  expect(v.rest).toBeCloseTo(
    order.slice(TOP).reduce((a, [x]) => a + x, 0),
    12,
  );
  return v;
}

describe("√d saturation widget model", () => {
  it("computes the default state: d = 256, 16 keys, and the measured curves that saturate without √d", () => {
    const s = defaults(scaleSpec);
    expect(s).toEqual({ seed: 1, keys: 16, logd: 8, scaled: false, measure: "max" });
    const v = expectView(s);
    // At d = 256 the raw scores spread about √256 = 16, so one key takes nearly all the weight.
    expect(v.top[0].weight).toBeGreaterThan(0.99);
    const m = measure(s);
    expect(m).toMatchObject({ key: "1:16", keys: 16, samples: 80 });
    expect(m.points.map((p) => p.d)).toEqual(DIMS);
    for (const p of m.points) {
      // The spread of qᵀk grows like √d (80 queries × 16 keys: within 25 %), and dividing by √d undoes it.
      expect(p.std / Math.sqrt(p.d)).toBeGreaterThan(0.75);
      expect(p.std / Math.sqrt(p.d)).toBeLessThan(1.25);
      expect(p.stdScaled).toBeCloseTo(p.std / Math.sqrt(p.d), 12);
      // Scaled, the largest weight stays near what 16 standard normal scores give (about 0.21).
      expect(p.maxWeightScaled).toBeGreaterThan(0.2);
      expect(p.maxWeightScaled).toBeLessThan(0.27);
      expect(p.entropy).toBeLessThanOrEqual(Math.log(16) + 1e-12);
    }
    const [first, last] = [m.points[0], m.points.at(-1)!];
    expect(first.maxWeight).toBeCloseTo(first.maxWeightScaled, 12); // √1 = 1
    expect(last.maxWeight).toBeGreaterThan(0.9);
    expect(last.entropy).toBeLessThan(first.entropy / 5);
  });

  it("computes every key count, every dimension, raw and scaled", () => {
    for (const keys of KEY_COUNTS) {
      expect(samplesFor(keys)).toBe(1280 / keys);
      for (const logd of [0, 1, 4, 8, 10])
        for (const scaled of [false, true]) expectView({ seed: 3, keys, logd, scaled, measure: "entropy" });
    }
    expect(DIMS).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(dimOf(10)).toBe(1024);
    // A key count the select does not offer is measured as 16.
    expect(keyCount(5)).toBe(16);
    expect(measuredKey({ seed: 7, keys: 32 })).toBe("7:32");
    const w = expectView({ seed: 3, keys: 32, logd: 0, scaled: false, measure: "max" }).sample.weights;
    expect(entropy(Array.from(w))).toBeLessThanOrEqual(Math.log(32));
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("sd", scaleSpec, {
      seed: { value: "", says: '"" is not a number' },
      keys: { value: "64", says: "64 is outside [4, 32]" },
      logd: { value: "11", says: "11 is outside [0, 10]" },
      scaled: { value: "yes", says: '"yes" is not 0 or 1' },
      measure: { value: "mean", says: '"mean" is not one of max, entropy' },
    });
  });
});
