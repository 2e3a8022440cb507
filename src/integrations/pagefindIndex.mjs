import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

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
        const { index, errors } = await pagefind.createIndex({});
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
