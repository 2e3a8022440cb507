import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize, wordTokens } from "../../../lib/core/tokenize";

describe("tokenize (Intl.Segmenter, NFC, lower-case)", () => {
  it("joins a combining accent to its letter: Cafe\\u0301 is café, like the precomposed Café", () => {
    expect(tokenize("Cafe\u0301")).toEqual(["café"]);
    expect(tokenize("Café")).toEqual(["café"]);
    expect(tokenize("Cafe\u0301")[0]).toBe("caf\u00e9");
  });

  it("reads letters of any script and drops punctuation and spaces", () => {
    expect(tokenize("Where is Mary?")).toEqual(["where", "is", "mary"]);
    expect(tokenize("Sandra's in the KITCHEN!")).toEqual(["sandra's", "in", "the", "kitchen"]);
    expect(tokenize("Μαρία, Ивана и 東京")).toEqual(["μαρία", "ивана", "и", "東京"]);
    expect(tokenize("  ,.;!?  ")).toEqual([]);
    expect(tokenize("")).toEqual([]);
  });

  it("keeps the words a plain object would misread as ordinary words", () => {
    expect(tokenize("constructor __proto__ toString hasOwnProperty")).toEqual([
      "constructor",
      "__proto__",
      "tostring",
      "hasownproperty",
    ]);
  });

  it("gives each word's typed form and offset", () => {
    expect(wordTokens("I love  Attention.")).toEqual([
      { word: "i", text: "I", index: 0 },
      { word: "love", text: "love", index: 2 },
      { word: "attention", text: "Attention", index: 8 },
    ]);
  });

  it("property: the same words for any Unicode normalisation of the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const w = tokenize(s);
        expect(tokenize(s.normalize("NFD"))).toEqual(w);
        for (const x of w) {
          expect(x).toBe(x.toLowerCase().normalize("NFC"));
          expect(x).toMatch(/[\p{L}\p{N}]/u);
        }
      }),
    );
  });

  it("property: on ASCII text the fast path finds exactly the segmenter's words", () => {
    const seg = new Intl.Segmenter("en", { granularity: "word" });
    const ascii = fc.string({
      unit: fc.oneof(
        fc.constantFrom(..."aZq09'.,;:-_ !?\n"),
        fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(ascii, (s) => {
        const want = [...seg.segment(s)]
          .filter((x) => x.isWordLike && /[\p{L}\p{N}]/u.test(x.segment))
          .map((x) => ({ word: x.segment.toLowerCase(), text: x.segment, index: x.index }));
        expect(wordTokens(s)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it("property: a word's typed form is the NFC text at its offset", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 40 }), (s) => {
        const n = s.normalize("NFC");
        for (const t of wordTokens(s)) {
          expect(n.slice(t.index, t.index + t.text.length)).toBe(t.text);
          expect(t.word).toBe(t.text.toLowerCase().normalize("NFC"));
        }
      }),
    );
  });
});
