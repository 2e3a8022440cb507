/**
 * Site features: search by keyboard, the dark-mode toggle, the chapter layout (sidebar, prev/next,
 * sources box, reading time), the 404 page, titles and descriptions, and the print stylesheet.
 */
import { readFileSync } from "node:fs";
import { chapters, chapterUrl } from "../../src/data/curriculum";
import type { TestApi } from "./harness";
import { check, textOf, visit, waitFor } from "./helpers";

export default function register(t: TestApi): void {
  const { site } = t;
  const chapterPages = site.written.map(chapterUrl);
  const somePage = chapterPages[0] ?? "/";

  for (const [key, label] of [
    ["/", "the / key"],
    ["Control+k", "Ctrl+K"],
  ] as const) {
    t.test(`search: ${label} opens it, "softmax" finds pages, Escape closes it`, async (c) => {
      await visit(c.page, c.url(somePage));
      const dialog = c.page.locator("dialog.search-dialog");
      check(
        !(await dialog.evaluate((d: HTMLDialogElement) => d.open)),
        "the search dialog is open before any key",
      );
      await c.page.locator("body").click({ position: { x: 5, y: 5 } });
      await c.page.keyboard.press(key);
      await waitFor(
        () => dialog.evaluate((d: HTMLDialogElement) => d.open),
        `${label} did not open the search dialog`,
      );
      const input = dialog.locator("input.pagefind-ui__search-input");
      await input.waitFor({ state: "visible", timeout: 10_000 });
      await waitFor(
        () => input.evaluate((el) => el === document.activeElement),
        "the search input does not have the keyboard focus",
      );
      await c.page.keyboard.type("softmax");
      const results = dialog.locator(".pagefind-ui__result");
      await results.first().waitFor({ state: "visible", timeout: 10_000 });
      const first = results.first().locator("a").first();
      const href = await first.getAttribute("href");
      check(
        href && c.site.fileAt(new URL(href, c.origin).pathname),
        `the first search result links to ${href}, not a page`,
      );
      c.note(`${await results.count()} result(s); first: ${await textOf(first)} → ${href}`);
      await c.page.keyboard.press("Escape");
      await waitFor(
        async () => !(await dialog.evaluate((d: HTMLDialogElement) => d.open)),
        "Escape did not close the search",
      );
    });
  }

  t.test(
    "dark mode: follows the system, the toggle flips it and is remembered",
    async (c) => {
      const theme = () => c.page.evaluate(() => document.documentElement.dataset.theme);
      await visit(c.page, c.url("/"));
      check((await theme()) === "light", `light system gave data-theme "${await theme()}"`);
      await c.page.emulateMedia({ colorScheme: "dark" });
      await waitFor(
        async () => (await theme()) === "dark",
        "with nothing stored, a dark system did not switch the page",
      );
      await c.page.reload();
      check((await theme()) === "dark", `after reload on a dark system data-theme is "${await theme()}"`);
      const toggle = c.page.locator(".theme-toggle").first();
      check((await toggle.getAttribute("aria-pressed")) === "true", "the toggle is not pressed in dark mode");
      await toggle.click();
      check((await theme()) === "light", "the toggle did not switch to light");
      check(
        (await toggle.getAttribute("aria-pressed")) === "false",
        "aria-pressed did not follow the toggle",
      );
      const stored = await c.page.evaluate(() => localStorage.getItem("atlas-theme"));
      check(stored === "light", `localStorage atlas-theme is ${stored}`);
      await c.page.reload();
      check((await theme()) === "light", "the choice was not remembered after reload");
      await c.page.emulateMedia({ colorScheme: "light" });
      await c.page.emulateMedia({ colorScheme: "dark" });
      await c.page.waitForTimeout(100);
      check((await theme()) === "light", "a stored choice was overridden by a system change");
      await c.page.locator(".theme-toggle").first().press("Enter");
      check((await theme()) === "dark", "the toggle does not work from the keyboard");
      await c.page.goto(c.url("/notation/"));
      check((await theme()) === "dark", "the choice does not carry to another page");
    },
    { context: { colorScheme: "light" } },
  );

  t.test("chapter layout: sidebar of 16, prev/next, sources box, reading time", async (c) => {
    check(chapterPages.length > 0, "no chapter pages were built");
    check(chapters.length === 16, `the curriculum has ${chapters.length} chapters, not 16`);
    for (const path of chapterPages) {
      await c.page.goto(c.url(path));
      const items = c.page.locator("nav.sidebar li");
      check(
        (await items.count()) === 16,
        `${path}: the sidebar lists ${await items.count()} chapters, not 16`,
      );
      for (let i = 0; i < chapters.length; i++) {
        const ch = chapters[i];
        const li = items.nth(i);
        const text = await textOf(li);
        check(text.includes(ch.title), `${path}: sidebar item ${i + 1} is "${text}", expected "${ch.title}"`);
        const links = await li.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
        if (site.written.includes(ch.slug)) {
          check(
            links.length === 1 && links[0] === chapterUrl(ch.slug),
            `${path}: "${ch.title}" should link to its page`,
          );
        } else {
          check(links.length === 0, `${path}: unwritten "${ch.title}" is a link (${links.join(", ")})`);
        }
      }
      const slug = /\/chapters\/([^/]+)\//.exec(path)![1];
      const readable = chapters.filter((ch) => site.written.includes(ch.slug));
      const i = readable.findIndex((ch) => ch.slug === slug);
      const nav = c.page.locator("nav.chapter-nav");
      check((await nav.count()) === 1, `${path}: no previous/next navigation`);
      for (const [rel, expected] of [
        ["prev", readable[i - 1]],
        ["next", readable[i + 1]],
      ] as const) {
        const hrefs = await nav
          .locator(`a[rel="${rel}"]`)
          .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
        const want = expected ? [chapterUrl(expected.slug)] : [];
        check(
          JSON.stringify(hrefs) === JSON.stringify(want),
          `${path}: ${rel} link is ${hrefs.join() || "missing"}, expected ${want.join() || "none"}`,
        );
      }
      const sources = c.page.locator("aside.sources");
      check((await sources.count()) === 1, `${path}: no sources box`);
      check(
        /Sources and papers/i.test(await textOf(sources.locator("h2"))),
        `${path}: the sources box has no "Sources and papers" heading`,
      );
      const reading = await textOf(c.page.locator(".reading-time"));
      check(/^\d+ min read$/.test(reading), `${path}: reading time reads "${reading}"`);
    }
  });

  t.test(
    "404: an unknown URL gets the 404 page with status 404",
    async (c) => {
      const res = await c.page.goto(c.url("/no/such/page/"));
      check(res?.status() === 404, `status ${res?.status()}`);
      const h1 = await textOf(c.page.locator("h1"));
      check(/not found/i.test(h1), `the 404 page's heading is "${h1}"`);
      const title = await c.page.title();
      check(/not found/i.test(title), `the 404 page's title is "${title}"`);
      check((await c.page.locator('a[href="/"]').count()) > 0, "the 404 page does not link home");
    },
    {
      allow: [
        /HTTP 404: .*\/no\/such\/page\//,
        /Failed to load resource: the server responded with a status of 404/,
      ],
    },
  );

  t.test("every page has a unique <title> and meta description", async (c) => {
    const seenTitles = new Map<string, string>();
    const seenDescriptions = new Map<string, string>();
    const problems: string[] = [];
    for (const path of site.pages) {
      const html = readFileSync(site.fileAt(path)!, "utf8");
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim() ?? "";
      const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1]?.trim() ?? "";
      if (!title) problems.push(`${path}: no <title>`);
      if (description.length < 20)
        problems.push(`${path}: meta description "${description}" is missing or too short`);
      if (seenTitles.has(title)) problems.push(`${path}: same title as ${seenTitles.get(title)}: "${title}"`);
      if (seenDescriptions.has(description))
        problems.push(`${path}: same description as ${seenDescriptions.get(description)}`);
      seenTitles.set(title, path);
      seenDescriptions.set(description, path);
    }
    check(problems.length === 0, problems.join("\n"));
    // And the browser sees the same title.
    await c.page.goto(c.url(somePage));
    check(
      (await c.page.title()) === [...seenTitles].find(([, p]) => p === somePage)![0].replace(/&amp;/g, "&"),
      "the browser title differs from the HTML",
    );
  });

  t.test("print stylesheet hides the header, sidebar and page navigation", async (c) => {
    await visit(c.page, c.url(somePage));
    await c.page.emulateMedia({ media: "print" });
    for (const sel of [".site-header", "nav.sidebar", ".toc", "nav.chapter-nav"]) {
      const shown = await c.page
        .locator(sel)
        .evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== "none").length);
      check(shown === 0, `${sel} is still displayed in print`);
    }
    const main = await c.page.locator("main").evaluate((e) => getComputedStyle(e).display);
    check(main !== "none", "the main content is hidden in print");
    const pdf = await c.page.pdf({ format: "A4" });
    check(pdf.length > 1000, "printing to PDF produced nothing");
  });
}
