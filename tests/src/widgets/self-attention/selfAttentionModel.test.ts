import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  MAX_TOKENS,
  computeSelfAttention,
  embedWord,
  selfAttentionSpec,
  tokenLabels,
} from "../../../../src/widgets/self-attention/selfAttentionModel";

describe("self-attention widget model", () => {
  it("computes the default sentence: rows of weights sum to 1 and 'the' twice has one embedding", () => {
    const r = computeSelfAttention(defaults(selfAttentionSpec));
    if (!r.ok) throw new Error(r.error);
    expect(r.result.tokens).toEqual(["the", "cat", "sat", "on", "the", "warm", "mat"]);
    for (const row of r.result.weights) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.result.output[0]).toEqual(r.result.output[4]);
    expect(tokenLabels(r.result.tokens)).toEqual(["the", "cat", "sat", "on", "the (5)", "warm", "mat"]);
  });

  it("is equivariant: shuffled tokens carry their outputs with them", () => {
    const r = computeSelfAttention({ ...defaults(selfAttentionSpec), shuffle: 5 });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.perm).not.toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(r.result.maxMoveError).toBeLessThan(1e-12);
  });

  it("causal: no token attends to a later one", () => {
    const r = computeSelfAttention({ ...defaults(selfAttentionSpec), causal: true });
    if (!r.ok) throw new Error(r.error);
    r.result.weights.forEach((row, i) => row.forEach((w, j) => j > i && expect(w).toBe(0)));
  });

  it("embeds a word typed in any case or normalisation the same way", () => {
    const a = computeSelfAttention({ ...defaults(selfAttentionSpec), text: "Café noir" });
    const b = computeSelfAttention({ ...defaults(selfAttentionSpec), text: "cafe\u0301, noir!" });
    if (!a.ok || !b.ok) throw new Error("both compute");
    expect(a.result.tokens).toEqual(["Café", "noir"]);
    expect(b.result.output).toEqual(a.result.output);
    expect(embedWord("constructor", 1)).toHaveLength(6);
  });

  it("reports every field error", () => {
    const base = defaults(selfAttentionSpec);
    expect(computeSelfAttention({ ...base, text: "one" })).toEqual({
      ok: false,
      error: "Type at least two words separated by spaces.",
    });
    const many = Array.from({ length: MAX_TOKENS + 1 }, () => "w").join(" ");
    expect(computeSelfAttention({ ...base, text: many })).toEqual({
      ok: false,
      error: `That is ${MAX_TOKENS + 1} words; this widget takes at most ${MAX_TOKENS}.`,
    });
    expect(computeSelfAttention({ ...base, text: `a ${"x".repeat(21)}` })).toEqual({
      ok: false,
      error: "The sentence has a word of 21 characters; keep each word to at most 20.",
    });
  });
});
