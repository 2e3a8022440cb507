import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  D_MODEL,
  HEAD_CHOICES,
  computeMultiHead,
  multiHeadSpec,
} from "../../../../src/widgets/multi-head-attention/multiHeadModel";

describe("multi-head widget model", () => {
  it("computes the default state: four heads, the 'previous' head looks one word back", () => {
    const r = computeMultiHead(defaults(multiHeadSpec));
    if (!r.ok) throw new Error(r.error);
    const v = r.view;
    expect(v.heads).toBe(4);
    expect(v.headRules).toEqual(["previous", "same", "next", "broad"]);
    const prev = v.weightsPerHead[0];
    for (let i = 1; i < v.tokens.length; i++) expect(prev[i].indexOf(Math.max(...prev[i]))).toBe(i - 1);
    expect(v.concat[0]).toHaveLength(D_MODEL);
  });

  it("computes every head count, with the same parameter count", () => {
    const counts = HEAD_CHOICES.map((heads) => {
      const r = computeMultiHead({ ...defaults(multiHeadSpec), heads });
      if (!r.ok) throw new Error(r.error);
      expect(r.view.weightsPerHead).toHaveLength(Number(heads));
      return r.view.params;
    });
    expect(new Set(counts).size).toBe(1);
    // 4·d² weights + 4·d biases for d = 8, whatever H.
    expect(counts[0]).toBe(4 * 64 + 4 * 8);
  });

  it("reports every field error", () => {
    const base = defaults(multiHeadSpec);
    expect(computeMultiHead({ ...base, text: "two words" })).toEqual({
      ok: false,
      error: "Type at least three words separated by spaces.",
    });
    const r = computeMultiHead({ ...base, text: "a b c d e f g h i" });
    expect(r).toEqual({
      ok: false,
      error: `That is 9 words; one-hot positions of size ${D_MODEL} allow at most ${D_MODEL}.`,
    });
  });
});
