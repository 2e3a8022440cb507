/**
 * Runs every `@example` in `lib/**` and checks the value of its last expression against the JSON
 * after `// returns`; checks that every function the public barrels export (`lib/index.ts`,
 * `lib/formula/index.ts`) has a doc comment in the house order: summary, `$$…$$`, `@example`,
 * optional `@see`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as lib from "../../lib/index";
import * as formula from "../../lib/formula/index";

const ROOT = resolve(__dirname, "../../lib");
const SCOPE: Record<string, unknown> = { ...lib, ...formula };
const TOLERANCE = 1e-9;

/** One doc comment and the declaration that follows it. */
export interface DocBlock {
  file: string;
  line: number;
  /** Name of the declaration after the comment (`""` if none was recognised). */
  name: string;
  /** Comment lines with the leading ` * ` removed. */
  lines: string[];
}

/** Every `/** … *\/` comment of a source text, with the name declared right after it. */
export function docBlocks(file: string, text: string): DocBlock[] {
  const out: DocBlock[] = [];
  const re = /\/\*\*([\s\S]*?)\*\//g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(re.lastIndex, re.lastIndex + 300);
    const decl =
      /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|let|interface|type)\s+(\w+)/.exec(
        after,
      );
    const lines = m[1].split("\n").map((l) => l.replace(/^\s*\* ?/, "").replace(/\s+$/, ""));
    out.push({ file, line: text.slice(0, m.index).split("\n").length, name: decl?.[1] ?? "", lines });
  }
  return out;
}

/** The problems with a doc comment's structure; empty when it is in the house order. */
export function structureProblems(b: DocBlock): string[] {
  const problems: string[] = [];
  const text = b.lines.join("\n");
  const summary = b.lines.find((l) => l.trim() !== "");
  if (!summary || /^(\$\$|@)/.test(summary.trim())) problems.push("no one-line summary first");
  const tex = text.indexOf("$$");
  const example = text.indexOf("@example");
  const see = text.indexOf("@see");
  if (tex < 0 || text.indexOf("$$", tex + 2) < 0) problems.push("no formula in TeX ($$…$$)");
  if (example < 0) problems.push("no @example");
  if (tex >= 0 && example >= 0 && tex > example) problems.push("the TeX formula must come before @example");
  if (see >= 0 && example >= 0 && see < example) problems.push("@see must come after @example");
  return problems;
}

/** The code of the `@example` section and the expected value after `// returns`. */
export function exampleOf(b: DocBlock): { code: string[]; expected: string } | null {
  const start = b.lines.findIndex((l) => l.trim().startsWith("@example"));
  if (start < 0) return null;
  const body: string[] = [];
  for (const l of b.lines.slice(start + 1)) {
    if (/^\s*@\w+/.test(l)) break;
    body.push(l);
  }
  const ret = body.findIndex((l) => /^\s*\/\/\s*returns\b/.test(l));
  if (ret < 0) return { code: body, expected: "" };
  return {
    code: body.slice(0, ret).filter((l) => l.trim() !== ""),
    expected: body[ret].replace(/^\s*\/\/\s*returns\s*/, ""),
  };
}

/** Parse the text after `// returns`: JSON, or NaN / Infinity / -Infinity / undefined. */
export function parseExpected(s: string): unknown {
  const literals: Record<string, unknown> = { NaN, Infinity, "-Infinity": -Infinity, undefined };
  if (s in literals) return literals[s];
  return JSON.parse(s);
}

/** Run example code with `scope` in view; returns the value of its last expression. */
export async function runExample(code: string[], scope: Record<string, unknown>): Promise<unknown> {
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as FunctionConstructor;
  // The last expression may span lines or share one with statements: try the shortest tail,
  // starting after a `;` or a line break, that makes the whole body parse.
  const text = code.join("\n").replace(/;\s*$/, "");
  const cuts = [0, ...[...text.matchAll(/[;\n]/g)].map((m) => m.index + 1)].reverse();
  for (const cut of cuts) {
    let fn: (...args: unknown[]) => Promise<unknown>;
    try {
      fn = new AsyncFunction(...names, `${text.slice(0, cut)}\nreturn (${text.slice(cut)}\n);`) as typeof fn;
    } catch {
      continue;
    }
    return fn(...names.map((n) => scope[n]));
  }
  throw new SyntaxError(`example does not parse:\n${code.join("\n")}`);
}

