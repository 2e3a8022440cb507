import { describe, expect, it } from "vitest";
import { fmt, formatMatrixText, parseMatrixText } from "../../../../src/widgets/primitives/matrixText";

describe("parseMatrixText", () => {
  it("reads rows from lines or semicolons, numbers from spaces or commas", () => {
    expect(parseMatrixText("1 2\n3 4", "Q")).toEqual({
      ok: true,
      value: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseMatrixText("1,2; 3, 4", "Q")).toEqual({
      ok: true,
      value: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseMatrixText("  -1.5  +2e3 \n\n .5 6.  \n", "Q")).toEqual({
      ok: true,
      value: [
        [-1.5, 2000],
        [0.5, 6],
      ],
    });
  });

  it("names the matrix, row and entry of every problem", () => {
    const err = (text: string) => {
      const r = parseMatrixText(text, "K", { maxRows: 3, maxCols: 2, maxAbs: 100 });
      if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
      return r.error;
    };
    expect(err("")).toBe("K is empty: type at least one row of numbers.");
    expect(err(" \n ; ")).toContain("K is empty");
    expect(err("1 x")).toBe('K, row 1, entry 2: "x" is not a number.');
    expect(err("1 2\n3 NaN")).toContain('row 2, entry 2: "NaN" is not a number');
    expect(err("1 Infinity")).toContain('"Infinity" is not a number');
    expect(err("0x10")).toContain('"0x10" is not a number');
    expect(err("1 2\n3")).toBe("K, row 2 has 1 numbers but row 1 has 2; every row needs the same count.");
    expect(err("1\n2\n3\n4")).toBe("K has 4 rows; at most 3 are allowed here.");
    expect(err("1 2 3")).toContain("row 1 has 3 numbers; at most 2 are allowed");
    expect(err("101")).toContain("101 is larger than 100 in size");
  });

  it("uses the default limits when none are given", () => {
    expect(parseMatrixText(Array(9).fill("1").join("\n"), "V").ok).toBe(false);
    expect(parseMatrixText(Array(64).fill("1").join(" "), "V").ok).toBe(true);
    expect(parseMatrixText(Array(65).fill("1").join(" "), "V").ok).toBe(false);
  });
});

describe("formatMatrixText", () => {
  it("writes one row per line and round-trips", () => {
    const m = [
      [1, 0.5],
      [-2, 3e-7],
    ];
    expect(formatMatrixText(m)).toBe("1 0.5\n-2 3e-7");
    expect(parseMatrixText(formatMatrixText(m), "M")).toEqual({ ok: true, value: m });
  });
});

describe("fmt", () => {
  it("prints integers as they are and others with 4 significant digits", () => {
    expect(fmt(112)).toBe("112");
    expect(fmt(0.8807970779778823)).toBe("0.8808");
    expect(fmt(0.8807970779778823, 3)).toBe("0.881");
    expect(fmt(1 / 3)).toBe("0.3333");
    expect(fmt(0.5)).toBe("0.5");
    expect(fmt(-1e-9)).toBe("-1e-9");
    expect(fmt(-0)).toBe("0");
    expect(fmt(123456.7)).toBe("123500");
  });
});
