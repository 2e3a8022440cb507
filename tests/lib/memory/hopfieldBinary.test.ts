import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  hebbianWeights,
  hopfieldEnergy,
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
