import { describe, expect, it } from "vitest";
import { pointerSort, pointerStep } from "../../../lib/attention/pointer";

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe("pointerStep", () => {
  it("is a softmax over the allowed positions, zero on the masked ones", () => {
    const s = pointerStep([0, 5, Math.log(3)], [1, 0, 1]);
    expect(Array.from(s.probs).map((p) => +p.toFixed(6))).toEqual([0.25, 0, 0.75]);
    expect(s.choice).toBe(2);
  });
  it("breaks ties toward the lowest index", () => {
    expect(pointerStep([1, 1, 1], [1, 1, 1]).choice).toBe(0);
  });
  it("rejects an empty input, a mask of the wrong length and an all-masked step", () => {
    expect(() => pointerStep([], [])).toThrow(RangeError);
    expect(() => pointerStep([1, 2], [1])).toThrow(/length 2.*length 1/);
    expect(() => pointerStep([1, 2], [0, 0])).toThrow(/every key is masked/);
  });
});

describe("pointerSort", () => {
  it("points at the sorted order (ascending and descending)", () => {
    const x = [5, -2, 9, 0.5, 3];
    const asc = Array.from(pointerSort(x).order).map((j) => x[j]);
    expect(asc).toEqual([...x].sort((a, b) => a - b));
    const desc = Array.from(pointerSort(x, { order: "descending" }).order).map((j) => x[j]);
    expect(desc).toEqual([...x].sort((a, b) => b - a));
  });
  it("keeps duplicates and is stable (equal values in input order)", () => {
    expect(Array.from(pointerSort([2, 1, 2, 1]).order)).toEqual([1, 3, 0, 2]);
  });
  it("each step is a distribution that never points at a position already chosen", () => {
    const r = pointerSort([4, 8, 1, 7, 3, 3], { beta: 2 });
    const used = new Set<number>();
    for (const step of r.steps) {
      expect(sum(step.probs)).toBeCloseTo(1, 12);
      for (const j of used) expect(step.probs[j]).toBe(0);
      used.add(step.choice);
    }
    expect(used.size).toBe(6);
  });
  it("first step by hand: x = [3, 1, 2], β = 2 gives softmax of [-2, 0, -1]", () => {
    const r = pointerSort([3, 1, 2], { beta: 2 });
    const e = [Math.exp(-2), 1, Math.exp(-1)];
    const z = e[0] + e[1] + e[2];
    expect(Array.from(r.steps[0].probs)).toEqual(e.map((v) => expect.closeTo(v / z, 12)));
    // Last step: only one position is left, so it gets probability 1.
    expect(r.steps[2].probs[0]).toBe(1);
    expect(r.probability).toBeCloseTo((1 / z) * (1 / (1 + Math.exp(-1))), 12);
  });
  it("β = 0 gives uniform pointers over what is left; larger β is more confident", () => {
    const flat = pointerSort([3, 1, 2], { beta: 0 });
    expect(Array.from(flat.steps[0].probs)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(pointerSort([3, 1, 2], { beta: 20 }).probability).toBeGreaterThan(
      pointerSort([3, 1, 2], { beta: 2 }).probability,
    );
  });
  it("all-equal inputs are fine (range falls back to 1)", () => {
    expect(Array.from(pointerSort([7, 7, 7]).order)).toEqual([0, 1, 2]);
  });
  it("rejects empty input, non-finite numbers and a bad β", () => {
    expect(() => pointerSort([])).toThrow(/empty/);
    expect(() => pointerSort([1, NaN])).toThrow(/x\[1\] is NaN/);
    expect(() => pointerSort([1, 2], { beta: -1 })).toThrow(/β/);
  });
});
