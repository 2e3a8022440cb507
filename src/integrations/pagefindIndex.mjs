import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

/**
 * What the index leaves out, so that search finds prose and each formula once:
 * - KaTeX writes every formula three times (MathML, the TeX source in an `<annotation>`, and the
 *   HTML that is drawn). Only the MathML is indexed: its text is the formula's symbols in reading
 *   order, without TeX commands.
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
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind write failed: ${written.errors.join("; ")}`);
        logger.info(`Pagefind indexed ${added.page_count} pages`);
        await pagefind.close();
      },
    },
  };
}
