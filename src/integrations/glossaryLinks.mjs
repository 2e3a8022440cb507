import { glossary } from "../data/glossary.mjs";

/**
 * Glossary links: the first time a chapter's prose uses a glossary term, that word links to its
 * definition (`/glossary/#term-<id>`) and gets the anchor `gl-<id>`, so the glossary's "used in"
 * list can link back to the exact place. Headings, links, code, math and components (widgets,
 * exercises, callouts) are left alone.
 *
 * The glossary page runs `firstUses` on each chapter's source with the same matcher, so the
 * "used in" lists and the links in the chapters always agree.
 */
const SKIP = new Set([
  "heading",
  "link",
  "linkReference",
  "inlineCode",
  "code",
  "math",
  "inlineMath",
  "html",
  "mdxJsxFlowElement",
  "mdxJsxTextElement",
  "mdxFlowExpression",
  "mdxTextExpression",
  "mdxjsEsm",
  "yaml",
]);

/** A form as a regex: a straight apostrophe also matches a typographic one, a space any line break. */
const escape = (s) =>
  s
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/'/g, "['’]")
    .replace(/ /g, "\\s+");
const normal = (s) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");

/** One regex for every form of every term, longest first, whole words, any case. */
function matcher(terms) {
  const forms = terms
    .flatMap((t) => t.forms.map((f) => ({ f, id: t.id })))
    .sort((a, b) => b.f.length - a.f.length);
  const byForm = new Map(forms.map(({ f, id }) => [f.toLowerCase(), id]));
  const re = new RegExp(`(?<![\\w-])(${forms.map(({ f }) => escape(f)).join("|")})(?![\\w-])`, "gi");
  return { re, idOf: (m) => byForm.get(normal(m)) };
}

/** Visit text nodes in document order outside the skipped node types. */
function visitText(node, fn, parent = null, index = 0) {
  if (SKIP.has(node.type)) return;
  if (node.type === "text") return fn(node, parent, index);
  const kids = node.children ?? [];
  for (let i = 0; i < kids.length; i++) {
    const r = visitText(kids[i], fn, node, i);
    if (typeof r === "number") i += r; // nodes inserted after this one
  }
}

/** The glossary terms a chapter's prose uses, in order of first use. */
export function firstUses(tree, terms = glossary) {
  const { re, idOf } = matcher(terms);
  const seen = [];
  visitText(tree, (node) => {
    for (const m of node.value.matchAll(re)) {
      const id = idOf(m[1]);
      if (id && !seen.includes(id)) seen.push(id);
    }
  });
  return seen;
}

/** remark plugin: link each term's first use in a chapter (files under content/chapters/). */
export function remarkGlossary() {
  return (tree, file) => {
    if (!/content[\\/]chapters[\\/]/.test(file.path ?? "")) return;
    const { re, idOf } = matcher(glossary);
    const linked = new Set();
    visitText(tree, (node, parent, index) => {
      const parts = [];
      let last = 0;
      for (const m of node.value.matchAll(re)) {
        const id = idOf(m[1]);
        if (!id || linked.has(id)) continue;
        linked.add(id);
        if (m.index > last) parts.push({ type: "text", value: node.value.slice(last, m.index) });
        parts.push({
          type: "link",
          url: `/glossary/#term-${id}`,
          title: null,
          data: { hProperties: { id: `gl-${id}`, className: ["glossary-link"] } },
          children: [{ type: "text", value: m[1] }],
        });
        last = m.index + m[1].length;
      }
      if (parts.length === 0 || !parent) return;
      if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return parts.length - 1;
    });
  };
}
