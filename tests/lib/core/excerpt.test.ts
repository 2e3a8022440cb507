import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerpt } from "../../../lib/core/excerpt";

describe("excerpt", () => {
  it("keeps short text, with whitespace runs as one space", () => {
    expect(excerpt("constructor")).toBe("constructor");
    expect(excerpt("  a \n\t b ")).toBe("a b");
  });

  it("cuts a 100,000-character value to 30 characters ending in an ellipsis", () => {
    const e = excerpt("x".repeat(100_000));
    expect([...e]).toHaveLength(30);
    expect(e.endsWith("…")).toBe(true);
  });

  it("never splits a character made of two UTF-16 units", () => {
    const e = excerpt("😀".repeat(50), 10);
    expect([...e]).toEqual([...Array(9).fill("😀"), "…"]);
  });

  it("is at most `max` code points, and a prefix of the flattened text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.integer({ min: 2, max: 60 }),
        (s, max) => {
          const e = excerpt(s, max);
          const flat = s.replace(/\s+/g, " ").trim();
          expect([...e].length).toBeLessThanOrEqual(max);
          if ([...flat].length <= max) expect(e).toBe(flat);
          else expect(flat.startsWith(e.slice(0, -1))).toBe(true);
        },
      ),
    );
  });
});
