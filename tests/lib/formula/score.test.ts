import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScoreFormula, scoreMatrixFromFormula } from "../../../lib/formula/index";
import { scaledDotScore, scaledDotScoreMatrix, cosineScore } from "../../../lib/index";

describe("score formulas typed by readers", () => {
  it("q' * k / sqrt(d) and dot(q, k) / sqrt(d) are the scaled dot product", () => {
    const f1 = compileScoreFormula("q' * k / sqrt(d)");
    const f2 = compileScoreFormula("dot(q, k) / sqrt(d)");
    expect(f1.tex).toBe("\\frac{{q}^{\\top}\\cdot k}{\\sqrt{d}}");
    const vec = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(vec, vec, (q, k) => {
        const want = scaledDotScore(q, k);
        expect(f1.evaluate(q, k)).toBeCloseTo(want, 9);
        expect(f2.evaluate(Float64Array.from(q), Float64Array.from(k))).toBeCloseTo(want, 9);
      }),
      { numRuns: 50 },
    );
  });

  it("handles other shapes of formula: cosine, norms, user functions", () => {
    const cos = compileScoreFormula("dot(q, k) / (norm(q) * norm(k))");
    expect(cos.evaluate([1, 2], [3, -1])).toBeCloseTo(cosineScore([1, 2], [3, -1]), 12);
    expect(compileScoreFormula("s(x) = x^2; s(dot(q, k)) + pi * 0").evaluate([1, 1], [1, 2])).toBe(9);
    expect(compileScoreFormula("-sum((q - k) .^ 2)").evaluate([1, 1], [1, 2])).toBe(-1);
  });

  it("scoreMatrixFromFormula matches lib over every (query, key) pair", () => {
    const Q = [
      [1, 2, 0, 1],
      [0, 1, 1, 0],
    ];
    const K = [
      [1, 0, 0, 1],
      [2, 2, 2, 2],
      [0, -1, 1, 0],
    ];
    const S = scoreMatrixFromFormula("q' * k / sqrt(d)", Q, K);
    const want = scaledDotScoreMatrix(Q, K);
    expect(S.shape).toEqual([2, 3]);
    S.data.forEach((x, i) => expect(x).toBeCloseTo(want.data[i], 12));
  });

  it("rejects unknown symbols, non-scalar results, NaN and syntax errors clearly", () => {
    expect(() => compileScoreFormula("q' * x")).toThrow(
      /unknown symbol "x"; a score formula can use q, k and d/,
    );
    expect(() => compileScoreFormula("q .* k").evaluate([1, 2], [3, 4])).toThrow(
      /must give a number, but gave a vector of 2 numbers/,
    );
    expect(() => compileScoreFormula("q' * k + [[1, 2], [3, 4]]").evaluate([1], [1])).toThrow(
      /must give a number, but gave a 2×2 matrix/,
    );
    expect(() => compileScoreFormula("sqrt(-dot(q, k))").evaluate([1], [1])).toThrow(
      /must give a number, but gave a complex number/,
    );
    expect(() => compileScoreFormula("log(dot(q, k)) * 0 / 0").evaluate([1], [1])).toThrow(
      /gave NaN for q = \[1\], k = \[1\]/,
    );
    expect(() => compileScoreFormula("dot(q, k) / 0").evaluate([1], [1])).toThrow(/gave Infinity/);
    expect(() => compileScoreFormula("q' * (k")).toThrow(/Syntax error at character 8/);
    expect(() => compileScoreFormula("evaluate('1')").evaluate([1], [1])).toThrow(
      /Function evaluate is disabled/,
    );
  });

  it("refuses score matrices over the size limit", () => {
    const big = Array.from({ length: 300 }, () => [1]);
    expect(() => scoreMatrixFromFormula("q' * k", big, big)).toThrow(
      /300×300 scores exceed the limit of 65536 entries/,
    );
  });
});
