/**
 * Chapter 2's claims about the pretrained date translator, checked a second way: the committed
 * weights file is decoded and run through a forward pass written out in plain arrays
 * (`./independentDates.ts`), sharing no code with lib/ beyond the generator's held-out texts. Every number the
 * chapter prints about the model must equal what this computes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dateExamplesOf, dateHeldOutDays } from "../../../lib/models/dateFormats";
import { FILE, translate } from "./independentDates";
import { printed } from "./independent";

const MDX = readFileSync(
  new URL("../../../content/chapters/seq2seq-attention.mdx", import.meta.url),
  "utf8",
).replace(/\s+/g, " ");
/** The chapter prints `text` (whitespace collapsed). */
const says = (text: string) => expect(MDX.includes(text), `the chapter should say: ${text}`).toBe(true);

/** The weight output character t (1-based) puts on input positions from..to (1-based, inclusive). */
const mass = (alpha: number[][], t: number, from: number, to = from) =>
  alpha[t - 1].slice(from - 1, to).reduce((a, b) => a + b, 0);

describe("chapter 2: the pretrained date translator", () => {
  it("its held-out exact-match accuracy is what the file and the chapter say", () => {
    const test = dateExamplesOf(dateHeldOutDays().test, 200, 3);
    const right = test.filter((e) => translate(e.text).output === e.iso).length;
    expect(right / test.length).toBe(FILE.meta.testAccuracy);
    expect(test.length).toBe(FILE.meta.testExamples);
    says(`${right} of the ${test.length} held-out dates`);
    says(`${printed((100 * right) / test.length, 1)} %`);
  }, 120_000);

  it("nov 30 2026: the month digits read the letters of nov, the century reads the year's second digit", () => {
    const { output, alpha } = translate("nov 30 2026");
    expect(output).toBe("2026-11-30");
    says(`the first 1 of the month puts ${printed(mass(alpha, 6, 1, 3), 2)} of its weight on n, o and v`);
    says(`the second ${printed(mass(alpha, 7, 1, 3), 2)}`);
    says(`the 2 that starts the output puts ${printed(mass(alpha, 1, 9), 2)} on the 0 of 2026`);
    says(`the 3 of the day puts ${printed(mass(alpha, 9, 5), 2)} on the 3`);
  });

  it("30/11/26: the month digits read the two 1s, one each", () => {
    const { output, alpha } = translate("30/11/26");
    expect(output).toBe("2026-11-30");
    says(
      `${printed(mass(alpha, 6, 4), 2)} on the first 1 and ${printed(mass(alpha, 7, 5), 2)} on the second`,
    );
  });

  it("untrained formats: what the model writes", () => {
    expect(translate("30 nov 2026").output).toBe("2026-11-30");
    expect(translate("11/30/26").output).toBe("2026-03-11");
    expect(translate("2026-11-30").output).toBe("2026-11-31");
    says("<code>11/30/26</code> becomes <code>2026-03-11</code>");
    says("<code>2026-11-30</code> itself becomes <code>2026-11-31</code>");
  });
});
