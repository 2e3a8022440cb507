/**
 * The reference panel's entries, read at build time from the doc comments of the library's
 * formula functions (`lib/formula/functions.ts`), so the panel cannot drift from the library:
 * each entry's summary, usage, formula and example are the comment's own, and the example is
 * the one `tests/lib/docExamples.test.ts` runs. The build fails if a function has no complete
 * comment.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface RefEntry {
  name: string;
  /** Every way to call it: `softmax(x), softmax(x, T)`. */
  signature: string;
  summary: string;
  /** The formula in TeX. */
  tex: string;
  /** A formula a reader can insert as a cell. */
  example: string;
  /** What the example returns, as the comment states it. */
  returns: string;
}

export const FUNCTIONS_FILE = "lib/formula/functions.ts";

/** Parse the doc comment of every entry of `FORMULA_FUNCTIONS` in the text of `functions.ts`. */
export function referenceFrom(text: string): RefEntry[] {
  const body = text.slice(text.indexOf("export const FORMULA_FUNCTIONS"));
  const out: RefEntry[] = [];
  for (const m of body.matchAll(/\n {2}\/\*\*\n([\s\S]*?)\n {3}\*\/\n {2}(\w+): \{/g)) {
    const name = m[2];
    const lines = m[1].split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    const text = lines.join("\n");
    const fail = (what: string) => new Error(`${FUNCTIONS_FILE}: the doc comment of ${name} has no ${what}`);
    const summary = text
      .split(/\n\s*\n/)[0]
      .replace(/\s+/g, " ")
      .trim();
    const usage = /^Usage: (.+)$/m.exec(text)?.[1];
    const tex = /\$\$([\s\S]+?)\$\$/.exec(text)?.[1]?.trim();
    const example = /evaluateFormula\((".*?(?<!\\)")\)/.exec(text)?.[1];
    const returns = /\/\/ returns (.+)$/m.exec(text)?.[1];
    if (!summary) throw fail("summary");
    if (!usage) throw fail("Usage: line");
    if (!tex) throw fail("$$ formula $$");
    if (!example || !returns) throw fail('@example with evaluateFormula("…") and // returns');
    out.push({
      name,
      signature: [...usage.matchAll(/`([^`]+)`/g)].map((u) => u[1]).join(", "),
      summary,
      tex,
      example: JSON.parse(example) as string,
      returns,
    });
  }
  return out;
}

/** The entries, read from the repository at build time. */
export function loadReference(): RefEntry[] {
  return referenceFrom(readFileSync(resolve(process.cwd(), FUNCTIONS_FILE), "utf8"));
}
