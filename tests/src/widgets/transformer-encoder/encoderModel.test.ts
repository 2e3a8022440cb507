import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { computeEncoder, encoderSpec } from "../../../../src/widgets/transformer-encoder/encoderModel";

describe("encoder-step widget model", () => {
  it("computes the default sentence through every stage; layer norm gives mean 0, variance 1", () => {
    const r = computeEncoder(defaults(encoderSpec));
    if (!r.ok) throw new Error(r.error);
    expect(r.tokens).toEqual(["I", "love", "attention"]);
    expect(r.stages.length).toBeGreaterThanOrEqual(4);
    for (const st of r.stages) expect(st.data.flat().every(Number.isFinite), st.name).toBe(true);
    const last = r.stages.at(-1)!.data;
    for (const row of last) {
      const mean = row.reduce((a, b) => a + b, 0) / row.length;
      expect(Math.abs(mean)).toBeLessThan(1e-9);
    }
  });

  it("embeds words case-insensitively and ignores punctuation", () => {
    const a = computeEncoder({ ...defaults(encoderSpec), text: "I love attention" });
    const b = computeEncoder({ ...defaults(encoderSpec), text: "i LOVE attention!" });
    if (!a.ok || !b.ok) throw new Error("both compute");
    expect(b.stages[0].data).toEqual(a.stages[0].data);
  });

  it("reports every field error", () => {
    expect(computeEncoder({ text: "one", seed: 1 })).toEqual({
      ok: false,
      error: "Type 2 to 6 words; you typed 1.",
    });
    expect(computeEncoder({ text: "a b c d e f g", seed: 1 })).toEqual({
      ok: false,
      error: "Type 2 to 6 words; you typed 7.",
    });
  });
});
