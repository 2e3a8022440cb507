import { describe, expect, it } from "vitest";
import { mathOf, mathSymbols } from "../../../src/data/mathSymbols";

describe("mathSymbols", () => {
  it("finds letters and Greek letters with their subscripts, not command names", () => {
    const s = mathSymbols("\\alpha_{ij} = \\operatorname{softmax}(e_{t,i}) + d_k \\sqrt{d_{k}} \\text{out}");
    expect([...s].sort()).toEqual(["\\alpha", "\\alpha_ij", "d", "d_k", "e", "e_t,i"].sort());
  });

  it("reads inline and display math, not frontmatter or code", () => {
    const mdx = "---\ntitle: $x$\n---\n\nSee $q_i$ and\n\n$$\nK^\\top\n$$\n\n```ts\nconst $y$ = 1;\n```\n";
    expect(mathOf(mdx)).toEqual(["\nK^\\top\n", "q_i"]);
  });
});
