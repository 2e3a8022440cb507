import { describe, expect, it } from "vitest";
import { defaults, readState } from "../../../../src/widgets/primitives/urlState";
import { corrupt, fromHex } from "../../../../src/widgets/hopfield-networks/patterns";
import { computeRecall, recallSpec } from "../../../../src/widgets/hopfield-networks/recallModel";

/** Synchronous recall in exact integer arithmetic (W = Z/N, so sign(W s) = sign(Z s)). */
function exactSync(patterns: number[][], s0: number[], steps: number): number[][] {
  const m = s0.length;
  const Z = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => (i === j ? 0 : patterns.reduce((a, x) => a + x[i] * x[j], 0))),
  );
  const states = [s0];
  for (let t = 0; t < steps; t++) {
    const s = states[t];
    const next = s.map((_, i) => (Z[i].reduce((a, z, j) => a + z * s[j], 0) >= 0 ? 1 : -1));
    states.push(next);
    if (next.every((v, i) => v === s[i])) break;
  }
  return states;
}

describe("Hopfield recall widget model", () => {
  it("computes the default state: the corrupted preset is recalled exactly", () => {
    const r = computeRecall(defaults(recallSpec));
    if (!r.ok) throw new Error(r.error);
    expect(r.result.errors[0]).toBe(20); // noise 0.2 of 100 pixels
    expect(r.result.errors.at(-1)).toBe(0);
    expect(r.result.match.pattern).toBe(0);
  });

  it("computes both update modes for every stored preset", () => {
    for (const mode of ["async", "sync"] as const)
      for (let target = 0; target < 8; target++) {
        const r = computeRecall({ ...defaults(recallSpec), mode, target });
        expect(r.ok, `${mode}, target ${target}`).toBe(true);
      }
  });

  it("reports the true result for issue 10's six-pattern link (exact arithmetic ends 4 pixels off)", () => {
    const link =
      "?hop.patterns=fffff0c0300c0300c0300c030,3f0fc0c0300c0300c0303f0fc,000782110240902408841e000,f070426057a85d7ffaf110490,fdfa645df9a0358fb28af02f9,70252d36176aa91d67a1990ab&hop.target=2&hop.noise=0.3&hop.seed=1&hop.mode=sync";
    const { state, errors } = readState("hop", recallSpec, link);
    expect(errors).toEqual([]);
    const r = computeRecall(state);
    if (!r.ok) throw new Error(r.error);
    const patterns = state.patterns.split(",").map((h) => fromHex(h)!);
    const target = patterns[2];
    const exact = exactSync(patterns, corrupt(target, 0.3, 1), 12);
    const exactErrors = exact.map((s) => s.reduce((a, v, i) => a + (v !== target[i] ? 1 : 0), 0));
    expect(exactErrors.at(-1)).toBe(4);
    expect(r.result.states.map((s) => Array.from(s))).toEqual(exact);
    expect(r.result.errors).toEqual(exactErrors);
    expect(r.result.match.pattern).toBeNull();
  });

  it("reports every field error", () => {
    const base = defaults(recallSpec);
    expect(computeRecall({ ...base, patterns: "" })).toEqual({
      ok: false,
      error: "No patterns are stored: draw one and press Store.",
    });
    expect(computeRecall({ ...base, patterns: Array(9).fill("0".repeat(25)).join(",") })).toEqual({
      ok: false,
      error: "9 patterns; at most 8 can be stored here.",
    });
    expect(computeRecall({ ...base, patterns: "xyz" })).toEqual({
      ok: false,
      error: "Stored pattern 1 is not 25 hex digits.",
    });
  });
});
