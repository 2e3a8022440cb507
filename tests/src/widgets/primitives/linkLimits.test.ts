/**
 * What a field accepts, its link brings back (issue 9): every widget's state table is read from
 * the source, and each text field's link limit is checked against what its input accepts. Typed
 * text fields take the shared limit (`fields.text(default)`, 20,000 characters, far above what any
 * of their parsers accepts); the score formula takes the formula engine's own limit. Only fields
 * the reader never types (they are drawn) may have a shorter limit, and it must cover everything
 * the drawing can produce.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compileScoreFormula } from "../../../../lib/formula/score";
import { FORMULA_LIMITS } from "../../../../lib/formula/limits";
import { fields, readState, writeState } from "../../../../src/widgets/primitives/urlState";
import { FORMULA_MAX_LENGTH, scoreSpec } from "../../../../src/widgets/score-functions/scoreModel";
import { recallSpec } from "../../../../src/widgets/hopfield-networks/recallModel";

const root = resolve(import.meta.dirname, "../../../..");
const widgets = join(root, "src/widgets");

interface TextField {
  file: string;
  key: string;
  /** The second argument's source, or null for the shared limit. */
  limit: string | null;
}

function textFields(): TextField[] {
  const out: TextField[] = [];
  for (const e of readdirSync(widgets, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.tsx?$/.test(e.name)) continue;
    const path = join(e.parentPath, e.name);
    const src = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.getText(src) === "fields.text" &&
        ts.isPropertyAssignment(node.parent)
      ) {
        out.push({
          file: relative(root, path),
          key: node.parent.name.getText(src),
          limit: node.arguments[1]?.getText(src) ?? null,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}

/** Fields with their own limit, and why it equals what the field accepts. */
const OWN_LIMITS: Record<string, string> = {
  "src/widgets/score-functions/scoreModel.ts formula": "FORMULA_MAX_LENGTH",
  // The date translator reads at most 40 characters (encodeDateText), untrimmed.
  "src/widgets/seq2seq-attention/datesModel.ts text": "DATE_MAX_INPUT",
  // Drawn, never typed: at most 8 patterns of 25 hex digits (100 pixels) and 7 commas (207).
  "src/widgets/hopfield-networks/recallModel.ts patterns": "300",
  "src/widgets/hopfield-networks/ModernHopfieldIsland.tsx patterns": "300",
  // The drawing board: one pattern, 25 hex digits.
  "src/widgets/hopfield-networks/recallModel.ts draft": "30",
};

describe("link limits equal field limits", () => {
  const found = textFields();

  it("finds the widgets' text fields", () => {
    expect(found.length).toBeGreaterThan(25);
  });

  it.each(found.map((f) => [`${f.file} ${f.key}`, f] as const))("%s", (name, f) => {
    expect(f.limit, `${name}: a link limit other than the field's own`).toBe(OWN_LIMITS[name] ?? null);
  });

  it("a valid 616-character score formula survives its link", () => {
    const term = "q[1] * k[1] + ";
    const formula = `${term.repeat(Math.ceil(616 / term.length))}d`.slice(-616).replace(/^[^q]*/, "");
    const padded = formula.padStart(616, " ");
    expect(padded).toHaveLength(616);
    expect(compileScoreFormula(padded).evaluate([1, 2], [3, 4])).toBeTypeOf("number");
    const search = writeState(
      "sf",
      scoreSpec,
      { ...readState("sf", scoreSpec, "").state, formula: padded },
      "",
    );
    const back = readState("sf", scoreSpec, search);
    expect(back.errors).toEqual([]);
    expect(back.state.formula).toBe(padded);
  });

  it("the formula link takes exactly what the formula engine takes", () => {
    expect(FORMULA_MAX_LENGTH).toBe(FORMULA_LIMITS.maxLength);
    const longest = "1".padStart(FORMULA_LIMITS.maxLength, " ");
    expect(compileScoreFormula(longest).evaluate([1], [1])).toBe(1);
    expect(() => compileScoreFormula(`${longest} `)).toThrow(/limit/);
    expect(scoreSpec.formula.parse(longest)).toBe(longest);
    expect(() => scoreSpec.formula.parse(`${longest} `)).toThrow(/longer than/);
  });

  it("the shared limit takes 20,000 characters and says so past it", () => {
    const f = fields.text("");
    expect(f.parse("x".repeat(20_000))).toHaveLength(20_000);
    expect(() => f.parse("x".repeat(20_001))).toThrow("is longer than 20000 characters");
  });

  it("a drawn Hopfield state at its largest fits its link", () => {
    const patterns = Array.from({ length: 8 }, () => "f".repeat(25)).join(",");
    expect(recallSpec.patterns.parse(patterns)).toBe(patterns);
  });
});
