import { fileURLToPath } from "node:url";
import { generateSW } from "workbox-build";

/**
 * An Astro integration that makes the whole site work offline after one visit: after the build
 * (and after the Pagefind index, so list it after `pagefindIndex()`), Workbox writes `sw.js` with
 * a precache manifest of every page, script, style, font, search file and the notebook, each with
 * a revision (a hash of its content).
 *
 * Updates never mix versions: a new worker downloads the whole new manifest before it takes over,
 * and it waits (no `skipWaiting`) until no page of the old version is open, or until the reader
 * accepts the "new version" prompt, which reloads the page under the new worker.
 */
export function offline() {
  return {
    name: "attention-atlas:offline",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          globPatterns: [
            "**/*.{html,js,mjs,css,woff2,svg,png,ico,json,txt,wasm,pf_meta,pf_fragment,pf_index}",
            "pagefind/**/*",
          ],
          globIgnores: ["sw.js", "workbox-*.js"],
          swDest: `${outDir}/sw.js`,
          // Directory URLs (/chapters/x/) are served from their index.html.
          directoryIndex: "index.html",
          ignoreURLParametersMatching: [/.*/],
          navigateFallback: "/404.html",
          navigateFallbackDenylist: [/^\/pagefind\//, /^\/_astro\//],
          cleanupOutdatedCaches: true,
          skipWaiting: false,
          clientsClaim: false,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: "production",
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`Service worker precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
