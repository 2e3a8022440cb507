import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { glossary } from "../../../src/data/glossary.mjs";
import { firstUses, remarkGlossary } from "../../../src/integrations/glossaryLinks.mjs";

const dir = join(import.meta.dirname, "../../../content/chapters");
const parse = (text: string) => {
  const p = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);
  return p.runSync(p.parse(text)) as Root;
};
const links = (tree: Root): { id: string; text: string }[] => {
  const out: { id: string; text: string }[] = [];
  const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
    if (n.type === "link" && n.url?.startsWith("/glossary/#term-")) {
      const child = (n.children as { value: string }[])[0];
      out.push({ id: n.url.slice("/glossary/#term-".length), text: child.value });
    }
    for (const c of (n.children ?? []) as never[]) walk(c);
  };
  walk(tree as never);
  return out;
};

describe("glossary links", () => {
  it("every term is defined once, with a unique id and unique forms", () => {
    expect(new Set(glossary.map((t) => t.id)).size).toBe(glossary.length);
    const forms = glossary.flatMap((t) => t.forms.map((f) => f.toLowerCase()));
    expect(new Set(forms).size).toBe(forms.length);
  });

  it("links the first use of a term in prose only, never in headings, code, math or components", () => {
    const tree = parse(
      "## Softmax\n\nThe `softmax` and $\\operatorname{softmax}$ and <Callout>softmax</Callout> stay.\n\nThen softmax, and softmax again, and a query.\n",
    );
    remarkGlossary()(tree, { path: "/x/content/chapters/demo.mdx" });
    expect(links(tree)).toEqual([
      { id: "softmax", text: "softmax" },
      { id: "query", text: "query" },
    ]);
  });

  it("the glossary page's 'used in' lists agree with the links in every chapter, and every term is used", () => {
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".mdx"))) {
      const text = readFileSync(join(dir, f), "utf8").replace(/^---[\s\S]*?\n---\n/, "");
      const expected = firstUses(parse(text));
      const tree = parse(text);
      remarkGlossary()(tree, { path: join(dir, f) });
      expect(
        links(tree).map((l) => l.id),
        f,
      ).toEqual(expected);
      for (const id of expected) used.add(id);
    }
    expect(glossary.filter((t) => !used.has(t.id)).map((t) => t.id)).toEqual([]);
  }, 30_000);
});
