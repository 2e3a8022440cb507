import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  MAX_SENTENCES,
  MAX_WORDS,
  computeHan,
  hanSpec,
} from "../../../../src/widgets/stacking-attention/hierarchicalModel";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("hierarchical attention widget model", () => {
  it("computes the default document: four sentences, each with weights summing to 1", () => {
    const r = computeHan(defaults(hanSpec));
    if (!r.ok) throw new Error(r.error);
    expect(r.view.sentences.map((s) => s.words[0])).toEqual(["the", "our", "we", "still"]);
    for (const s of r.view.sentences) expect(sum(s.weights)).toBeCloseTo(1, 12);
    expect(sum(r.view.sentenceWeights)).toBeCloseTo(1, 12);
    expect(r.view.document).toHaveLength(4);
  });

  it("follows the aspect: the food query puts most weight on the food sentences", () => {
    const pick = (aspect: "food" | "service" | "price") => {
      const r = computeHan({ ...defaults(hanSpec), aspect });
      if (!r.ok) throw new Error(r.error);
      const w = r.view.sentenceWeights;
      return w.indexOf(Math.max(...w));
    };
    // Sentences: 0 pasta (food), 1 waiter (service), 2 paid/dollars (price), 3 dessert (food).
    expect([0, 3]).toContain(pick("food"));
    expect(pick("service")).toBe(1);
    expect(pick("price")).toBe(2);
  });

  it("reports every field error", () => {
    const base = defaults(hanSpec);
    expect(computeHan({ ...base, doc: " . ! ? " })).toEqual({
      ok: false,
      error: "The document has no words: type at least one sentence.",
    });
    const many = Array.from({ length: MAX_SENTENCES + 1 }, () => "Soup.").join(" ");
    expect(computeHan({ ...base, doc: many })).toEqual({
      ok: false,
      error: `The document has ${MAX_SENTENCES + 1} sentences; at most ${MAX_SENTENCES} are allowed here.`,
    });
    const long = `Fine. ${Array.from({ length: MAX_WORDS + 1 }, () => "soup").join(" ")}.`;
    expect(computeHan({ ...base, doc: long })).toEqual({
      ok: false,
      error: `Sentence 2 has ${MAX_WORDS + 1} words; at most ${MAX_WORDS} are allowed.`,
    });
  });

  it("reads 'constructor' as an ordinary word", () => {
    const r = computeHan({ ...defaults(hanSpec), doc: "The constructor was rude. The soup was bland." });
    if (!r.ok) throw new Error(r.error);
    expect(r.view.sentences[0].words).toEqual(["the", "constructor", "was", "rude"]);
    expect(r.view.document.every(Number.isFinite)).toBe(true);
  });
});
