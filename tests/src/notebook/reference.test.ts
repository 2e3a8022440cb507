import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMULA_FUNCTIONS, evaluateFormula } from "../../../lib/formula/index";
import { FUNCTIONS_FILE, referenceFrom } from "../../../src/notebook/reference";

const text = readFileSync(resolve(__dirname, "../../..", FUNCTIONS_FILE), "utf8");

describe("reference panel entries come from the library's doc comments", () => {
  const entries = referenceFrom(text);

  it("has one complete entry for every formula function", () => {
    expect(entries.map((e) => e.name).sort()).toEqual(Object.keys(FORMULA_FUNCTIONS).sort());
    for (const e of entries) {
      expect(e.signature).toMatch(new RegExp(`^${e.name}\\(`));
      expect(e.summary.length).toBeGreaterThan(20);
      expect(e.tex.length).toBeGreaterThan(5);
    }
  });

  it("gives examples that run as cells and call their function", () => {
    for (const e of entries) {
      expect(e.example).toContain(`${e.name}(`);
      expect(() => evaluateFormula(e.example)).not.toThrow();
    }
  });

  it("fails loudly when a comment is incomplete", () => {
    const broken = text.replace(/ {3}\* Usage: `softmax\(x\)`, `softmax\(x, T\)`\n/, "");
    expect(() => referenceFrom(broken)).toThrow(/the doc comment of softmax has no Usage: line/);
  });
});
