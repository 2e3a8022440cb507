import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { embed, NOISE } from "../../../../src/widgets/stacking-attention/lexicon";
import {
  FILTERS,
  MAX_WORDS,
  computePool,
  poolSpec,
} from "../../../../src/widgets/stacking-attention/poolingModel";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("pooling widget model", () => {
  it("computes the default state: one weight per word, summing to 1, and a feature map", () => {
    const r = computePool(defaults(poolSpec));
    if (!r.ok) throw new Error(r.error);
    const { words, seqWeights, conv, seq } = r.view;
    expect(words).toEqual("the soup was bland but the waiter was friendly and the bill was cheap".split(" "));
    expect(seqWeights).toHaveLength(words.length);
    expect(sum(seqWeights)).toBeCloseTo(1, 12);
    expect(seq).toHaveLength(3);
    expect(conv?.map).toHaveLength(words.length - 2 + 1);
    expect(conv?.map[0]).toHaveLength(FILTERS.length);
    expect(sum(conv!.attWeights)).toBeCloseTo(1, 12);
  });

  it("computes every aspect and every filter width", () => {
    for (const aspect of ["food", "service", "price"] as const)
      for (const k of [1, 2, 3, 4]) {
        const r = computePool({ ...defaults(poolSpec), aspect, k });
        expect(r.ok && r.view.conv?.map.length).toBe(14 - k + 1);
      }
  });

  it("reports every field error", () => {
    const base = defaults(poolSpec);
    expect(computePool({ ...base, text: " ,.! " })).toEqual({
      ok: false,
      error: "The sentence has no words: type a few.",
    });
    const long = Array.from({ length: MAX_WORDS + 1 }, () => "soup").join(" ");
    expect(computePool({ ...base, text: long })).toEqual({
      ok: false,
      error: `The sentence has ${MAX_WORDS + 1} words; at most ${MAX_WORDS} are allowed.`,
    });
    const short = computePool({ ...base, text: "soup", k: 3 });
    expect(short.ok && short.view.convError).toBe("The convolution needs at least 3 words for width k = 3.");
  });

  it("reads 'constructor' and other Object.prototype names as ordinary unknown words", () => {
    for (const w of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      const v = embed(w, 1);
      expect(v).toHaveLength(4);
      for (const x of v) expect(Math.abs(x)).toBeLessThan(6 * NOISE);
      const r = computePool({ ...defaults(poolSpec), text: `the ${w} was bland` });
      if (!r.ok) throw new Error(r.error);
      expect(r.view.words).toEqual(["the", w.toLowerCase(), "was", "bland"]);
      expect(r.view.seq.flat().every(Number.isFinite)).toBe(true);
    }
  });

  it("tokenizes typed text with the library's tokenizer: Cafe\\u0301 is one word, café", () => {
    const r = computePool({ ...defaults(poolSpec), text: "Cafe\u0301 soup!" });
    expect(r.ok && r.view.words).toEqual(["café", "soup"]);
  });
});
