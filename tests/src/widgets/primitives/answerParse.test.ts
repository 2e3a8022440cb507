import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  evaluateArithmetic,
  parseMatrixAnswer,
  parseNumberAnswer,
} from "../../../../src/widgets/primitives/answerParse";

describe("evaluateArithmetic", () => {
  it("follows the usual precedence", () => {
    const cases: [string, number][] = [
      ["1 + 2 * 3", 7],
      ["(1 + 2) * 3", 9],
      ["2^3^2", 512],
      ["-2^2", -4],
      ["1/(1 + e^-2)", 1 / (1 + Math.exp(-2))],
      ["sqrt(16)", 4],
      ["√2 * √2", 2],
      ["2 × 3 − 1 ÷ 4", 5.75],
      ["tanh(1) + tanh(1)", 2 * Math.tanh(1)],
      ["ln(3)", Math.log(3)],
      ["2pi", 2 * Math.PI],
      ["1e-3", 0.001],
    ];
    for (const [text, v] of cases) {
      const r = evaluateArithmetic(text);
      expect(r.ok && r.value, text).toBeCloseTo(v, 12);
    }
  });

  it("reads any plain decimal exactly as Number does", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = evaluateArithmetic(String(x));
        return r.ok && r.value === x;
      }),
    );
  });

  it("explains malformed input in a sentence and never runs code", () => {
    const bad: [string, RegExp][] = [
      ["", /empty/],
      ["(1 + 2", /not closed/],
      ["1 +", /ends where a number/],
      ["alert(1)", /"alert" is not a number/],
      ["1/0", /not a finite number/],
      ["2 3", /left over/],
      ["x$", /"x" is not a number|not something/],
      ["(".repeat(60) + "1" + ")".repeat(60), /nests too many/],
    ];
    for (const [text, msg] of bad) {
      const r = evaluateArithmetic(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error, text).toMatch(msg);
    }
  });
});

describe("parseNumberAnswer and parseMatrixAnswer", () => {
  it("numbers: decimal comma, thousands separator, ≈ and brackets", () => {
    expect(parseNumberAnswer("0,6652")).toEqual({ ok: true, value: 0.6652 });
    expect(parseNumberAnswer("2,099,712")).toEqual({ ok: true, value: 2099712 });
    expect(parseNumberAnswer("≈ 0.88")).toEqual({ ok: true, value: 0.88 });
    expect(parseNumberAnswer("[1/8]")).toEqual({ ok: true, value: 0.125 });
  });

  it("matrices: the reading that gives the expected shape wins", () => {
    expect(parseMatrixAnswer("1,2", [1, 2])).toEqual({ ok: true, value: [[1, 2]] });
    expect(parseMatrixAnswer("1,2 3,4", [1, 2])).toEqual({ ok: true, value: [[1.2, 3.4]] });
    expect(parseMatrixAnswer("1 / 8, 1 / 2", [1, 2])).toEqual({ ok: true, value: [[0.125, 0.5]] });
    const r = parseMatrixAnswer("1 2\n3 x", [2, 2]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Row 2, entry 2, "x"/);
  });
});
