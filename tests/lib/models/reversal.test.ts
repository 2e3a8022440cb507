import { describe, expect, it } from "vitest";
import { createReversalModel } from "../../../lib/models/reversal";
import {
  EOS,
  REVERSAL_MAX_LENGTH,
  parseDigits,
  reversalHeldOut,
  reversalStream,
  sequenceKey,
} from "../../../lib/models/reversalTask";

const small = { hidden: 8, embed: 4, batch: 8, steps: 40 } as const;

describe("reversal task", () => {
  it("holds out distinct sequences of every length, reversed as targets", () => {
    const h = reversalHeldOut();
    expect(h.batches.map((b) => b.length)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(h.batches.reduce((n, b) => n + b.size, 0)).toBe(2 + 25 + 6 * 50);
    expect(h.keys.size).toBe(327);
    const b = h.batches[2];
    for (let s = 0; s < b.size; s++) {
      const src = Array.from(b.src.subarray(s * 3, s * 3 + 3));
      expect(Array.from(b.tgt.subarray(s * 3, s * 3 + 3))).toEqual(src.reverse());
    }
  });

  it("never trains on a held-out sequence, and a seed fixes the stream", () => {
    const h = reversalHeldOut();
    const a = reversalStream(3, 16, h.keys);
    const b = reversalStream(3, 16, h.keys);
    for (let i = 0; i < 200; i++) {
      const x = a();
      expect(b().src).toEqual(x.src);
      expect(x.length).toBeGreaterThanOrEqual(1);
      expect(x.length).toBeLessThanOrEqual(REVERSAL_MAX_LENGTH);
      for (let s = 0; s < x.size; s++) {
        expect(h.keys.has(sequenceKey(x.src.subarray(s * x.length, (s + 1) * x.length)))).toBe(false);
      }
    }
  });

  it("parses a reader's digits and explains what is wrong", () => {
    expect(parseDigits(" 3, 1 4 ")).toEqual([3, 1, 4]);
    expect(parseDigits("8675")).toEqual([8, 6, 7, 5]);
    expect(() => parseDigits("")).toThrow(/1 to 8 digits/);
    expect(() => parseDigits("3 12")).toThrow(/"12" is not a digit/);
    expect(() => parseDigits("1a")).toThrow(/"a" is not a digit/);
    expect(() => parseDigits("123456789")).toThrow(/9 digits/);
  });
});

describe("reversal model", () => {
  it("is deterministic per seed: the same losses and answers to the bit", () => {
    const run = (seed: number) => {
      const m = createReversalModel(seed, { attention: "bahdanau", ...small });
      const losses = Array.from({ length: 5 }, () => m.trainStep(m.nextBatch()).loss);
      return { losses, answer: m.query([1, 2, 3, 4]) };
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(run(8).losses).not.toEqual(a.losses);
  });

  it("asking does not change the run (query, probe and evaluate consume no randomness)", () => {
    const a = createReversalModel(2, { attention: "luong", ...small });
    const b = createReversalModel(2, { attention: "luong", ...small });
    a.trainStep(a.nextBatch());
    a.query([5, 5]);
    a.evaluate();
    a.probe();
    b.trainStep(b.nextBatch());
    expect(a.trainStep(a.nextBatch()).loss).toBe(b.trainStep(b.nextBatch()).loss);
  });

  it("answers with one attention row per written token, each a distribution over the input", () => {
    const m = createReversalModel(1, { attention: "luong", ...small });
    const out = m.query([9, 0, 9]);
    expect(out.attention.length).toBe(out.output.length + (out.ended ? 1 : 0));
    for (const row of out.attention) {
      expect(row.length).toBe(3);
      expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
    expect(out.output.every((t) => t >= 0 && t < 10 && t !== EOS)).toBe(true);
    // The energies behind each row: softmax(e_t) is α_t (computed here with plain loops).
    expect(out.scores.map((r) => r.length)).toEqual(out.attention.map((r) => r.length));
    out.scores.forEach((e, t) => {
      const m = Math.max(...e);
      const z = e.reduce((s, x) => s + Math.exp(x - m), 0);
      e.forEach((x, i) => expect(Math.exp(x - m) / z).toBeCloseTo(out.attention[t][i], 12));
    });
    expect(() => m.query([])).toThrow(RangeError);
    expect(() => m.query([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow(/1 to 8 digits/);
  });

  it.each(["bahdanau", "luong"] as const)("%s: the loss falls as it trains", (attention) => {
    // Chance is 1 in 11 tokens; 150 steps of a small model (16 units) get well past it.
    const m = createReversalModel(1, { attention, hidden: 16, embed: 8, batch: 16, steps: 150 });
    const first = m.evaluate();
    for (let i = 0; i < 150; i++) m.trainStep(m.nextBatch());
    const e = m.evaluate();
    expect(first.accuracy).toBeLessThan(0.15);
    expect(e.loss).toBeLessThan(0.75 * first.loss);
    expect(e.accuracy).toBeGreaterThan(0.3);
  });
});
