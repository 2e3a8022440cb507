import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import * as pagefind from "pagefind";
import { mathText } from "./mathText.mjs";

/**
 * What the index leaves out, so that search finds prose and each formula once:
 * - KaTeX writes every formula three times (MathML, the TeX source in an `<annotation>`, and the
 *   HTML that is drawn). The index gets it once, as readable text (`forSearch`: `a/√dₖ`, no TeX
 *   commands); the files served are not changed.
 * - The Code tab of every widget (the `lib/` source it shows) and any other code block.
 * - Charts' SVG text (axis ticks and labels) and the island's own markup.
 */
export const EXCLUDE_SELECTORS = [
  ".katex-html",
  ".katex-mathml annotation",
  ".widget-code",
  "pre",
  "[data-widget] svg",
];

/**
 * An Astro integration that builds the Pagefind full-text index into `dist/pagefind/` after
 * the static build, so search works from every page with no server and no third-party request.
 */
export function pagefindIndex() {
  return {
    name: "attention-atlas:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        let pages = 0;
        for (const file of htmlFiles(outDir)) {
          const sourcePath = relative(outDir, file).split(sep).join("/");
          const added = await index.addHTMLFile({
            sourcePath,
            content: forSearch(readFileSync(file, "utf8")),
          });
          if (added.errors.length)
            throw new Error(`Pagefind indexing failed on ${sourcePath}: ${added.errors.join("; ")}`);
          pages++;
        }
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind write failed: ${written.errors.join("; ")}`);
        logger.info(`Pagefind indexed ${pages} pages`);
        await pagefind.close();
      },
    },
  };
}

/** Every `.html` file under `dir`, the Pagefind output excepted. */
function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !relative(dir, f).startsWith(`pagefind${sep}`));
}

/**
 * A page as the search index reads it: each KaTeX formula (MathML, TeX annotation and drawn HTML)
 * replaced by one span of readable text made from its MathML. Only the formulas are parsed (all
 * of a page's at once), not the page: parsing whole pages took seconds.
 */
export function forSearch(html) {
  const OPEN = '<span class="katex">';
  const spans = [];
  for (let at = html.indexOf(OPEN); at >= 0; at = html.indexOf(OPEN, spans.at(-1).end)) {
    // The formula ends where its outer span closes.
    const tag = /<span\b|<\/span>/g;
    tag.lastIndex = at;
    let depth = 0;
    let end = html.length;
    for (let m = tag.exec(html); m; m = tag.exec(html)) {
      depth += m[0] === "</span>" ? -1 : 1;
      if (depth === 0) {
        end = tag.lastIndex;
        break;
      }
    }
    const inner = html.slice(at, end);
    const from = inner.indexOf("<math");
    const to = inner.indexOf("</math>");
    spans.push({ start: at, end, math: from >= 0 && to > from ? inner.slice(from, to + 7) : "" });
  }
  if (spans.length === 0) return html;
  const { document } = parseHTML(
    `<html><body>${spans.map((s) => `<div>${s.math}</div>`).join("")}</body></html>`,
  );
  const texts = [...document.body.children].map((div) => {
    const math = div.querySelector("math");
    return math ? mathText(math) : "";
  });
  const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let out = "";
  let from = 0;
  spans.forEach((s, i) => {
    out += `${html.slice(from, s.start)}<span> ${escape(texts[i])} </span>`;
    from = s.end;
  });
  return out + html.slice(from);
}
