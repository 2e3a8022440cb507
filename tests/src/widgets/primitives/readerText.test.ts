/**
 * Text a reader types (issue 9): messages quote at most a short excerpt of it, and its words are
 * never looked up on plain objects ("constructor" is a word like any other).
 */
import { describe, expect, it } from "vitest";
import { babiInputErrors } from "../../../../lib/models/babiTask";
import { explainFormulaError } from "../../../../lib/formula/messages";
import { evaluateArithmetic, parseNumberAnswer } from "../../../../src/widgets/primitives/answerParse";
import { parseMatrixText } from "../../../../src/widgets/primitives/matrixText";
import { parseNumberList } from "../../../../src/widgets/primitives/parseList";
import { fields, readState } from "../../../../src/widgets/primitives/urlState";

const HUGE = "x".repeat(100_000);
/** A message may repeat the reader's value only as an excerpt: far shorter than the value. */
const SHORT = 300;

describe("messages quote an excerpt of a 100,000-character value", () => {
  it.each([
    ["a matrix field", () => parseMatrixText(HUGE, "Q")],
    ["a list field", () => parseNumberList(HUGE, "Scores", 1, 12)],
    ["an answer box", () => parseNumberAnswer(HUGE)],
    ["answer arithmetic", () => evaluateArithmetic(`1 + ${HUGE.slice(0, 150)}`)],
  ])("%s", (_, run) => {
    const r = run() as { ok: boolean; error?: string };
    expect(r.ok).toBe(false);
    expect(r.error!.length).toBeLessThan(SHORT);
  });

  it("a link's number, choice and switch", () => {
    const spec = {
      n: fields.number(1, 0, 2),
      c: fields.choice("a", ["a", "b"] as const),
      b: fields.bool(false),
    };
    const { errors } = readState("w", spec, `?w.n=${HUGE}&w.c=${HUGE}&w.b=${HUGE}`);
    expect(errors).toHaveLength(3);
    for (const e of errors) expect(e.length).toBeLessThan(SHORT);
  });

  it("a formula's unknown name", () => {
    const name = "a".repeat(5000);
    const m = explainFormulaError(new Error(`Undefined symbol ${name}`), name).message;
    expect(m.length).toBeLessThan(SHORT);
  });

  it("story words the model does not know: one huge, or thousands", () => {
    for (const story of [
      `Mary went to the ${HUGE}.`,
      Array.from({ length: 5000 }, (_, i) => `w${i}`).join(" "),
    ]) {
      const { story: message } = babiInputErrors([story], "Where is Mary?");
      expect(message).toMatch(/^Not in the model's vocabulary/);
      expect(message!.length).toBeLessThan(SHORT);
    }
  });
});

describe("a reader's words are never found on Object.prototype", () => {
  it.each(["constructor", "toString", "valueOf", "hasOwnProperty"])("%s in an answer box", (word) => {
    for (const text of [word, `${word}(2)`, `2 * ${word}`]) {
      const r = evaluateArithmetic(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(word.toLowerCase());
    }
  });
});
