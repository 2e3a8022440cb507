import { describe, expect, it } from "vitest";
import { INDUCTION_PROBE, createInductionModel } from "../../../lib/models/induction";
import {
  INDUCTION_MAX_HALF,
  INDUCTION_MIN_HALF,
  INDUCTION_VOCAB,
  inductionHeldOut,
  inductionStream,
  inductionTargets,
  letters,
  parseLetters,
} from "../../../lib/models/inductionTask";

describe("induction task", () => {
  it("holds out 40 distinct first halves of each length 4–10, each repeated", () => {
    const h = inductionHeldOut();
    expect(h.batches.map((b) => b.half)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(h.keys.size).toBe(7 * 40);
    for (const b of h.batches) {
      const n = 2 * b.half;
      for (let s = 0; s < b.size; s++) {
        const row = Array.from(b.tokens.subarray(s * n, (s + 1) * n));
        expect(row.slice(b.half)).toEqual(row.slice(0, b.half));
        expect(new Set(row.slice(0, b.half)).size).toBe(b.half);
        expect(row.every((t) => t >= 0 && t < INDUCTION_VOCAB)).toBe(true);
      }
    }
  });

  it("never trains on a held-out first half, and a seed fixes the stream", () => {
    const h = inductionHeldOut();
    const a = inductionStream(5, 16, h.keys);
    const b = inductionStream(5, 16, h.keys);
    const halves = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const x = a();
      expect(b().tokens).toEqual(x.tokens);
      halves.add(x.half);
      const n = 2 * x.half;
      for (let s = 0; s < x.size; s++)
        expect(h.keys.has(letters(x.tokens.subarray(s * n, s * n + x.half)))).toBe(false);
    }
    expect(Math.min(...halves)).toBe(INDUCTION_MIN_HALF);
    expect(Math.max(...halves)).toBe(INDUCTION_MAX_HALF);
  });

  it("scores the T − 1 predictable next tokens of the repeated half only", () => {
    // "dkfm dkfm": after the second d, k; after k, f; after f, m; the last m predicts nothing.
    const tokens = Int32Array.from(parseLetters("dkfmdkfm"));
    expect(Array.from(inductionTargets({ size: 1, half: 4, tokens }))).toEqual([
      -1, -1, -1, -1, 10, 5, 12, -1,
    ]);
  });

  it("parses a reader's letters and explains what is wrong", () => {
    expect(parseLetters(" Dk f,M ")).toEqual([3, 10, 5, 12]);
    expect(letters(parseLetters("hello"))).toBe("hello");
    expect(() => parseLetters("a")).toThrow(/at least 2 letters/);
    expect(() => parseLetters("ab3")).toThrow(/"3" is not a letter/);
    expect(() => parseLetters("abcdefghijklmnopqrstu")).toThrow(/21 letters.*at most 20/);
  });
});

const small = { width: 8, batch: 8, steps: 40 } as const;

describe("induction model", () => {
  it("is deterministic per seed: the same losses and answers to the bit", () => {
    const run = (seed: number) => {
      const m = createInductionModel(seed, small);
      const losses = Array.from({ length: 5 }, () => m.trainStep(m.nextBatch()).loss);
      return { losses, answer: m.query({ tokens: [0, 1, 2, 0, 1] }) };
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(run(8).losses).not.toEqual(a.losses);
  });

  it("asking does not change the run (query, probe, evaluate and head scores consume no randomness)", () => {
    const a = createInductionModel(2, small);
    const b = createInductionModel(2, small);
    a.trainStep(a.nextBatch());
    a.query({ tokens: [5, 5], knockout: [1] });
    a.evaluate();
    a.probe();
    a.headScores();
    b.trainStep(b.nextBatch());
    expect(a.trainStep(a.nextBatch()).loss).toBe(b.trainStep(b.nextBatch()).loss);
  });

  it("answers with causal attention rows that sum to 1, per layer and head, and refuses bad input", () => {
    const m = createInductionModel(1, small);
    const out = m.query({ tokens: parseLetters("abcab") });
    expect(out.attention.length).toBe(2);
    expect(out.attention[0].length).toBe(2);
    for (const layer of out.attention)
      for (const head of layer)
        head.forEach((row, i) => {
          expect(row.length).toBe(5);
          expect(row.slice(0, i + 1).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
          expect(row.slice(i + 1).every((x) => x === 0)).toBe(true);
        });
    expect(out.predictions.length).toBe(5);
    expect(out.confidence.every((p) => p > 0 && p <= 1)).toBe(true);
    expect(m.probe().tokens).toEqual(INDUCTION_PROBE);
    expect(() => m.query({ tokens: [] })).toThrow(RangeError);
    expect(() => m.query({ tokens: Array.from({ length: 21 }, () => 0) })).toThrow(/1 to 20 letters/);
    expect(() => m.query({ tokens: [0, 1], knockout: [4] })).toThrow(/numbered 0 to 3/);
    expect(() => createInductionModel(1, { width: 9, heads: 2 })).toThrow(/not divisible/);
  });

  it("carries the numbers of its scores: each head's weights are softmax(q_i·k_j/√d_k) over j ≤ i, even knocked out", () => {
    const m = createInductionModel(3, small);
    for (let k = 0; k < 3; k++) m.trainStep(m.nextBatch());
    const out = m.query({ tokens: parseLetters("abcdab"), knockout: [0] });
    const dk = 8 / 2;
    const mv = (W: number[][], x: number[]) => W.map((r) => r.reduce((a, w, c) => a + w * x[c], 0));
    out.scores.forEach(({ input, Wq, Wk }, l) => {
      expect(input.length).toBe(6);
      for (let h = 0; h < 2; h++) {
        const rows = (W: number[][]) => W.slice(h * dk, (h + 1) * dk);
        const q = input.map((x) => mv(rows(Wq), x));
        const k = input.map((x) => mv(rows(Wk), x));
        out.attention[l][h].forEach((row, i) => {
          // Plain loops: scores of the keys up to i, their softmax, 0 beyond.
          const s = k.slice(0, i + 1).map((kj) => kj.reduce((a, x, c) => a + x * q[i][c], 0) / Math.sqrt(dk));
          const z = s.reduce((a, x) => a + Math.exp(x), 0);
          row.forEach((a, j) => expect(a).toBeCloseTo(j <= i ? Math.exp(s[j]) / z : 0, 12));
        });
      }
    });
  });

  it("learns the task: ≥ 95 % held-out accuracy, an induction head in layer 2, knock-outs hurt", () => {
    // The default model, seed 1. Chance is about 1 in 26.
    const m = createInductionModel(1);
    const first = m.evaluate();
    expect(first.accuracy).toBeLessThan(0.15);
    let step = 0;
    while (m.evaluate().accuracy < 0.95 && step < 400)
      for (let i = 0; i < 25; i++, step++) m.trainStep(m.nextBatch());
    expect(step).toBeLessThan(400);
    const s = m.headScores();
    // Layer 2's heads look at the token after the earlier copy of the current token.
    expect(Math.max(...s.induction[1])).toBeGreaterThan(0.8);
    // Layer 1 does not (it has no way to know where the earlier copy is).
    expect(Math.max(...s.induction[0])).toBeLessThan(0.3);
    // Without both layer-2 heads, or both layer-1 heads, the copy fails.
    expect(m.evaluateWith([2, 3]).accuracy).toBeLessThan(0.3);
    expect(m.evaluateWith([0, 1]).accuracy).toBeLessThan(0.6);
  }, 120_000);
});