/** Deep equality with a numeric tolerance; typed arrays compare as arrays. Returns a mismatch path or null. */
export function mismatch(actual: unknown, expected: unknown, path = "$"): string | null {
  if (ArrayBuffer.isView(actual) && !(actual instanceof DataView))
    actual = Array.from(actual as Float64Array);
  if (typeof expected === "number" && typeof actual === "number") {
    if (
      Number.isNaN(expected)
        ? Number.isNaN(actual)
        : Math.abs(actual - expected) <= TOLERANCE || actual === expected
    ) {
      return null;
    }
    return `${path}: got ${actual}, expected ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: got ${JSON.stringify(actual)}, expected an array of length ${expected.length}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i], `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object")
      return `${path}: got ${String(actual)}, expected an object`;
    const a = actual as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(expected)]);
    for (const k of keys) {
      const m = mismatch(a[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return Object.is(actual, expected)
    ? null
    : `${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const blocks = sourceFiles(ROOT).flatMap((f) => docBlocks(relative(ROOT, f), readFileSync(f, "utf8")));
const examples = blocks.filter((b) => b.lines.some((l) => l.trim().startsWith("@example")));

describe("doc examples in lib/", () => {
  it("finds examples", () => expect(examples.length).toBeGreaterThan(10));
  for (const b of examples) {
    it(`${b.file}:${b.line} ${b.name}`, async () => {
      const ex = exampleOf(b);
      if (!ex || ex.expected === "") throw new Error("the @example has no `// returns <value>` line");
      const actual = await runExample(ex.code, SCOPE);
      const m = mismatch(actual, parseExpected(ex.expected));
      if (m) throw new Error(`example result differs: ${m}\n${ex.code.join("\n")}`);
    });
  }
});

describe("doc comments of exported functions", () => {
  const byName = new Map<string, DocBlock>();
  for (const b of blocks) if (b.name && !byName.has(b.name)) byName.set(b.name, b);
  for (const name of Object.keys(SCOPE).sort()) {
    if (typeof SCOPE[name] !== "function") continue;
    it(name, () => {
      const b = byName.get(name);
      if (!b) throw new Error(`${name} is exported but has no doc comment`);
      const problems = structureProblems(b);
      if (problems.length) throw new Error(`${b.file}:${b.line} ${name}: ${problems.join("; ")}`);
    });
  }
});

describe("the checker itself", () => {
  const src = `/**
 * Adds one.
 *
 * $$f(x) = x + 1$$
 *
 * @example
 * [1, 2].map((x) =>
 *   x + 1);
 * // returns [2, 3.0000000001]
 *
 * @see nothing
 */
export function addOne() {}
/** No formula. @example 1 // returns 1 */
export function bare() {}`;
  const [good, bad] = docBlocks("x.ts", src);
  it("reads names and runs multi-line examples within the tolerance", async () => {
    expect([good.name, bad.name]).toEqual(["addOne", "bare"]);
    expect(structureProblems(good)).toEqual([]);
    const ex = exampleOf(good)!;
    expect(mismatch(await runExample(ex.code, {}), parseExpected(ex.expected))).toBeNull();
  });
  it("reports a wrong result and a comment out of order", async () => {
    expect(mismatch(await runExample(["1 + 1"], {}), 3)).toMatch(/got 2, expected 3/);
    expect(mismatch(new Float64Array([1, 2]), [1, 2.1])).toMatch(/\$\[1\]/);
    expect(structureProblems(bad)).toContain("no formula in TeX ($$…$$)");
  });
});
