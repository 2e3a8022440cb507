import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import { rehypeKatexStrict } from "../../../src/integrations/rehypeKatexStrict.mjs";

// The same plugin chain as astro.config.mjs: remark-math → rehype-katex → rehypeKatexStrict.
const pipeline = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex)
  .use(rehypeKatexStrict)
  .use(rehypeStringify);

const render = (md: string) =>
  pipeline.process(new VFile({ path: "content/chapters/example.mdx", value: md }));

describe("rehypeKatexStrict", () => {
  it("typesets good math", async () => {
    const out = String(await render("Weights $\\operatorname{softmax}(x)_i$ sum to one.\n"));
    expect(out).toContain('class="katex"');
    expect(out).not.toContain("katex-error");
  });

  it("fails the build on a formula KaTeX cannot parse, naming the file and line", async () => {
    await expect(render("Intro.\n\nSecond line with $\\frac{1}{$ broken.\n")).rejects.toThrow(
      /content\/chapters\/example\.mdx:3:\d+: KaTeX cannot parse this formula/,
    );
  });

  it("fails on an unknown macro too", async () => {
    await expect(render("$$\n\\softmaxx(x)\n$$\n")).rejects.toThrow(/example\.mdx:1:\d+.*softmaxx/);
  });
});
