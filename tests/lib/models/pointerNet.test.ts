import { describe, expect, it } from "vitest";
import { createPointerNetModel } from "../../../lib/models/pointerNet";
import {
  SORT_LENGTH,
  SORT_MAX_LENGTH,
  ascendingOrder,
  makeSortBatch,
  parseUnitList,
  sortHeldOut,
  sortScore,
  sortStream,
  sortStressSets,
} from "../../../lib/models/sortTask";

const small = { hidden: 8, embed: 4, batch: 8 } as const;

/** Row b of a (size, length) array. */
const row = (a: ArrayLike<number>, b: number, L: number) => Array.from(a).slice(b * L, (b + 1) * L);

describe("sorting task", () => {
  it("orders positions by value, ties in input order", () => {
    expect(Array.from(ascendingOrder([0.5, 0.1, 0.5, 0]))).toEqual([3, 1, 0, 2]);
    expect(Array.from(ascendingOrder([0.9]))).toEqual([0]);
  });

  it("streams seeded lists of 5 numbers in [0, 1) with their ascending orders", () => {
    const a = sortStream(3, 16);
    const b = sortStream(3, 16);
    for (let i = 0; i < 50; i++) {
      const x = a();
      expect(b().xs).toEqual(x.xs);
      expect(x.length).toBe(SORT_LENGTH);
      expect(x.xs.every((v) => v >= 0 && v < 1)).toBe(true);
      for (let s = 0; s < x.size; s++) {
        const xs = row(x.xs, s, 5);
        const sorted = row(x.order, s, 5).map((j) => xs[j]);
        expect(sorted).toEqual([...xs].sort((p, q) => p - q));
      }
    }
    expect(sortStream(4, 16)().xs).not.toEqual(sortStream(3, 16)().xs);
  });

  it("holds out 500 fixed lists that the training stream does not produce", () => {
    const h = sortHeldOut();
    expect(h.size).toBe(500);
    expect(sortHeldOut().xs).toEqual(h.xs);
    const held = new Set(Array.from(h.xs));
    const train = sortStream(1, 32);
    for (let i = 0; i < 20; i++) expect(train().xs.some((v) => held.has(v))).toBe(false);
  });

  it("scores a decoding by value: equal values may swap, a wrong value costs its step", () => {
    const batch = makeSortBatch([
      [0.3, 0.7, 0.3],
      [0.9, 0.1, 0.5],
    ]);
    // List 1: the tie taken the other way round is right; list 2: the last two swapped.
    const s = sortScore(batch, Int32Array.from([2, 0, 1, 1, 0, 2]));
    expect(s.perStep).toBeCloseTo(4 / 6, 15);
    expect(s.exactOrder).toBe(0.5);
    expect(() => sortScore(batch, [0, 1])).toThrow(/2 choices for 2 lists of 3/);
    expect(() => makeSortBatch([[0.1], [0.2, 0.3]])).toThrow(/list 1 has 2/);
  });

  it("builds stress sets that are what their labels say", () => {
    const sets = sortStressSets();
    expect(sets.map((s) => s.label)).toEqual([
      "length 5",
      "close pair < 0.01",
      "close pair < 0.001",
      "a tie",
      "length 8",
      "length 12",
    ]);
    const minGap = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return Math.min(...s.slice(1).map((v, i) => v - s[i]));
    };
    const gaps = (i: number) => {
      const { batch: b } = sets[i];
      return Array.from({ length: b.size }, (_, k) => minGap(row(b.xs, k, b.length)));
    };
    expect(gaps(1).every((g) => g < 0.01)).toBe(true);
    expect(gaps(2).every((g) => g < 0.001)).toBe(true);
    expect(gaps(3).every((g) => g === 0)).toBe(true);
    expect(sets[5].batch.length).toBe(12);
    expect(sortStressSets()[2].batch.xs).toEqual(sets[2].batch.xs);
  });

  it("parses a reader's list of numbers from 0 to 1 and says what is wrong", () => {
    expect(parseUnitList(" 0.3, 0.1 .2 1 0 ")).toEqual([0.3, 0.1, 0.2, 1, 0]);
    expect(() => parseUnitList("")).toThrow(/1 to 12 numbers/);
    expect(() => parseUnitList("0.3 x")).toThrow(/"x" is not a number/);
    expect(() => parseUnitList("0.3 NaN")).toThrow(/"NaN" is not a number/);
    expect(() => parseUnitList("0.3 1.5")).toThrow(/1.5 is outside 0 to 1/);
    expect(() => parseUnitList("-0.1")).toThrow(/outside/);
    expect(() => parseUnitList(Array(13).fill("0.5").join(" "))).toThrow(/13 numbers.*at most 12/);
  });
});

