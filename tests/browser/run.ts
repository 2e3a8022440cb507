/**
 * Browser tests: serve dist/ on 127.0.0.1, drive Debian Chromium with playwright-core, run every
 * registered test, and end with the line `N passed, N failed` (exit code 1 on any failure).
 *
 * Test files: every *.test.ts here (pages, site, exercises…), plus every file in widgets/ (each exports a
 * default `(t: TestApi) => void`). `BROWSER_TESTS_FILTER=<text>` runs only matching tests;
 * `BROWSER_TESTS_CONCURRENCY=<n>` sets how many run at once (default: CPUs, 2 to 4).
 */
import { existsSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { Harness, type TestApi } from "./harness";
import { serveDist } from "./server";
import { readSite } from "./site";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const here = import.meta.dirname;
const dist = resolve(here, "../../dist");

async function main(): Promise<number> {
  const started = Date.now();
  if (!existsSync(join(dist, "index.html"))) {
    console.error(`dist/ has no index.html (${dist}): run \`npx astro build\` before the browser tests.`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium).`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  const server = await serveDist(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  let result = { passed: 0, failed: 0 };
  try {
    const site = readSite(dist);
    const harness = new Harness(site, browser, server.origin);
    const files = readdirSync(here)
      .filter((f) => f.endsWith(".test.ts"))
      .sort()
      .map((f) => join(here, f));
    const widgetDir = join(here, "widgets");
    if (existsSync(widgetDir)) {
      for (const f of readdirSync(widgetDir).sort()) {
        if (/\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith(".d.ts")) files.push(join(widgetDir, f));
      }
    }
    for (const file of files) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: (t: TestApi) => void };
      if (typeof mod.default !== "function")
        throw new Error(`${file} must export a default (t: TestApi) => void`);
      mod.default(harness);
    }
    console.log(
      `browser tests against ${server.origin} (${site.pages.length} pages: ${site.pages.join(" ")})`,
    );
    const concurrency = Number(
      process.env.BROWSER_TESTS_CONCURRENCY ?? Math.min(4, Math.max(2, availableParallelism())),
    );
    result = await harness.run(concurrency, process.env.BROWSER_TESTS_FILTER);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  console.log(`browser tests took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  return result.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
