import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface CodeRef {
  /** Path from the repository root, e.g. `lib/attention/scaledDotProduct.ts`. */
  file: string;
  /** Exported function (or class) to show, with its doc comment; omit to show the whole file. */
  name?: string;
}

/**
 * Read the source of a `lib/` function at build time, doc comment included, so a widget's "code"
 * tab always matches the library. Fails the build if the file or the function is missing.
 */
export function extractSource(ref: CodeRef): string {
  if (!ref.file.startsWith("lib/")) throw new Error(`Widget code: "${ref.file}" is not under lib/`);
  const text = readFileSync(resolve(process.cwd(), ref.file), "utf8");
  if (!ref.name) return text.trim();
  const pattern = new RegExp(`^export (?:async )?(?:function\\*?|class|const) ${ref.name}\\b`, "m");
  const m = pattern.exec(text);
  if (!m) throw new Error(`Widget code: ${ref.file} exports no function or class named "${ref.name}"`);
  let start = m.index;
  const before = text.slice(0, start);
  const docStart = before.lastIndexOf("/**");
  if (docStart >= 0 && /^\s*$/.test(text.slice(text.indexOf("*/", docStart) + 2, start))) start = docStart;
  const end = text.indexOf("\n}", m.index);
  if (end < 0) throw new Error(`Widget code: cannot find the end of "${ref.name}" in ${ref.file}`);
  return text.slice(start, end + 2);
}
