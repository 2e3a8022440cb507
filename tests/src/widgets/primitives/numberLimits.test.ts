/**
 * What a number control accepts, its link brings back (issue 9): in every island, each slider,
 * seed field and number input that sets a state field has the same range as that field's link
 * (`fields.number` / `fields.int` in the table passed to `useWidget`). Read from the source with
 * the TypeScript parser; a bound written as an expression the test cannot evaluate is reported.
 * Sliders made by a helper with the key as a variable (the positional-encoding, Transformer-XL and
 * pooling widgets, and the soft/hard/local panels) are not found here; their ranges were compared
 * by hand when this test was written.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../../..");
const widgets = join(root, "src/widgets");

type Src = { path: string; file: ts.SourceFile };

function parse(path: string): Src {
  return { path, file: ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true) };
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}

/** Numeric constants declared at the top of a file (`const MAX = 8;`, `export const N = 2 * 4;`). */
function constants(src: Src, known: Map<string, number>): void {
  for (const st of src.file.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer) {
        const v = evaluate(d.initializer, known);
        if (v !== undefined) known.set(d.name.text, v);
      }
    }
  }
}

/** The value of a constant numeric expression: literals, named constants, + − × ÷. */
function evaluate(e: ts.Expression, known: Map<string, number>): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ""));
  if (ts.isParenthesizedExpression(e)) return evaluate(e.expression, known);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
    const v = evaluate(e.operand, known);
    return v === undefined ? undefined : -v;
  }
  if (ts.isIdentifier(e)) return known.get(e.text);
  if (ts.isBinaryExpression(e)) {
    const a = evaluate(e.left, known);
    const b = evaluate(e.right, known);
    if (a === undefined || b === undefined) return undefined;
    switch (e.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
        return a + b;
      case ts.SyntaxKind.MinusToken:
        return a - b;
      case ts.SyntaxKind.AsteriskToken:
        return a * b;
      case ts.SyntaxKind.SlashToken:
        return a / b;
    }
  }
  return undefined;
}

interface Range {
  min: number | undefined;
  max: number | undefined;
}

/** The number fields of the state table declared as `const <name> = { key: fields.int(d, min, max), … }`. */
function specRanges(srcs: Src[], name: string, known: Map<string, number>): Map<string, Range> | null {
  for (const src of srcs) {
    for (const st of src.file.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue;
        if (!ts.isObjectLiteralExpression(d.initializer)) return null;
        const out = new Map<string, Range>();
        for (const p of d.initializer.properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isCallExpression(p.initializer)) continue;
          const callee = p.initializer.expression.getText(src.file);
          if (callee !== "fields.int" && callee !== "fields.number") continue;
          const [, min, max] = p.initializer.arguments;
          out.set(p.name.getText(src.file), {
            min: min && evaluate(min, known),
            max: max && evaluate(max, known),
          });
        }
        return out;
      }
    }
  }
  return null;
}

interface Control {
  where: string;
  key: string;
  tag: string;
  min: number | undefined;
  max: number | undefined;
  /** The bound's source when the test could not evaluate it. */
  unread: string[];
}

