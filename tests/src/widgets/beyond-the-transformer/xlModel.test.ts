import { describe, expect, it } from "vitest";
import { SEGMENTS, computeXL, xlSpec, xlTex } from "../../../../src/widgets/beyond-the-transformer/xlModel";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { expectLinkFieldErrors } from "../linkFieldErrors";

/** The allow-mask written from the chapter's rule: every memory key, then the segment causally. */
const mask = (n: number, m: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: m + n }, (_, j) => j < m || j - m <= i));

describe("Transformer-XL widget model", () => {
  it("computes the default state: memory of N = 4, the mask over [memory; segment], reach L·N = 12 and 16 in all", () => {
    const v = computeXL(defaults(xlSpec));
    expect(v).toMatchObject({ seg: 4, layers: 3, step: 2, mem: 4, reach: 12, total: 16, row: 2 });
    expect(v.mask).toEqual(mask(4, 4));
    const tex = xlTex(v);
    expect(tex).toContain("M_{3} &= \\left[1,\\ 1,\\ 1,\\ 1 \\;\\middle|\\; 1,\\ 1,\\ 1,\\ 0\\right]");
    expect(tex).toContain("N_{\\text{mem}} + 3 = 4 + 3 = 7");
    expect(tex).toContain("= 4 + 3 \\cdot 4 = 16");
    expect(tex).toContain("tokens 5–8, no gradient");
  });

  it("computes every state the sliders reach: keys per query, reach and the written equation agree with the rule", () => {
    for (let seg = 2; seg <= 8; seg++)
      for (let layers = 1; layers <= 6; layers++)
        for (let step = 0; step < SEGMENTS; step++) {
          const row = (seg + layers + step) % 8; // every row value occurs; rows past the segment clamp
          const v = computeXL({ seg, layers, step, row });
          const m = step === 0 ? 0 : seg;
          const at = `N=${seg} L=${layers} step ${step}`;
          expect(v.mem, at).toBe(m);
          expect(v.mask, at).toEqual(mask(seg, m));
          expect(v.reach, at).toBe(layers * seg);
          expect(v.total, at).toBe(seg + layers * seg);
          expect(v.row, at).toBe(Math.min(row, seg - 1));
          const keys = v.mask[v.row].filter(Boolean).length;
          expect(keys, at).toBe(m + v.row + 1);
          const tex = xlTex(v);
          expect(tex, at).toContain(`= ${m} + ${v.row + 1} = ${keys}`);
          expect(tex, at).toContain(step === 0 ? "the memory is empty" : "no gradient");
          expect(tex, at).toContain(
            v.row === seg - 1 ? "the last query sees the whole segment" : "masked: later tokens",
          );
        }
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("xl", xlSpec, {
      seg: { value: "9", says: "9 is outside [2, 8]" },
      layers: { value: "abc", says: '"abc" is not a number' },
      step: { value: "1.5", says: "1.5 is not a whole number" },
      row: { value: "-1", says: "-1 is outside [0, 7]" },
    });
  });
});
