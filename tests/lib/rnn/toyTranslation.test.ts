import { describe, expect, it } from "vitest";
import {
  TOY_ALIGNMENT,
  TOY_DECODER_INPUTS,
  TOY_SOURCE,
  toyTranslation,
} from "../../../lib/rnn/toyTranslation";

const argmax = (w: ArrayLike<number>) => Array.from(w).indexOf(Math.max(...Array.from(w)));

describe("toyTranslation", () => {
  for (const variant of ["bahdanau", "luong"] as const) {
    it(`${variant}: hand-set weights align W X Y Z <EOS> with A B C C <EOS>`, () => {
      const t = toyTranslation(variant);
      expect(t.H.shape).toEqual([TOY_SOURCE.length, 4]);
      expect(t.result.alignment.shape).toEqual([TOY_DECODER_INPUTS.length, TOY_SOURCE.length]);
      t.result.steps.forEach((s, i) => {
        expect(argmax(s.weights)).toBe(TOY_ALIGNMENT[i]);
        expect(s.weights[TOY_ALIGNMENT[i]]).toBeGreaterThan(0.7);
      });
    });
    it(`${variant}: random weights are reproducible from the seed`, () => {
      const a = toyTranslation(variant, { weights: "random", seed: 9 });
      const b = toyTranslation(variant, { weights: "random", seed: 9 });
      const c = toyTranslation(variant, { weights: "random", seed: 10 });
      expect(a.result.alignment.toArray()).toEqual(b.result.alignment.toArray());
      expect(a.result.alignment.toArray()).not.toEqual(c.result.alignment.toArray());
    });
  }
  it("encodes each source word mostly on its own axis", () => {
    const H = toyTranslation("luong").H;
    for (let i = 0; i < 4; i++) expect(argmax(H.row(i))).toBe(i);
  });
});
