import { describe, expect, it } from "vitest";
import { bottleneckExperiment, bottleneckPoints } from "../../../lib/experiments/bottleneck";

describe("bottleneckExperiment", () => {
  const opts = { maxLength: 12, hidden: 8, tokenSize: 4, train: 200, test: 100, seed: 2 };
  const last = bottleneckExperiment(opts);
  const mean = bottleneckExperiment({ ...opts, summary: "mean" });

  it("measures every length from 1 to maxLength, one R² per position", () => {
    expect(last.map((p) => p.length)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    last.forEach((p) => {
      expect(p.singleByPosition.length).toBe(p.length);
      expect(p.attentionByPosition.length).toBe(p.length);
    });
  });
  it("the single vector loses the early positions as sequences grow; attention does not", () => {
    expect(last[0].single).toBeGreaterThan(0.85);
    expect(last[11].single).toBeLessThan(0.35);
    expect(last[11].attention).toBeGreaterThan(0.7);
    // The last position is still well kept in the last state; the first is gone.
    const p = last[11].singleByPosition;
    expect(p[11]).toBeGreaterThan(0.7);
    expect(p[0]).toBeLessThan(0.15);
    for (const q of [last, mean]) expect(q[11].single).toBeLessThan(q[11].attention);
  });
  it("stays below the linear capacity bound d / (m L) up to sampling noise", () => {
    for (const q of [last, mean]) for (const p of q) expect(p.single).toBeLessThan(p.bound + 0.05);
    expect(last[5].bound).toBeCloseTo(8 / 24, 12);
  });
  it("is reproducible from the seed", () => {
    const again = bottleneckExperiment(opts);
    expect(again.map((p) => p.single)).toEqual(last.map((p) => p.single));
    expect(bottleneckExperiment({ ...opts, seed: 3 })[2].single).not.toBe(last[2].single);
  });
  it("rejects bad sizes", () => {
    expect(() => bottleneckExperiment({ hidden: 0 })).toThrow(RangeError);
    expect(() => bottleneckExperiment({ train: 1 })).toThrow(RangeError);
  });
  it("bottleneckPoints yields the same points one length at a time", () => {
    const points = bottleneckPoints(opts);
    const first = points.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual(last[0]);
    expect([first.value, ...points]).toEqual(last);
    expect(() => bottleneckPoints({ hidden: 0 }).next()).toThrow(RangeError);
  });
});
