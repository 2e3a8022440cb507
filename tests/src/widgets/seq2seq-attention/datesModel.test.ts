import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { StoredDateWeights } from "../../../../lib/models";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  DEFAULT_DATE,
  DEFAULT_OUTPUT,
  WEIGHTS_PATH,
  charLabel,
  contextTex,
  dateExamples,
  datesSpec,
  outputSummary,
  readDateInput,
  topPositions,
  translatorFrom,
} from "../../../../src/widgets/seq2seq-attention/datesModel";
import { translate } from "../../claims/independentDates";
import { expectLinkFieldErrors } from "../linkFieldErrors";

const stored = JSON.parse(
  readFileSync(new URL(`../../../../public/${WEIGHTS_PATH}`, import.meta.url), "utf8"),
) as StoredDateWeights;
const translator = translatorFrom(stored);

const close = (got: number[][], want: number[][], at: string) =>
  want.forEach((row, i) => row.forEach((x, j) => expect(got[i][j], `${at} [${i}][${j}]`).toBeCloseTo(x, 5)));

/** The widget's translation of `text`, checked against the forward pass written out in plain arrays. */
function expectTranslation(text: string) {
  const tr = translator.translate(text);
  const want = translate(text);
  expect(tr.input).toBe(text.toLowerCase());
  expect(tr.output, text).toBe(want.output);
  close(tr.attention, want.alpha, `${text} α`);
  close(tr.states, want.states, `${text} h`);
  close(tr.contexts, want.contexts, `${text} c`);
  return tr;
}

describe("date translator widget model", () => {
  it("computes the default state: nov 30 2026 becomes 2026-11-30, and character 6's context is written out", () => {
    const s = defaults(datesSpec);
    expect(s).toEqual({ text: DEFAULT_DATE, t: DEFAULT_OUTPUT });
    expect(readDateInput(s.text)).toEqual({
      ok: true,
      text: s.text,
      iso: "2026-11-30",
      format: "mon D YYYY",
    });
    const tr = expectTranslation(s.text);
    expect(tr.output).toBe("2026-11-30");
    const alpha = tr.attention[s.t - 1];
    // The first 1 of the month reads the letters of "nov" (the chapter: 0.99 of its weight on n, o and v).
    expect(alpha[0] + alpha[1] + alpha[2]).toBeGreaterThan(0.985);
    const top = topPositions(alpha);
    expect(top[0]).toBe(alpha.indexOf(Math.max(...alpha)));
    top.slice(1).forEach((i) => expect(alpha[i]).toBeGreaterThanOrEqual(0.01));
    const tex = contextTex(tr, s.t);
    expect(tex).toContain(
      `c_{6} &= \\textstyle\\sum_{i=1}^{11} \\alpha_{6,i}\\, h_i = ${alpha[top[0]].toFixed(2)}\\, h_{${top[0] + 1}}`,
    );
    expect(tex).toContain(`\\in \\mathbb{R}^{${tr.contexts[5].length}}`);
    const i = top[0];
    expect(outputSummary(tr, s.t)).toBe(
      `Writing "1" (character 6 of 10), the decoder attends most to input character ${i + 1}, "${charLabel(tr.input[i])}", with weight ${alpha[i].toFixed(2)}.`,
    );
  });

  it("computes every example in the list: the trained formats read as the generator wrote them, two untrained ones", () => {
    const examples = dateExamples();
    expect(examples).toHaveLength(20);
    for (const [k, ex] of examples.entries()) {
      const input = readDateInput(ex.text);
      if (!input.ok) throw new Error(`${ex.text}: ${input.error}`);
      const trained = ex.note !== "not trained";
      expect(input.format, ex.text).toBe(trained ? ex.note : null);
      if (trained) expect(input.iso, ex.text).toBe(k < 9 ? "2026-11-30" : "1969-07-20");
      const tr = expectTranslation(ex.text);
      expect(tr.attention).toHaveLength(10);
      for (let t = 1; t <= 10; t++) {
        expect(tr.attention[t - 1].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(contextTex(tr, t)).toContain(`c_{${t}}`);
      }
    }
    expect(charLabel(" ")).toBe("␣");
  });

  it("reports every error of the text field: empty, too long, a character the model does not know", () => {
    expect(readDateInput("")).toEqual({ ok: false, error: "Type a date, e.g. nov 30 2026." });
    expect(readDateInput("1".repeat(41))).toEqual({
      ok: false,
      error: "The date is longer than 40 characters (it has 41).",
    });
    expect(readDateInput("30 nov 2026!")).toEqual({
      ok: false,
      error: '"!" is not a character the model knows (letters, digits, space , - . /).',
    });
    // Upper case is read as lower case; a readable text in no trained format is translated anyway.
    expect(readDateInput("NOV 30 2026")).toMatchObject({ ok: true, iso: "2026-11-30" });
    expect(readDateInput("hello")).toEqual({ ok: true, text: "hello", iso: null, format: null });
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("dates", datesSpec, {
      text: { value: "1".repeat(41), says: "is longer than 40 characters" },
      t: { value: "11", says: "11 is outside [1, 10]" },
    });
  });
});
