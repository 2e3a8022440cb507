import { describe, expect, it } from "vitest";
import { texInText } from "../../../src/integrations/texInText.mjs";

const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;

describe("texInText", () => {
  it("finds TeX source in prose, labels and attributes", () => {
    const found = texInText(
      page(
        '<p>scores e_{t,i} and p_t</p><label>Seed of W^{O}</label><p>\\alpha is</p><svg aria-label="w^γ by step"></svg>',
      ),
    );
    expect(found).toEqual([
      'text "scores e_{t,i} and p_t"',
      'text "scores e_{t,i} and p_t"',
      'text "Seed of W^{O}"',
      'text "\\alpha is"',
      'aria-label="w^γ by step"',
    ]);
  });

  it("leaves typeset math, code and Unicode alone", () => {
    const html = page(
      '<span class="katex"><annotation>e_{t,i} \\alpha</annotation></span><pre>x_i = a^{2}</pre>' +
        "<code>data_ready</code><p>pₜ, dₖ, 5.12 × 10⁶, Wᴼ, the_word snake_case</p>",
    );
    expect(texInText(html)).toEqual([]);
  });
});
