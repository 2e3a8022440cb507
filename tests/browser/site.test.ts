/**
 * Site features: search by keyboard, the dark-mode toggle, the chapter layout (sidebar, prev/next,
 * sources box, reading time), the 404 page, titles and descriptions, and the print stylesheet.
 */
import { readFileSync } from "node:fs";
import { chapters, chapterUrl } from "../../src/data/curriculum";
import { allowProblems, note, origin, site, test } from "./fixtures";
import { check, textOf, visit, waitFor } from "./helpers";

const chapterPages = site.written.map(chapterUrl);
const somePage = chapterPages[0] ?? "/";

test("search: / and Ctrl+K open it, nonsense finds nothing, 'softmax temperature' finds its sections in prose, Escape closes it", async ({
  page,
}) => {
  await visit(page, somePage);
  const dialog = page.locator("dialog.search-dialog");
  const input = dialog.locator("input.pagefind-ui__search-input");
  const results = dialog.locator(".pagefind-ui__result");
  const message = dialog.locator(".search-status");
  const isOpen = () => dialog.evaluate((d: HTMLDialogElement) => d.open);
  for (const [key, label] of [
    ["/", "the / key"],
    ["Control+k", "Ctrl+K"],
  ] as const) {
    check(!(await isOpen()), `the search dialog is open before ${label}`);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(key);
    await waitFor(isOpen, `${label} did not open the search dialog`);
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await waitFor(
      () => input.evaluate((el) => el === document.activeElement),
      `after ${label} the search input does not have the keyboard focus`,
    );
    if (key === "/") {
      for (const nonsense of ["xyzzy", "zzzz"]) {
        await input.fill(nonsense);
        await waitFor(
          async () => /no results/i.test(await textOf(message)),
          `"${nonsense}" should find nothing, but the message says: ${await textOf(message)}`,
          10_000,
        );
        check((await results.count()) === 0, `"${nonsense}" shows ${await results.count()} result(s)`);
      }
      await input.fill("");
      await page.keyboard.type("softmax temperature");
      await results.first().waitFor({ state: "visible", timeout: 10_000 });
      const first = results.first().locator("a").first();
      const href = await first.getAttribute("href");
      check(
        href && site.fileAt(new URL(href, origin).pathname),
        `the first search result links to ${href}, not a page`,
      );
      const excerpts = await dialog.locator(".pagefind-ui__result-excerpt").allTextContents();
      note(
        `${await results.count()} result(s); first: ${await textOf(first)} → ${href}; excerpt: ${excerpts[0]}`,
      );
      check(
        excerpts.slice(0, 6).some((e) => /temperature/i.test(e)),
        `no excerpt among the first results mentions temperature: ${excerpts.slice(0, 6).join(" | ")}`,
      );
      const links = await dialog
        .locator(".pagefind-ui__result a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      check(
        links.some((h) => h.includes("#")),
        `no result links to a section: ${links.slice(0, 8).join(", ")}`,
      );
      for (const e of excerpts) {
        check(!/\\[A-Za-z]|_\{|\^\{/.test(e), `an excerpt shows TeX source: ${e}`);
        check(!/=>|\bconst \w+ =|\bimport \{|\)\s*\{/.test(e), `an excerpt shows code: ${e}`);
      }
    }
    await page.keyboard.press("Escape");
    await waitFor(async () => !(await isOpen()), `Escape did not close the search opened with ${label}`);
    await waitFor(
      () => page.evaluate(() => document.activeElement?.classList.contains("search-open") ?? false),
      "after Escape the keyboard focus is not back on the Search button",
    );
  }
});

test.describe(() => {
  test.use({ colorScheme: "light" });
  test("dark mode: follows the system, the toggle flips it and is remembered", async ({ page }) => {
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    await visit(page, "/");
    check((await theme()) === "light", `light system gave data-theme "${await theme()}"`);
    await page.emulateMedia({ colorScheme: "dark" });
    await waitFor(
      async () => (await theme()) === "dark",
      "with nothing stored, a dark system did not switch the page",
    );
    await page.reload();
    check((await theme()) === "dark", `after reload on a dark system data-theme is "${await theme()}"`);
    const toggle = page.locator(".theme-toggle").first();
    check((await toggle.getAttribute("aria-pressed")) === "true", "the toggle is not pressed in dark mode");
    await toggle.click();
    check((await theme()) === "light", "the toggle did not switch to light");
    check((await toggle.getAttribute("aria-pressed")) === "false", "aria-pressed did not follow the toggle");
    const stored = await page.evaluate(() => localStorage.getItem("atlas-theme"));
    check(stored === "light", `localStorage atlas-theme is ${stored}`);
    await page.reload();
    check((await theme()) === "light", "the choice was not remembered after reload");
    await page.emulateMedia({ colorScheme: "light" });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForTimeout(100);
    check((await theme()) === "light", "a stored choice was overridden by a system change");
    await page.locator(".theme-toggle").first().press("Enter");
    check((await theme()) === "dark", "the toggle does not work from the keyboard");
    await page.goto("/notation/");
    check((await theme()) === "dark", "the choice does not carry to another page");
  });
});

test("chapter layout: sidebar of 16, prev/next, sources box, reading time", async ({ page }) => {
  check(chapterPages.length > 0, "no chapter pages were built");
  check(chapters.length === 16, `the curriculum has ${chapters.length} chapters, not 16`);
  for (const path of chapterPages) {
    // The layout is static HTML: no need to wait for fonts and images.
    await page.goto(path, { waitUntil: "domcontentloaded" });
    // Everything read in one round trip per page (a page has 16 sidebar items to check).
    const seen = await page.evaluate(() => {
      const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
      const hrefs = (els: Iterable<Element>) => [...els].map((a) => a.getAttribute("href"));
      const nav = document.querySelectorAll("nav.chapter-nav");
      return {
        items: [...document.querySelectorAll("nav.sidebar li")].map((li) => ({
          text: text(li),
          links: hrefs(li.querySelectorAll("a")),
        })),
        navs: nav.length,
        prev: hrefs(document.querySelectorAll('nav.chapter-nav a[rel="prev"]')),
        next: hrefs(document.querySelectorAll('nav.chapter-nav a[rel="next"]')),
        sources: document.querySelectorAll("aside.sources").length,
        sourcesHeading: text(document.querySelector("aside.sources h2")),
        reading: text(document.querySelector(".reading-time")),
      };
    });
    check(seen.items.length === 16, `${path}: the sidebar lists ${seen.items.length} chapters, not 16`);
    for (let i = 0; i < chapters.length; i++) {
      const ch = chapters[i];
      const { text, links } = seen.items[i];
      check(text.includes(ch.title), `${path}: sidebar item ${i + 1} is "${text}", expected "${ch.title}"`);
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
    check(seen.navs === 1, `${path}: no previous/next navigation`);
    for (const [rel, expected, hrefs] of [
      ["prev", readable[i - 1], seen.prev],
      ["next", readable[i + 1], seen.next],
    ] as const) {
      const want = expected ? [chapterUrl(expected.slug)] : [];
      check(
        JSON.stringify(hrefs) === JSON.stringify(want),
        `${path}: ${rel} link is ${hrefs.join() || "missing"}, expected ${want.join() || "none"}`,
      );
    }
    check(seen.sources === 1, `${path}: no sources box`);
    check(
      /Sources and papers/i.test(seen.sourcesHeading),
      `${path}: the sources box has no "Sources and papers" heading`,
    );
    const reading = seen.reading;
    check(/^\d+ min read$/.test(reading), `${path}: reading time reads "${reading}"`);
  }
});

test.describe(() => {
  allowProblems(
    /HTTP 404: .*\/no\/such\/page\//,
    /Failed to load resource: the server responded with a status of 404/,
  );
  test("404: an unknown URL gets the 404 page with status 404", async ({ page }) => {
    const res = await page.goto("/no/such/page/");
    check(res?.status() === 404, `status ${res?.status()}`);
    const h1 = await textOf(page.locator("h1"));
    check(/not found/i.test(h1), `the 404 page's heading is "${h1}"`);
    const title = await page.title();
    check(/not found/i.test(title), `the 404 page's title is "${title}"`);
    check((await page.locator('a[href="/"]').count()) > 0, "the 404 page does not link home");
  });
});

test("every page has a unique <title> and meta description", async ({ page }) => {
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
  await page.goto(somePage);
  check(
    (await page.title()) === [...seenTitles].find(([, p]) => p === somePage)![0].replace(/&amp;/g, "&"),
    "the browser title differs from the HTML",
  );
});

test("print stylesheet hides the header, sidebar and page navigation", async ({ page }) => {
  await visit(page, somePage);
  await page.emulateMedia({ media: "print" });
  for (const sel of [".site-header", "nav.sidebar", ".toc", "nav.chapter-nav"]) {
    const shown = await page
      .locator(sel)
      .evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== "none").length);
    check(shown === 0, `${sel} is still displayed in print`);
  }
  const main = await page.locator("main").evaluate((e) => getComputedStyle(e).display);
  check(main !== "none", "the main content is hidden in print");
  const pdf = await page.pdf({ format: "A4" });
  check(pdf.length > 1000, "printing to PDF produced nothing");
});

test("wide boxes: a table that grows past its column after load is marked as scrolling, and unmarked when it shrinks; one in a <details> when it opens", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/notation/");
  const marks = (id: string) =>
    page.evaluate((i) => {
      const el = document.getElementById(i)!;
      return `${el.dataset.scrolls !== undefined} ${el.getAttribute("tabindex")} ${el.getAttribute("aria-label")}`;
    }, id);
  // A reader's action adds a table to the page, then widens its cells (only the cells change).
  await page.evaluate(() => {
    const wrap = document.createElement("div");
    wrap.className = "table-wrap";
    wrap.id = "grown";
    wrap.style.overflowX = "auto";
    wrap.innerHTML = "<table><tr><td>1</td><td>2</td></tr></table>";
    document.querySelector("main")!.append(wrap);
  });
  await waitFor(async () => (await marks("grown")) === "false null null", "a narrow table is left alone");
  await page.evaluate(() => {
    for (const td of document.querySelectorAll("#grown td")) td.textContent = "0.123456789".repeat(12);
  });
  await waitFor(
    async () => (await marks("grown")) === "true 0 Table, scrolls sideways",
    "the widened table is marked: [data-scrolls], a tab stop and a name",
  );
  await page.evaluate(() => {
    for (const td of document.querySelectorAll("#grown td")) td.textContent = "1";
  });
  await waitFor(async () => (await marks("grown")) === "false null null", "narrow again, unmarked");

  // Inside a closed <details> it cannot scroll; opening it is what shows it.
  await page.evaluate(() => {
    const d = document.createElement("details");
    d.innerHTML = `<summary>More</summary><div class="table-wrap" id="hidden-wide" style="overflow-x: auto"><table><tr><td>${"0.123456789".repeat(30)}</td></tr></table></div>`;
    document.querySelector("main")!.append(d);
  });
  await waitFor(async () => (await marks("hidden-wide")) === "false null null", "closed: not marked");
  await page.getByText("More", { exact: true }).click();
  await waitFor(
    async () => (await marks("hidden-wide")) === "true 0 Table, scrolls sideways",
    "opened: marked",
  );
});
