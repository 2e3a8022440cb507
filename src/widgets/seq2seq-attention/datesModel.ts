/** What the date translator widget computes and prints, shared by its island and its build-time first paint. */
import {
  DATE_FORMATS,
  DATE_MAX_INPUT,
  type DateTranslation,
  type DateTranslator,
  type StoredDateWeights,
  createDateTranslator,
  decodeDateWeights,
  encodeDateText,
  parseDate,
  writeDate,
} from "../../../lib/models";
import { rng } from "../../../lib/core/random";
import { fixed } from "../primitives/format";
import { fields } from "../primitives/urlState";

export const DEFAULT_DATE = "nov 30 2026";
/** The output character selected at first: the first month digit of 2026-11-30. */
export const DEFAULT_OUTPUT = 6;

/** The state a link to this widget reproduces: the reader's text and the selected output character (1–10). */
export const datesSpec = {
  text: fields.text(DEFAULT_DATE, { maxLength: DATE_MAX_INPUT }), // the translator reads at most this many characters
  t: fields.int(DEFAULT_OUTPUT, 1, 10),
};

/** The weights file, a static asset fetched when the widget first becomes visible. */
export const WEIGHTS_PATH = "models/date-translator.json";

/** A translator from the stored weights (as stored: int8 with a scale per row). */
export function translatorFrom(stored: StoredDateWeights): DateTranslator {
  return createDateTranslator(0, stored.options, decodeDateWeights(stored));
}

/** The example list: 30 November 2026 and 20 July 1969 in every trained format, then two untrained ones. */
export function dateExamples(): { text: string; note: string }[] {
  const r = rng(2026);
  const trained = [
    { year: 2026, month: 11, day: 30 },
    { year: 1969, month: 7, day: 20 },
  ].flatMap((d) => DATE_FORMATS.map((f, i) => ({ text: writeDate(d, i, r).text, note: f.pattern })));
  return [
    ...trained,
    { text: "30 nov 2026", note: "not trained" },
    { text: "the 3rd of may, 1999", note: "not trained" },
  ];
}

/** What the field holds: a translation to draw, or a reason it cannot be read. */
export type DateInput =
  | {
      ok: true;
      text: string;
      /** The generator's reading, or null for an untrained format. */ iso: string | null;
      format: string | null;
    }
  | { ok: false; error: string };

/** Check the reader's text: the translator's own limits (length, characters), then the generator's parser. */
export function readDateInput(text: string): DateInput {
  const long = datesSpec.text.message(text, "The date");
  if (long) return { ok: false, error: long };
  try {
    encodeDateText(text);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const p = parseDate(text);
  return {
    ok: true,
    text,
    iso: p?.iso ?? null,
    format: p ? (DATE_FORMATS.find((f) => f.id === p.format)?.pattern ?? p.format) : null,
  };
}

/** How a character is shown as a label (a space as ␣). */
export const charLabel = (c: string) => (c === " " ? "␣" : c);

const n2 = (v: number) => fixed(v, 2);
const vecHead = (v: readonly number[], k = 4) => `[${v.slice(0, k).map(n2).join(",\\ ")},\\ \\ldots]`;
/** Where an encoder state sits, in TeX: "at 6", "at the space" (KaTeX has no glyph for ␣). */
const texAt = (c: string) =>
  c === " " ? "\\text{ at the space}" : `\\text{ at ${c.replace(/[\\{}$&#^_%~]/g, "")}}`;

/** The input positions whose weights the equation writes out: the largest, down to 0.01, at most 4. */
export function topPositions(alpha: readonly number[], k = 4): number[] {
  return alpha
    .map((a, i) => [a, i] as const)
    .sort((x, y) => y[0] - x[0])
    .slice(0, k)
    .filter(([a], j) => j === 0 || a >= 0.01)
    .map(([, i]) => i);
}

/**
 * The context vector of output character t (1-based) with the real numbers: the weighted sum
 * written out for its largest weights, the rest summed, and the first entries of the vectors.
 */
export function contextTex(tr: DateTranslation, t: number): string {
  const alpha = tr.attention[t - 1];
  const top = topPositions(alpha);
  const rest = 1 - top.reduce((s, i) => s + alpha[i], 0);
  const chars = [...tr.input];
  const terms = top.map((i) => `${n2(alpha[i])}\\, h_{${i + 1}}`);
  const named = top.map((i) => `h_{${i + 1}}${texAt(chars[i])}`).join(",\\ ");
  const tail =
    top.length < alpha.length
      ? ` + \\underbrace{\\textstyle\\sum_{\\text{others}} \\alpha_{${t},i} h_i}_{\\text{weights } ${n2(rest)}}`
      : "";
  const values = top.map((i) => `${n2(alpha[i])} \\cdot ${vecHead(tr.states[i])}`).join(" + ");
  return [
    "\\begin{aligned}",
    `c_{${t}} &= \\textstyle\\sum_{i=1}^{${alpha.length}} \\alpha_{${t},i}\\, h_i = ${terms.join(" + ")}${tail} \\quad (${named}) \\\\`,
    `&= ${values}${tail ? " + \\ldots" : ""} \\\\`,
    `&= ${vecHead(tr.contexts[t - 1])} \\in \\mathbb{R}^{${tr.contexts[t - 1].length}}`,
    "\\end{aligned}",
  ].join("\n");
}

/** One sentence on output character t for the status line and screen readers. */
export function outputSummary(tr: DateTranslation, t: number): string {
  const alpha = tr.attention[t - 1];
  const i = alpha.indexOf(Math.max(...alpha));
  return `Writing "${tr.output[t - 1]}" (character ${t} of 10), the decoder attends most to input character ${i + 1}, "${charLabel(tr.input[i])}", with weight ${n2(alpha[i])}.`;
}
