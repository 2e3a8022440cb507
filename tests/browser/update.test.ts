/**
 * Updating the site never serves a mix of old and new files. Two builds are served in turn from
 * one origin: version A (dist/ as built) and version B (dist/ with every page and the shared
 * stylesheet changed, and its own sw.js written by the same Workbox set-up). A reader with A
 * open keeps getting A, page and stylesheet together, while B downloads in the background; the
 * "Reload to use it" prompt then moves the page to B, page and stylesheet together.
 *
 * The two versions need their own server (the tests' `astro preview` serves dist/ only), so this
 * file uses @playwright/test's own `test` and records console errors and page errors itself.
 */
import { expect, test } from "@playwright/test";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { writeServiceWorker } from "../../src/integrations/offline.mjs";
import { PORT } from "./port";
import { site } from "./fixtures";
import { check, waitFor } from "./helpers";

const dist = resolve(import.meta.dirname, "../../dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** Every `.html` file under `dir`. */
function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name));
}

/** The stylesheet every page links to (the site's global CSS), as a path under the site. */
function sharedStylesheet(dir: string): string {
  const lists = pages(dir).map((p) =>
    [...readFileSync(p, "utf8").matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1]),
  );
  const common = lists[0].filter((href) => lists.every((l) => l.includes(href)));
  if (common.length === 0) throw new Error("no stylesheet is shared by every page");
  return common[0];
}

test.describe(() => {
  test.skip(!site.fileAt("/sw.js") || !site.written.includes("self-attention"), "no service worker built");
  test.use({ serviceWorkers: "allow" });

  let root = "";
  let server: Server;
  let tmp = "";
  const port = PORT + 3;
  const origin = `http://127.0.0.1:${port}`;

  test.beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "atlas-update-"));
    const a = join(tmp, "a");
    const b = join(tmp, "b");
    cpSync(dist, a, { recursive: true });
    cpSync(dist, b, { recursive: true });
    // Version B: every page says so, and so does the stylesheet they share (same file name,
    // new content: a cache keyed by URL alone would mix A's pages with B's stylesheet).
    for (const p of pages(b))
      writeFileSync(
        p,
        readFileSync(p, "utf8").replace("<head>", '<head><meta name="atlas-version" content="B">'),
      );
    const css = join(b, sharedStylesheet(b));
    writeFileSync(css, `${readFileSync(css, "utf8")}\n:root{--atlas-version:"B"}`);
    await writeServiceWorker(b);
    root = a;
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? "/", origin).pathname);
      let file = join(root, path);
      if (!file.startsWith(root)) file = join(root, "404.html");
      try {
        if (statSync(file).isDirectory()) file = join(file, "index.html");
        const body = readFileSync(file);
        res.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-cache",
        });
        res.end(body);
      } catch {
        res.writeHead(404, { "content-type": TYPES[".html"] });
        res.end(readFileSync(join(root, "404.html")));
      }
    });
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    // Version B's files are written before the test starts: switching versions is only `root = b`.
    void b;
  });

  test.afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(tmp, { recursive: true, force: true });
  });

  test("update: an open page stays on version A while B downloads, then moves to B whole after 'Reload to use it'", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    /** The version of the page (its meta tag) and of its stylesheet (a custom property). */
    const version = () =>
      page.evaluate(() => ({
        page: document.querySelector('meta[name="atlas-version"]')?.getAttribute("content") ?? "A",
        css:
          getComputedStyle(document.documentElement)
            .getPropertyValue("--atlas-version")
            .trim()
            .replace(/"/g, "") || "A",
      }));

    await page.goto(`${origin}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now under the worker's control
    check(
      await page.evaluate(() => navigator.serviceWorker.controller !== null),
      "the page is not controlled by the worker",
    );
    expect(await version()).toEqual({ page: "A", css: "A" });

    // A new build is deployed.
    root = join(tmp, "b");
    await page.goto(`${origin}/chapters/self-attention/`);
    expect(await version(), "the old worker serves A's page and stylesheet").toEqual({ page: "A", css: "A" });
    const banner = page.locator(".update-ready");
    await banner.waitFor({ state: "visible", timeout: 90_000 }); // B downloaded and waiting
    await page.goto(`${origin}/chapters/graph-attention/`);
    expect(await version(), "with B waiting, a new page is still all A").toEqual({ page: "A", css: "A" });

    await banner.waitFor({ state: "visible", timeout: 30_000 });
    await Promise.all([
      page.waitForEvent("load"),
      banner.getByRole("button", { name: "Reload to use it" }).click(),
    ]);
    await waitFor(async () => (await version()).page === "B", "the page reloaded onto version B", 30_000);
    expect(await version(), "after the reload, page and stylesheet are B").toEqual({ page: "B", css: "B" });
    await page.goto(`${origin}/chapters/self-attention/`);
    expect(await version(), "every page is B now").toEqual({ page: "B", css: "B" });
    check(problems.length === 0, `problems in the browser:\n${problems.join("\n")}`);
  });
});
