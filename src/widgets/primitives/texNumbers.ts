import { scientific } from "./format";

/**
 * Numbers in the TeX of live equations (`LiveEquation`): vectors and lists formatted with the
 * site's number formatter (`format.ts`), so an equation shows the same digits as its table.
 */

/** A vector as TeX, `[0.12,\ -0.5]`, each entry printed by `f`. */
export const texVector = (v: ArrayLike<number>, f: (x: number) => string): string =>
  `\\left[${Array.from(v, f).join(",\\ ")}\\right]`;

/**
 * A sum of terms in TeX, with the middle left out (`a + b + \cdots + z`) when there are more than
 * `max` terms, so a long row stays readable.
 */
export function texSum(terms: string[], max = 8): string {
  if (terms.length <= max) return terms.join(" + ");
  const head = terms.slice(0, max - 2);
  return [...head, "\\cdots", terms[terms.length - 1]].join(" + ");
}

/** Lines joined in an `aligned` block (each line has one `&`). */
export const texAligned = (lines: string[]): string =>
  ["\\begin{aligned}", lines.join(" \\\\\n"), "\\end{aligned}"].join("\n");
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A number in scientific notation as TeX, with the digits of `scientific()`: `5.12 \times 10^{6}`. */
export function texScientific(v: number, digits = 3): string {
  return scientific(v, digits)
    .replace(" × ", " \\times ")
    .replace(
      /10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/,
      (_, e: string) =>
        `10^{${[...e].map((c) => (c === "⁻" ? "-" : String(SUPERSCRIPT.indexOf(c)))).join("")}}`,
    );
}
