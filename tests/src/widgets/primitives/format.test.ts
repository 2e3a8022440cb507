import { describe, expect, it } from "vitest";
import {
  accuracyText,
  exponential,
  fixed,
  formats,
  lossText,
  percent,
  percentSpaced,
  precision,
  roundDecimals,
  roundSignificant,
  scientific,
  sig,
  upTo,
} from "../../../../src/widgets/primitives/format";

describe("format", () => {
  it("fixed: always the stated decimals, never -0", () => {
    expect(fixed(0.5, 3)).toBe("0.500");
    expect(fixed(2 / 3, 2)).toBe("0.67");
    expect(fixed(-0.0001, 2)).toBe("0.00");
    expect(fixed(-1.25, 1)).toBe("-1.3");
    expect(fixed(1234567.891, 1)).toBe("1234567.9");
  });
  it("sig: whole numbers as they are, others to significant digits without trailing zeros", () => {
    expect(sig(15)).toBe("15");
    expect(sig(-3)).toBe("-3");
    expect(sig(1 / 3)).toBe("0.3333");
    expect(sig(2.5)).toBe("2.5");
    expect(sig(-0.00001234, 3)).toBe("-0.0000123");
    expect(sig(-1e-20)).toBe("-1e-20");
    expect(sig(123456.7, 4)).toBe("123500");
    expect(sig(0)).toBe("0");
    expect(sig(-0)).toBe("0");
  });
  it("scientific, percent and non-finite values", () => {
    expect(scientific(123456, 3)).toBe("1.23 × 10⁵");
    expect(scientific(5120000, 3)).toBe("5.12 × 10⁶");
    expect(scientific(0.00012, 2)).toBe("1.2 × 10⁻⁴");
    expect(scientific(4.5, 2)).toBe("4.5");
    expect(percent(0.256)).toBe("26%");
    expect(sig(NaN)).toBe("NaN");
    expect(fixed(-Infinity)).toBe("−∞");
  });
  it("presets: one precision per quantity", () => {
    expect(formats.weight(0.99712)).toBe("0.997");
    expect(formats.weight(1)).toBe("1.000");
    expect(formats.score(4.5)).toBe("4.5");
    expect(lossText(0.69314)).toBe("0.693");
    expect(lossText(0.000123)).toBe("1.23e-4");
    expect(accuracyText(0.95674)).toBe("95.7 %");
  });
  it("exponential reads as JavaScript's exponent form (away from ties, which Intl rounds on the decimal value)", () => {
    for (const v of [0, 1, -1, 0.000123, -98765.4, 1.57e-9, 6.02e23, 0.25])
      for (const d of [0, 1, 2, 3]) expect(exponential(v, d)).toBe(v.toExponential(d));
  });
  it("precision keeps trailing zeros, upTo drops them, percentSpaced has the prose's space", () => {
    expect(precision(0.5, 4)).toBe("0.5000");
    expect(precision(0.012345, 2)).toBe("0.012");
    expect(precision(123.456, 4)).toBe("123.5");
    expect(upTo(0.5, 3)).toBe("0.5");
    expect(upTo(1 / 3, 3)).toBe("0.333");
    expect(upTo(-0.0001, 3)).toBe("0");
    expect(percentSpaced(0.9567, 1)).toBe("95.7 %");
    expect(percentSpaced(1, 0)).toBe("100 %");
    expect(percentSpaced(NaN)).toBe("NaN");
  });
  it("rounds data without turning it into text", () => {
    expect(roundSignificant(1 / 3, 4)).toBe(0.3333);
    expect(roundSignificant(123456, 2)).toBe(120000);
    expect(roundDecimals(1.23456, 2)).toBe(1.23);
    expect(roundDecimals(-0.004, 2)).toBe(-0);
  });
});
