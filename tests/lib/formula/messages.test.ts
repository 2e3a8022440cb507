import { describe, expect, it } from "vitest";
import { createFormulaMath, explainFormulaError } from "../../../lib/formula/index";

const fm = createFormulaMath();
/** The reader's message for what `expr` throws. */
const explain = (expr: string) => {
  try {
    fm.evaluate(expr);
  } catch (err) {
    return explainFormulaError(err, expr);
  }
  throw new Error(`${expr} did not throw`);
};

describe("formula errors read as sentences, with positions", () => {
  it.each([
    ["1 + x", /^"x" is not defined\. Define it first/, 5],
    ["softmx([1, 2])", /^There is no function called "softmx"/, 1],
    ["2 * evaluate('1')", /^evaluate\(\) is not available in formulas/, 5],
    ["q = [1, 2]; q.resize([5])", /^Method calls such as q\.resize/, undefined],
    ["softmax([1, 2], 1, 2)", /^softmax: expected 1 or 2 arguments, got 3/, 1],
    ["[1, 2] * [1, 2, 3]", /^The matrix shapes do not fit together/, undefined],
    ["f(x) = f(x); f(1)", /^f: calls itself more than 256 levels deep/, 1],
    ["1 + zeros(1e6, 1e6)", /^zeros: the result would have/, 5],
    ["[1, 2, 3][7]", /^An index is outside the matrix/, undefined],
    ["sqrt('abc')", /^The text "abc" is not a number/, undefined],
    ["inv([[1, 1], [1, 1]])", /^The matrix has no inverse/, undefined],
    ["1 + tanh([1, 2])", /^tanh works on numbers, not matrices; .* map\(M, tanh\)/, 5],
  ])("%s", (expr, message, position) => {
    const p = explain(expr);
    expect(p.message).toMatch(message);
    expect(p.position).toBe(position);
  });

  it("keeps the position of syntax errors", () => {
    const p = explain("q' * (k + ");
    expect(p.message).toMatch(/^Syntax error at character 11/);
  });

  it("never passes on the engine's raw text", () => {
    for (const raw of [
      new RangeError("Maximum call stack size exceeded"),
      new TypeError("Cannot convert undefined or null to object"),
      new TypeError("Cannot read properties of undefined (reading 'length')"),
      new RangeError("Invalid array length"),
      "a thrown string",
    ]) {
      const p = explainFormulaError(raw, "x");
      expect(p.message).not.toMatch(/call stack|undefined or null|properties of|Invalid array|thrown string/);
      expect(p.message).toMatch(/^The formula /);
    }
  });

  it("unwraps errors thrown inside a callback of map", () => {
    const small = createFormulaMath({ maxWork: 100_000 });
    let p: ReturnType<typeof explainFormulaError> | undefined;
    try {
      small.evaluate("map(ones(16, 16), f(x) = sum(ones(64, 64)))");
    } catch (err) {
      p = explainFormulaError(err, "map(ones(16, 16), f(x) = sum(ones(64, 64)))");
    }
    if (!p) throw new Error("the formula did not stop");
    expect(p.message).toMatch(/^(ones|sum): the formula does too much work/);
  });

  it("quotes a long function name as a short excerpt in every message that names it", () => {
    const f = "g".repeat(1_500);
    const cut = `${"g".repeat(29)}…`;
    for (const raw of [
      `Undefined function ${f}`,
      `Undefined symbol ${f}`,
      `Too many arguments in function ${f} (expected: 1, actual: 2)`,
      `Too few arguments in function ${f} (expected: number, index: 1)`,
      `Unexpected type of argument in function ${f} (expected: number, actual: string, index: 0)`,
      `Function '${f}' doesn't apply to matrices`,
    ]) {
      const p = explainFormulaError(new Error(raw), `${f}(1)`);
      expect(p.message, raw.slice(0, 40)).toContain(cut);
      expect(p.message).not.toMatch(/g{30}/);
      expect(p.position).toBe(1);
    }
  });
});
