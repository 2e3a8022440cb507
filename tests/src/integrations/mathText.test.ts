import { parseHTML } from "linkedom";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { mathText } from "../../../src/integrations/mathText.mjs";
import { forSearch } from "../../../src/integrations/pagefindIndex.mjs";

/** KaTeX's MathML for `tex`, read as search text. */
function text(tex: string): string {
  const { document } = parseHTML(`<div>${katex.renderToString(tex, { output: "mathml" })}</div>`);
  return mathText(document.querySelector("math"));
}

describe("formulas as search text", () => {
  it("reads fractions, roots, scripts and operators without TeX", () => {
    expect(text(String.raw`\operatorname{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right)V`)).toBe(
      "softmax(QKᵀ/√dₖ)V",
    );
    expect(text(String.raw`e_{t,i} = v^\top \tanh(W s_{t-1} + U h_i)`)).toBe(
      "e_(t, i) = vᵀtanh(Wsₜ₋₁ + Uhᵢ)",
    );
    expect(text(String.raw`W_q \in \mathbb{R}^{d \times d_k}`)).toBe("W_q ∈ R^(d × dₖ)");
    expect(text(String.raw`\hat{x}^2`)).toBe("x̂²");
  });

  it("never leaves TeX commands or braces", () => {
    for (const tex of [
      String.raw`\sum_{j=1}^{n} \alpha_{ij} v_j`,
      String.raw`\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}`,
      String.raw`\lVert x \rVert_2^2 \leq \tfrac{1}{2}`,
    ]) {
      const t = text(tex);
      expect(t).not.toMatch(/\\[A-Za-z]|[{}]|_\{|\^\{/);
      expect(t.length).toBeGreaterThan(0);
    }
  });

  it("indexes each formula once: the TeX annotation and KaTeX's HTML are gone", () => {
    const html = `<html><body><p>Scores ${katex.renderToString(String.raw`\frac{a}{b}`)} end.</p></body></html>`;
    const out = forSearch(html);
    expect(out).toContain("a/b");
    expect(out).not.toContain("annotation");
    expect(out).not.toContain("katex-html");
    expect(out.match(/a\/b/g)).toHaveLength(1);
  });
});