/** Sliders, seed fields and number/range inputs whose handler sets one state field. */
function controls(src: Src, known: Map<string, number>): Control[] {
  const out: Control[] = [];
  walk(src.file, (n) => {
    if (!ts.isJsxSelfClosingElement(n) && !ts.isJsxOpeningElement(n)) return;
    const tag = n.tagName.getText(src.file);
    const attrs = new Map<string, ts.Expression | null>();
    for (const a of n.attributes.properties) {
      if (!ts.isJsxAttribute(a)) continue;
      const init = a.initializer;
      attrs.set(
        a.name.getText(src.file),
        init && ts.isJsxExpression(init)
          ? (init.expression ?? null)
          : init && ts.isStringLiteral(init)
            ? init
            : null,
      );
    }
    const type = attrs.get("type");
    const typeText = type && ts.isStringLiteral(type) ? type.text : "";
    const isControl =
      tag === "Slider" ||
      tag === "RangeField" ||
      tag === "SeedInput" ||
      (tag === "input" && (typeText === "range" || typeText === "number"));
    if (!isControl) return;
    const handler = ["onInput", "onValue", "onSeed", "onChange"]
      .map((k) => attrs.get(k))
      .find((e) => e)
      ?.getText(src.file);
    // set("key", v), or setState((s) => ({ ...s, key: v })).
    const key =
      handler && (/\bset\(\s*["'](\w+)["']/.exec(handler)?.[1] ?? /\.\.\.\w+,\s*(\w+):/.exec(handler)?.[1]);
    if (!key) return;
    const unread: string[] = [];
    const bound = (name: string): number | undefined => {
      const e = attrs.get(name);
      if (!e) return tag === "SeedInput" && name === "min" ? 0 : undefined;
      const v = ts.isStringLiteral(e) ? Number(e.text) : evaluate(e, known);
      if (v === undefined) unread.push(`${name}={${e.getText(src.file)}}`);
      return v;
    };
    const line = src.file.getLineAndCharacterOfPosition(n.getStart()).line + 1;
    out.push({
      where: `${relative(root, src.path)}:${line}`,
      key,
      tag,
      min: bound("min"),
      max: bound("max"),
      unread,
    });
  });
  return out;
}

/** Every island (a file calling useWidget) with the controls it has and its state table's ranges. */
function islands() {
  const files = readdirSync(widgets, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  const out: { island: string; checks: { c: Control; spec: Range | undefined }[] }[] = [];
  for (const path of files.filter((f) => f.endsWith(".tsx"))) {
    const src = parse(path);
    // The state table: an argument of useWidget (or of the training runtime's useTrainingWidget).
    const names: string[] = [];
    walk(src.file, (n) => {
      if (ts.isCallExpression(n) && /^use(Training)?Widget$/.test(n.expression.getText(src.file)))
        for (const a of n.arguments) if (ts.isIdentifier(a)) names.push(a.text);
    });
    if (names.length === 0) continue;
    const folder = files.filter((f) => dirname(f) === dirname(path)).map(parse);
    const known = new Map<string, number>();
    for (const s of folder) constants(s, known);
    const spec = names.map((n) => specRanges(folder, n, known)).find((r) => r !== null);
    if (!spec) continue;
    out.push({
      island: relative(root, path),
      checks: controls(src, known)
        .filter((c) => spec.has(c.key) || c.tag === "SeedInput")
        .map((c) => ({ c, spec: spec.get(c.key) })),
    });
  }
  return out;
}

/**
 * Controls whose bound follows the state (written as an expression of it), and the largest value
 * that bound reaches, which the link's limit must equal.
 */
const MOVING: Record<string, { max: number; why: string }> = {
  "src/widgets/neural-turing-machines/NtmCopyTaskIsland.tsx frame": {
    max: 20,
    why: "the last frame, 2T for a sequence of T ≤ 10 items (slots ≤ 10)",
  },
  "src/widgets/seq2seq-attention/TrainReverseIsland.tsx step": {
    max: 9,
    why: "one output step per digit of the reader's sequence and one for EOS, at most 8 + 1",
  },
  "src/widgets/pointer-networks/TrainPointerIsland.tsx step": {
    max: 12,
    why: "one output step per number of the reader's list, at most 12 (SORT_MAX_LENGTH)",
  },
};

describe("number controls and their links take the same range", () => {
  const all = islands();
  const checks = all.flatMap((i) => i.checks);

  it("finds the sliders, seed fields and number inputs", () => {
    expect(checks.length).toBeGreaterThan(30);
  });

  it.each(checks.map(({ c, spec }) => [`${c.where} ${c.tag} → ${c.key}`, c, spec] as const))(
    "%s",
    (_, c, spec) => {
      const moving = MOVING[`${c.where.replace(/:\d+$/, "")} ${c.key}`];
      if (moving) {
        expect(spec?.max, moving.why).toBe(moving.max);
        return;
      }
      expect(c.unread, "bounds the test could not read").toEqual([]);
      expect(spec, `${c.key} is not a number field of the widget's state table`).toBeDefined();
      expect({ min: c.min, max: c.max }).toEqual({ min: spec!.min, max: spec!.max });
    },
  );
});
