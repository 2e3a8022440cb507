import { describe, expect, it } from "vitest";
import { FORMULA_BUILTINS, FORMULA_TRANSFORMS, createRestrictedMath } from "../../../lib/formula/instance";
import { FORMULA_LIMITS, FormulaGuard } from "../../../lib/formula/limits";
import { createFormulaMath } from "../../../lib/formula/math";

describe("lib/formula/mathjsFactories: the curated mathjs instance", () => {
  const { math } = createRestrictedMath(new FormulaGuard(FORMULA_LIMITS), () => ({}));
  const ns = math as unknown as Record<string, unknown>;

  it("has every built-in a formula may call", () => {
    const constants = new Set(["pi", "e", "tau", "phi", "Infinity", "NaN", "true", "false", "null"]);
    expect(FORMULA_BUILTINS.filter((n) => !constants.has(n) && typeof ns[n] !== "function")).toEqual([]);
    expect([...constants].filter((n) => !(n in ns))).toEqual([]);
  });

  it("keeps the transforms: dimensions and indices are one-based in formulas", () => {
    const fm = createFormulaMath();
    const v = (expr: string) => (fm.evaluate(expr, {}) as { valueOf(): unknown }).valueOf();
    expect(FORMULA_TRANSFORMS).toContain("sum");
    expect(v("sum([[1, 2], [3, 4]], 2)")).toEqual([3, 7]);
    expect(v("max([[1, 2], [3, 4]], 1)")).toEqual([3, 4]);
    expect(v("mean([[1, 2], [3, 4]], 1)")).toEqual([2, 3]);
    expect(v("concat([[1], [2]], [[3], [4]], 2)")).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(v("column([[1, 2], [3, 4]], 2)")).toEqual([[2], [4]]);
    expect(v("subset([5, 6, 7], index(2))")).toBe(6);
    expect(v("range(1, 3)")).toEqual([1, 2, 3]);
  });

  it("computes with the functions whose factories needed a big-number or fraction stand-in", () => {
    const fm = createFormulaMath();
    const v = (expr: string) => (fm.evaluate(expr, {}) as { valueOf(): unknown }).valueOf();
    expect(v("zeros(2, 2)")).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(v("ones(2)")).toEqual([1, 1]);
    expect(v("round(2.567, 2)")).toBe(2.57);
    expect(v("cbrt(27)")).toBe(3);
    expect(v("2 ^ 10")).toBe(1024);
    expect(v("[1, 2] .^ 2")).toEqual([1, 4]);
    expect(v("inv([[2, 1], [1, 1]])")).toEqual([
      [1, -1],
      [-1, 2],
    ]);
    expect(v("norm([3, 4])")).toBe(5);
    expect(v("median([3, 1, 2])")).toBe(2);
    expect(v("sort([3, 1, 2])")).toEqual([1, 2, 3]);
    expect(v("factorial(5)")).toBe(120);
    expect(v("range(1, 4)")).toEqual([1, 2, 3, 4]);
    expect(v("max([1, 5, 2])")).toBe(5);
    expect(v("sign(-3)")).toBe(-1);
    expect(v("mod(7, 3)")).toBe(1);
    expect(v("atan2(1, 1)")).toBeCloseTo(Math.PI / 4, 15);
    expect(v("x = [1, 2, 3]; x[2] = 5; x")).toEqual([1, 5, 3]);
    expect(String(v("sqrt(-4)"))).toBe("2i");
  });

  it("has no units, big numbers or fractions", () => {
    const fm = createFormulaMath();
    expect(() => fm.evaluate("5 cm", {})).toThrow(/cm/);
    expect(() => fm.evaluate("bignumber(2)", {})).toThrow();
    expect(() => fm.evaluate("fraction(1, 3)", {})).toThrow();
    expect("Unit" in ns).toBe(false);
  });
});