describe("pointer network", () => {
  it("is deterministic per seed: the same losses and pointers to the bit", () => {
    const run = (seed: number) => {
      const m = createPointerNetModel(seed, small);
      const losses = Array.from({ length: 4 }, () => m.trainStep(m.nextBatch()).loss);
      return { losses, answer: m.query([0.4, 0.2, 0.9]) };
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(run(8).losses).not.toEqual(a.losses);
  });

  it("asking does not change the run (query, probe, measure and evaluate consume no randomness)", () => {
    const a = createPointerNetModel(2, small);
    const b = createPointerNetModel(2, small);
    a.trainStep(a.nextBatch());
    a.query([0.5, 0.5]);
    a.query("measure");
    a.evaluate();
    a.probe();
    b.trainStep(b.nextBatch());
    expect(a.trainStep(a.nextBatch()).loss).toBe(b.trainStep(b.nextBatch()).loss);
  });

  it("points with a distribution per step over the positions not yet chosen: a permutation", () => {
    const m = createPointerNetModel(1, small);
    const xs = [0.7, 0.1, 0.4, 0.4, 0.95, 0.2, 0.6];
    const out = m.sort(xs);
    expect(out.pointers.length).toBe(xs.length);
    expect([...out.order].sort((p, q) => p - q)).toEqual(xs.map((_, j) => j));
    out.pointers.forEach((p, t) => {
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      for (const j of out.order.slice(0, t)) expect(p[j]).toBe(0);
      // Greedy: the chosen position carries the most probability.
      expect(p[out.order[t]]).toBe(Math.max(...p));
    });
    expect(out.want).toEqual(Array.from(ascendingOrder(xs)));
    expect(out.correct).toEqual(out.order.map((j, t) => xs[j] === xs[out.want[t]]));
  });

  it("carries the numbers of its scores: u = vᵀ tanh(W1 e_j + W2 d_i), and the pointer is their masked softmax", () => {
    const m = createPointerNetModel(2, small);
    for (let k = 0; k < 3; k++) m.trainStep(m.nextBatch());
    const out = m.sort([0.3, 0.8, 0.1, 0.5]);
    const { u, allowed, encoder, decoder, W1, W2, v } = out.scores;
    const mv = (W: number[][], x: number[]) => W.map((r) => r.reduce((a, w, c) => a + w * x[c], 0));
    out.pointers.forEach((p, i) => {
      const q = mv(W2, decoder[i]);
      const row = encoder.map((e) => mv(W1, e).reduce((a, x, k) => a + v[k] * Math.tanh(x + q[k]), 0));
      row.forEach((x, j) => expect(u[i][j]).toBeCloseTo(x, 12));
      // Plain loops: the softmax of the allowed scores, 0 elsewhere.
      const z = row.reduce((a, x, j) => a + (allowed[i][j] ? Math.exp(x) : 0), 0);
      p.forEach((pj, j) => expect(pj).toBeCloseTo(allowed[i][j] ? Math.exp(row[j]) / z : 0, 12));
      expect(allowed[i].filter(Boolean).length).toBe(4 - i);
    });
  });

  it("without the mask, a step may point again at a position already chosen", () => {
    const m = createPointerNetModel(1, { ...small, mask: false });
    expect(m.maxSteps).toBe(1500);
    const out = m.sort([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    for (const p of out.pointers) expect(p.every((v) => v > 0)).toBe(true);
  });

  it("refuses input it cannot take with a short message", () => {
    const m = createPointerNetModel(1, small);
    const bad: unknown[] = [
      [],
      Array(SORT_MAX_LENGTH + 1).fill(0.5),
      [0.2, NaN],
      [0.2, 1.5],
      [-1],
      "0.5",
      null,
    ];
    for (const input of bad)
      expect(() => m.query(input as number[])).toThrow(new RangeError("Give 1 to 12 numbers from 0 to 1."));
    expect(m.query([1, 0]).kind).toBe("sort");
  });

  it("learns to sort: ≥ 90 % of held-out steps right after 100 steps, loss down by more than half", () => {
    const m = createPointerNetModel(1);
    const first = m.evaluate();
    for (let i = 0; i < 100; i++) m.trainStep(m.nextBatch());
    const e = m.evaluate();
    // Untrained, it gets well under 60 % of the steps right.
    expect(first.accuracy).toBeLessThan(0.6);
    expect(e.loss).toBeLessThan(0.5 * first.loss);
    expect(e.accuracy).toBeGreaterThan(0.9);
    expect(e.series?.exactOrder).toBeGreaterThan(0.6);
    const probe = m.probe();
    expect(probe.kind === "sort" && probe.heldOut?.step).toBe(100);
    const report = m.query("measure");
    expect(report.kind).toBe("report");
    if (report.kind === "report") {
      expect(report.rows.map((r) => r.lists)).toEqual([300, 300, 300, 300, 300, 300]);
      for (const r of report.rows) expect(r.exactOrder).toBeLessThanOrEqual(r.perStep);
    }
  }, 120_000);
});
