import { fileURLToPath } from "node:url";
import { generateSW, getManifest } from "workbox-build";

/**
 * An Astro integration that makes the whole site work offline after one visit: after the build
 * (and after the Pagefind index, so list it after `pagefindIndex()`), Workbox writes `sw.js` with
 * a precache manifest of every page, script, style, font, search file and the notebook, each with
 * a revision (a hash of its content).
 *
 * A page the site does not have gets the network's answer online; offline, the 404 page of the
 * version the worker belongs to, with status 404 (not a 200 that a reader's tools would take for a
 * page).
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
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir));
        for (const w of warnings) logger.warn(w);
        logger.info(`Service worker precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}

/**
 * Write `sw.js` into the built site at `outDir` (also used by the browser test of the update path,
 * on a second build). Returns Workbox's count, size and warnings.
 */
export async function writeServiceWorker(outDir) {
  const files = {
    globDirectory: outDir,
    globPatterns: [
      "**/*.{html,js,mjs,css,woff2,svg,png,ico,json,txt,wasm,pf_meta,pf_fragment,pf_index}",
      "pagefind/**/*",
    ],
    globIgnores: ["sw.js", "workbox-*.js"],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  };
  const { manifestEntries } = await getManifest(files);
  const notFound = manifestEntries.find((e) => e.url === "404.html");
  if (!notFound?.revision) throw new Error("offline: dist/404.html is missing, so offline 404s have no page");
  const { count, size, warnings } = await generateSW({
    ...files,
    swDest: `${outDir}/sw.js`,
    // Directory URLs (/chapters/x/) are served from their index.html.
    directoryIndex: "index.html",
    ignoreURLParametersMatching: [/.*/],
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === "navigate",
        handler: notFoundHandler(`/404.html?__WB_REVISION__=${notFound.revision}`),
      },
    ],
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
  });
  return { count, size, warnings };
}

/**
 * The worker's handler for a navigation to a URL it has not precached: the network's answer, or
 * with no network the precached 404 page (`key`: its precache key, with this version's revision,
 * so an old worker never serves the new version's page) with status 404. Workbox writes the
 * function's source into sw.js, so it is built as source text with the key in it.
 */
function notFoundHandler(key) {
  return new Function(
    "ctx",
    `return fetch(ctx.request).catch(async (error) => {
      const page = await caches.match(${JSON.stringify(key)});
      if (!page) throw error;
      return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
    });`,
  );
}
