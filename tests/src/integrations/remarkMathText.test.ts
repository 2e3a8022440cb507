import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkMath from "remark-math";
import remarkSmartypants from "remark-smartypants";
import remarkStringify from "remark-stringify";
import { VFile } from "vfile";
import {
  declaredNames,
  expressionsInMath,
  remarkApostropheAfterMath,
  remarkNoExpressionInMath,
} from "../../../src/integrations/remarkMathText.mjs";

// The order astro.config.mjs gives: smart quotes, then remark-math, then these plugins.
const pipeline = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkSmartypants)
  .use(remarkMath)
  .use(remarkNoExpressionInMath)
  .use(remarkApostropheAfterMath)
  .use(remarkStringify);

const run = (mdx: string) =>
  pipeline.run(
    pipeline.parse(new VFile({ path: "content/chapters/x.mdx", value: mdx })),
    new VFile({ path: "content/chapters/x.mdx" }),
  );

describe("remarkNoExpressionInMath", () => {
  it("reads the names an MDX file imports and exports", () => {
    const names = declaredNames(
      'import { a, b as c } from "x";\nimport D from "y";\nexport const f = (v) => v;',
    );
    expect([...names].sort()).toEqual(["D", "a", "c", "f"]);
  });

  it("finds a declared name in braces, but not a TeX command's argument", () => {
    const names = new Set(["E", "f", "w"]);
    expect(expressionsInMath("x \\approx {f(y, 4)}", names)).toEqual(["{f(…}"]);
    expect(expressionsInMath("-x^\\top W x = {E}", names)).toEqual(["{E}"]);
    expect(expressionsInMath("\\mathbb{E}[x] + \\operatorname{w}", names)).toEqual([]);
    expect(expressionsInMath("e^{-2} + x_{t}", names)).toEqual([]);
  });

  it("fails the build on an expression inside math, naming file and line", async () => {
    const mdx = "export const f = (v) => v.toFixed(4);\n\nSo $w \\approx {f(0.5)}$ here.\n";
    await expect(run(mdx)).rejects.toThrow(/x\.mdx:3:4: \{f\(…\} inside math/);
  });

  it("accepts an expression placed after the math", async () => {
    const mdx = "export const f = (v) => v.toFixed(4);\n\nSo $w \\approx$ {f(0.5)} here.\n";
    await expect(run(mdx)).resolves.toBeDefined();
  });
});

describe("remarkApostropheAfterMath", () => {
  it("turns the quote smart quotes opened after inline math into an apostrophe", async () => {
    const tree = await run("Row $i$'s weights, and a 'quoted' word.\n");
    const texts: string[] = [];
    const walk = (n: { type: string; value?: string; children?: unknown[] }): void => {
      if (n.type === "text" && n.value) texts.push(n.value);
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    };
    walk(tree as never);
    expect(texts.join("|")).toBe("Row |\u2019s weights, and a \u2018quoted\u2019 word.");
  });
});
