import katex from "katex";
import { describe, expect, it } from "vitest";
import { KATEX_OPTIONS, MAX_TEX } from "../../../src/formula/Typeset";

describe("KaTeX options for readers' formulas", () => {
  it("do not trust links, images or HTML commands", () => {
    expect(KATEX_OPTIONS.trust).toBe(false);
    for (const tex of [
      "\\href{javascript:alert(1)}{x}",
      "\\url{javascript:alert(1)}",
      "\\includegraphics{https://example.com/x.png}",
      "\\htmlId{x}{y}",
    ]) {
      // The command is drawn as its own name in the error colour; its argument is never used.
      const html = katex.renderToString(tex, KATEX_OPTIONS).replace(/<annotation.*?<\/annotation>/, "");
      expect(html).not.toMatch(/href=|<img|id="x"|javascript:|example\.com/);
    }
  });

  it("stop runaway macro expansion and huge sizes with an error, shown as text on the page", () => {
    expect(() => katex.renderToString("\\def\\a{\\a\\a}\\a", KATEX_OPTIONS)).toThrow(/Too many expansions/);
    const big = katex.renderToString("\\rule{1000em}{1000em}", KATEX_OPTIONS);
    expect(big).toMatch(/border-right-width:20em;border-top-width:20em/);
    expect(big.replace(/<annotation.*?<\/annotation>/, "")).not.toMatch(/1000em/);
    expect(MAX_TEX).toBeLessThanOrEqual(2_000);
  });
});
