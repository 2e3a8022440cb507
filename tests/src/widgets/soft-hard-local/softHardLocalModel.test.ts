import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { MODES, computeShl, shlSpec } from "../../../../src/widgets/soft-hard-local/softHardLocalModel";

describe("soft, hard and local attention widget model", () => {
  it("computes the default scores: softmax, argmax, sampled frequencies and the local window", () => {
    const r = computeShl(defaults(shlSpec));
    if (!r.ok) throw new Error(r.error);
    const { scores, soft, argmax, freq, local } = r.result;
    const e = scores.map((s) => Math.exp(s));
    const z = e.reduce((a, b) => a + b, 0);
    soft.forEach((w, j) => expect(w).toBeCloseTo(e[j] / z, 12));
    expect(argmax).toBe(2); // the score 2
    expect(freq.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(local?.window).toEqual([1, 5]); // p = 3, D = 2
    // Gaussian at the centre is 1; σ = D/2 = 1 gives e^{-1/2} one step away.
    expect(local?.gaussian[3]).toBe(1);
    expect(local?.gaussian[4]).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it("computes every mode, and a small τ makes the Gumbel samples nearly one-hot", () => {
    for (const mode of MODES) expect(computeShl({ ...defaults(shlSpec), mode }).ok).toBe(true);
    const cold = computeShl({ ...defaults(shlSpec), tau: 0.05 });
    expect(cold.ok && cold.result.oneHotness).toBeGreaterThan(0.95);
  });

  it("reports every field error", () => {
    const base = defaults(shlSpec);
    for (const scores of ["1", "1 x", Array(13).fill(0).join(" "), "1 99"])
      expect(computeShl({ ...base, scores }).ok, scores).toBe(false);
    const past = computeShl({ ...base, p: 11 });
    expect(past.ok && past.result.localError).toBe(
      "pₜ = 12 is past the last position (8); move it back inside the sequence.",
    );
  });
});
