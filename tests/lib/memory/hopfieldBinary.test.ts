import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Matrix } from "../../../lib/core/matrix";
import {
  hebbianWeights,
  hopfieldEnergy,
  hopfieldField,
  hopfieldMatch,
  hopfieldRun,
} from "../../../lib/memory/hopfieldBinary";

describe("binary Hopfield", () => {
  const patterns = [
    [1, 1, -1, -1, 1, 1, 1, 1],
    [1, -1, -1, 1, -1, 1, 1, -1],
  ];
  it("stores with 1/N or 1/M scaling and a zero diagonal", () => {
    const W = hebbianWeights(patterns);
    expect(W.get(0, 2)).toBe(-1);
    expect(W.get(3, 3)).toBe(0);
    expect(hebbianWeights(patterns, { scale: "neurons" }).get(0, 2)).toBe(-0.25);
    expect(() => hebbianWeights([[1, 0]])).toThrow(/must be ±1/);
  });

  it("recalls a corrupted pattern and reports the fixed point", () => {
    const W = hebbianWeights(patterns);
    const run = hopfieldRun(W, [1, 1, -1, 1, 1, 1, 1, 1], {
      mode: "sync",
      maxSteps: 4,
      stopAtFixedPoint: false,
    });
    expect(run.states).toHaveLength(5);
    expect(run.energies).toEqual([-6, -12, -12, -12, -12]);
    expect(run.fixedPointAt).toBe(1);
    expect(hopfieldMatch(run.final, patterns)).toEqual({ pattern: 0, negated: null });
    const stop = hopfieldRun(W, [1, 1, -1, 1, 1, 1, 1, 1], { order: [0, 1, 2, 3, 4, 5, 6, 7] });
    expect(stop.states).toHaveLength(3);
  });

  it("detects a synchronous two-cycle and uses sign(0) = +1", () => {
    const W = [
      [0, -1],
      [-1, 0],
    ];
    const run = hopfieldRun(W, [1, 1], { mode: "sync", maxSteps: 4 });
    expect(run.twoCycle).toBe(true);
    expect(run.fixedPointAt).toBe(null);
    expect(
      Array.from(
        hopfieldRun(
          [
            [0, 0],
            [0, 0],
          ],
          [-1, -1],
          { mode: "sync", maxSteps: 1 },
        ).final,
      ),
    ).toEqual([1, 1]);
    expect(() => hopfieldRun(W, [1, 1], { order: [0, 0] })).toThrow(/permutation/);
  });

  it("property: energy never rises under asynchronous updates", () => {
    const m = 7;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(-1, 1), { minLength: m, maxLength: m }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.constantFrom(-1, 1), { minLength: m, maxLength: m }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: m, maxLength: m }),
        fc.integer(),
        (pats, s0, b, seed) => {
          const W = hebbianWeights(pats);
          const run = hopfieldRun(W, s0, { b, seed, maxSteps: 20 });
          for (let t = 1; t < run.energies.length; t++)
            expect(run.energies[t]).toBeLessThanOrEqual(run.energies[t - 1] + 1e-12);
          expect(run.energies[0]).toBeCloseTo(hopfieldEnergy(W, s0, b), 12);
          expect(run.twoCycle).toBe(false);
        },
      ),
    );
  });
});

describe("binary Hopfield: fields that are 0 in exact arithmetic (issue 10 §7)", () => {
  /** The same run in exact integer arithmetic: W = Z / N with Z the integer Hebbian sums, b = 0. */
  function exactRun(
    patterns: number[][],
    s0: number[],
    steps: number,
    mode: "sync" | "async",
    order?: number[],
  ) {
    const m = s0.length;
    const Z = Array.from({ length: m }, (_, i) =>
      Array.from({ length: m }, (_, j) => (i === j ? 0 : patterns.reduce((a, x) => a + x[i] * x[j], 0))),
    );
    const field = (s: number[], i: number) => Z[i].reduce((a, z, j) => a + z * s[j], 0);
    const states = [s0.slice()];
    for (let t = 0; t < steps; t++) {
      const prev = states[t];
      let next: number[];
      if (mode === "sync") next = prev.map((_, i) => (field(prev, i) >= 0 ? 1 : -1));
      else {
        next = prev.slice();
        for (const i of order!) next[i] = field(next, i) >= 0 ? 1 : -1;
      }
      states.push(next);
    }
    return states;
  }

  it("gives sign(0) = +1 for the issue's repro: inputs [4/3, 0, 0, 0, 0] give [1, 1, 1, 1, 1]", () => {
    const W = hebbianWeights([
      [-1, -1, -1, -1, -1],
      [1, -1, -1, -1, -1],
      [-1, 1, 1, -1, -1],
    ]);
    expect(Array.from(hopfieldField(W, [-1, -1, -1, 1, 1]))).toEqual([4 / 3, 0, 0, 0, 0]);
    const run = hopfieldRun(W, [-1, -1, -1, 1, 1], { mode: "sync", maxSteps: 1, stopAtFixedPoint: false });
    expect(Array.from(run.final)).toEqual([1, 1, 1, 1, 1]);
  });

  const net = fc
    .record({ m: fc.integer({ min: 2, max: 14 }), p: fc.integer({ min: 1, max: 7 }) })
    .chain(({ m, p }) =>
      fc.record({
        patterns: fc.array(fc.array(fc.constantFrom(-1, 1), { minLength: m, maxLength: m }), {
          minLength: p,
          maxLength: p,
        }),
        s0: fc.array(fc.constantFrom(-1, 1), { minLength: m, maxLength: m }),
        order: fc.shuffledSubarray(
          Array.from({ length: m }, (_, i) => i),
          { minLength: m, maxLength: m },
        ),
        mode: fc.constantFrom("sync" as const, "async" as const),
        scale: fc.constantFrom("patterns" as const, "neurons" as const),
      }),
    );

  it("property: every run equals the same run in exact integer arithmetic", () => {
    fc.assert(
      fc.property(net, ({ patterns, s0, order, mode, scale }) => {
        const run = hopfieldRun(hebbianWeights(patterns, { scale }), s0, {
          mode,
          order,
          maxSteps: 4,
          stopAtFixedPoint: false,
        });
        expect(run.states.map((s) => Array.from(s))).toEqual(exactRun(patterns, s0, 4, mode, order));
      }),
      { numRuns: 500 },
    );
  });

  it("property: scaling W (and b) by any positive factor never changes a recall run", () => {
    fc.assert(
      fc.property(
        net,
        fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
        fc.boolean(),
        ({ patterns, s0, order, mode, scale }, alpha, withBias) => {
          const W = hebbianWeights(patterns, { scale });
          const m = s0.length;
          const b = withBias ? Array.from({ length: m }, (_, i) => ((i % 3) - 1) / 3) : undefined;
          const opts = { mode, order, maxSteps: 4, stopAtFixedPoint: false };
          const base = hopfieldRun(W, s0, { ...opts, b });
          const Wa = new Matrix(
            m,
            m,
            W.data.map((w) => w * alpha),
          ); // (M, M)
          const scaled = hopfieldRun(Wa, s0, { ...opts, b: b?.map((v) => v * alpha) });
          expect(scaled.states).toEqual(base.states);
          expect(scaled.fixedPointAt).toBe(base.fixedPointAt);
        },
      ),
      { numRuns: 500 },
    );
  });
});
