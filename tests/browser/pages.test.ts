/**
 * Checks run on every page of the built site, read like a reader would (scrolled through, every
 * widget hydrated): no console error or warning, page error, failed or off-origin request (the
 * fixture in fixtures.ts records these); zero axe violations in light and dark mode; every internal
 * link and #fragment resolves; no KaTeX error; nothing fails with reduced motion. At 360 px (a
 * phone) and at 1280 px, with every `<details>` open: no sideways scrolling, the site header one
 * row of at most 64 px, no widget label broken word by word and no select cut short, every formula
 * or table wider than its column marked as scrolling, chart text at least 11 CSS px, and every
 * figure with a visible caption.
 *
 * One page load per page, as a reader on a phone who then widens the window and switches the theme:
 * the page opens at 360 px on a dark system with a stored "light" choice and reduced motion (so
 * the stored choice is checked to win, and nothing fails with reduced motion), gets axe (every
 * rule) and the layout checks at 360 px, is widened to 1280 px for axe (every rule but the colour
 * ones, checked at 360 px), links, KaTeX and the layout checks again, and is
 * switched to dark with the theme button for axe's colour rules (the theme changes colours only).
 * A separate test checks that a dark system with no stored choice gets the dark theme on the
 * first paint.
 */
import type { Page } from "@playwright/test";
import { note, origin, site, test } from "./fixtures";
import { axeViolations, check, COLOUR_RULES, visit } from "./helpers";
import { checkLayout, checkNoSidewaysScroll } from "./layout";

async function theme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.theme);
}

for (const path of site.pages) {
  test.describe(() => {
    test.use({
      viewport: { width: 360, height: 740 },
      colorScheme: "dark",
      contextOptions: { reducedMotion: "reduce" },
    });
    test(`page ${path}: 360 px with reduced motion, then 1280 px; axe light and dark, links, KaTeX, layout`, async ({
      page,
    }) => {
      // Three axe runs and two layout passes on one page: 10–25 s on an idle machine, and over
      // the 120 s default at a load average of 16.
      test.setTimeout(240_000);
      await page.addInitScript(() => localStorage.setItem("atlas-theme", "light"));
      await visit(page, path);
      const first = await theme(page);
      check(first === "light", `a stored "light" choice gave data-theme "${first}" on a dark system`);

      await checkNoSidewaysScroll(page, 360, "");
      const phone = await axeViolations(page);
      check(phone.length === 0, `axe (light, 360 px) found:\n${phone.join("\n")}`);
      await checkLayout(page, 360);

      await page.setViewportSize({ width: 1280, height: 800 });
      await checkPage(page, path);
      await checkLayout(page, 1280);

      await page.getByRole("button", { name: "Toggle dark mode" }).first().click();
      const switched = await theme(page);
      check(switched === "dark", `the theme button gave data-theme "${switched}" after light`);
      const dark = await axeViolations(page, { only: COLOUR_RULES });
      check(dark.length === 0, `axe (dark) found ${dark.length} violation(s):\n${dark.join("\n")}`);
    });
  });
}

test.describe(() => {
  test.use({ colorScheme: "dark" });
  test("every page: a dark system with no stored choice gets the dark theme before anything is drawn", async ({
    page,
  }) => {
    const wrong: string[] = [];
    for (const path of site.pages) {
      // The inline script in <head> sets the theme; read it as soon as the document is parsed.
      await page.goto(path, { waitUntil: "domcontentloaded" });
      const t = await theme(page);
      if (t !== "dark") wrong.push(`${path}: ${t}`);
    }
    check(wrong.length === 0, `pages not dark on a dark system:\n${wrong.join("\n")}`);
    note(`${site.pages.length} pages`);
  });
});

async function checkPage(page: Page, path: string): Promise<void> {
  const violations = await axeViolations(page, { except: COLOUR_RULES });
  check(
    violations.length === 0,
    `axe (light) found ${violations.length} violation(s):\n${violations.join("\n")}`,
  );

  const katexErrors = await page.locator(".katex-error").count();
  check(katexErrors === 0, `${katexErrors} .katex-error element(s) on ${path}`);

  const links = await page.$$eval("a[href]", (as) =>
    as.map((a) => ({ href: a.getAttribute("href")!, abs: (a as HTMLAnchorElement).href })),
  );
  const broken: string[] = [];
  for (const { href, abs } of links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith(origin)) continue; // external or mailto:
    if (href.startsWith("//")) {
      broken.push(`${href} (protocol-relative link off the site)`);
      continue;
    }
    const target = new URL(abs);
    if (target.origin !== origin) continue;
    if (!site.fileAt(target.pathname)) {
      broken.push(`${href} (no page at ${target.pathname})`);
      continue;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (!fragment) continue;
    const samePage = target.pathname === new URL(page.url()).pathname;
    const exists = samePage
      ? await page.evaluate(
          (id) => document.getElementById(id) !== null || document.getElementsByName(id).length > 0,
          fragment,
        )
      : (site.idsAt(target.pathname)?.has(fragment) ?? false);
    if (!exists) broken.push(`${href} (no element with id "${fragment}" on ${target.pathname})`);
  }
  check(broken.length === 0, `broken internal link(s) on ${path}:\n${broken.join("\n")}`);
  note(`${links.length} links checked`);
}
