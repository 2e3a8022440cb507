/**
 * Offline: after one visit the service worker has every page, script, font and search file, so
 * with the network cut a reader can open another chapter, search, and use a widget.
 */
import { readFileSync } from "node:fs";
import { allowProblems, test, site } from "./fixtures";
import { check, textOf, visit, waitFor } from "./helpers";

test.skip(
  !site.fileAt("/sw.js") || !site.written.includes("self-attention"),
  "no service worker or no self-attention chapter built",
);

test("offline: every precached file has a revision, and a new version waits to take over", async () => {
  const sw = readFileSync(site.fileAt("/sw.js")!, "utf8");
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:("[0-9a-f]+"|null)\}/g)];
  check(entries.length > 50, `only ${entries.length} precache entries in sw.js`);
  const unrevised = entries.filter(([, , rev]) => rev === "null").map(([, url]) => url);
  check(unrevised.length === 0, `precached without a revision: ${unrevised.join(", ")}`);
  for (const path of [
    "index.html",
    "course/index.html",
    "pagefind/pagefind.js",
    "chapters/self-attention/index.html",
    "notebook/index.html",
    "404.html",
  ])
    check(
      entries.some(([, url]) => url === path),
      `${path} is not precached`,
    );
  // skipWaiting only on the reader's request (the "Reload to use it" button), never on install.
  const skips = sw.match(/skipWaiting\(\)/g) ?? [];
  check(
    skips.length === 1 && /"SKIP_WAITING"===e\.data\.type&&self\.skipWaiting\(\)/.test(sw),
    "skipWaiting is not gated",
  );
});

test.describe(() => {
  test.use({ serviceWorkers: "allow" });
  // The unknown URL visited offline answers 404, as it should.
  allowProblems(
    /HTTP 404: .*\/no\/such\/page\//,
    /Failed to load resource: the server responded with a status of 404/,
  );
  test("offline: after one visit, chapters, search, fonts, widgets and the notebook work with no network; an unknown URL gets the 404 page with status 404", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await page.goto("/");
    // ready resolves once the worker is active, that is, after every precached file is stored.
    const active = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state ?? "none";
    });
    check(active === "activated" || active === "activating", `service worker state: ${active}`);
    const cached = await page.evaluate(async () => {
      let n = 0;
      for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
      return n;
    });
    check(cached > 50, `only ${cached} files are cached`);

    await context.setOffline(true);
    await visit(page, "/chapters/self-attention/?worked-example.dk=16");
    check((await textOf(page.locator("h1"))) === "Self-attention", "the chapter did not open offline");
    // A widget: q·k₁ = 112, q·k₂ = 96 over √16 = 4 differ by 4, so α₁ = 1 / (1 + e^-4).
    const w1 = page.locator('[data-widget="self-attention/worked-example"] [data-output="w1"]');
    await waitFor(
      async () => (await textOf(w1)) === (1 / (1 + Math.exp(-4))).toFixed(4),
      "widget from the link",
    );
    await page.locator('[data-widget="self-attention/worked-example"] select').selectOption("64");
    await waitFor(
      async () => (await textOf(w1)) === (1 / (1 + Math.exp(-2))).toFixed(4),
      "widget after a change",
    );
    // KaTeX's fonts came from the cache.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === "error").map((f) => f.family);
    });
    check(fonts.length === 0, `fonts failed offline: ${fonts.join(", ")}`);

    // Search.
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    const dialog = page.locator("dialog.search-dialog");
    const input = dialog.locator("input.pagefind-ui__search-input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.pressSequentially("softmax");
    await dialog.locator(".pagefind-ui__result").first().waitFor({ state: "visible", timeout: 10_000 });

    // Another page, never opened online.
    await page.goto("/chapters/graph-attention/");
    check((await textOf(page.locator("h1"))).startsWith("Graph attention"), "a second chapter offline");

    // The notebook, never opened online: its starter cells compute (the formula worker and
    // mathjs come from the cache too).
    await page.goto("/notebook/");
    const cells = page.locator("[data-cell]");
    await waitFor(async () => (await cells.count()) > 0, "the notebook's cells offline", 30_000);
    await waitFor(
      async () => (await page.locator('[data-cell][data-state="ok"]').count()) === (await cells.count()),
      "every starter cell computes offline",
      30_000,
    );

    // A page the site does not have: the 404 page, with status 404 (not a 200).
    const missing = await page.goto("/no/such/page/");
    check(missing?.status() === 404, `an unknown URL offline answered ${missing?.status()}, not 404`);
    check(/not found/i.test(await textOf(page.locator("h1"))), "the 404 page's heading offline");
    await context.setOffline(false);
  });
});
