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
 * Three page loads per page: 1280 px on a dark system with a stored "light" choice (so the stored
 * choice is checked to win, and light mode gets axe, links and the layout checks), 1280 px dark,
 * and 360 px on a light system with reduced motion.
 */
import type { Page } from "@playwright/test";
import { note, origin, site, test } from "./fixtures";
import { axeViolations, check, visit } from "./helpers";
import { checkLayout, checkNoSidewaysScroll } from "./layout";

for (const path of site.pages) {
  test.describe(() => {
    test.use({ colorScheme: "dark" });
    test(`page ${path}: light (stored choice on a dark system), axe, links, KaTeX, layout at 1280 px`, async ({
      page,
    }) => {
      await page.addInitScript(() => localStorage.setItem("atlas-theme", "light"));
      await visit(page, path);
      const theme = await page.evaluate(() => document.documentElement.dataset.theme);
      check(theme === "light", `a stored "light" choice gave data-theme "${theme}" on a dark system`);
      await checkPage(page, path);
      await checkLayout(page, 1280);
    });
  });

  test.describe(() => {
    test.use({ colorScheme: "dark" });
    test(`page ${path}: dark mode, axe`, async ({ page }) => {
      await visit(page, path);
      const theme = await page.evaluate(() => document.documentElement.dataset.theme);
      check(theme === "dark", `html[data-theme] is "${theme}" with a dark system preference`);
      const violations = await axeViolations(page);
      check(
        violations.length === 0,
        `axe (dark) found ${violations.length} violation(s):\n${violations.join("\n")}`,
      );
    });
  });

  test.describe(() => {
    test.use({
      viewport: { width: 360, height: 740 },
      colorScheme: "light",
      contextOptions: { reducedMotion: "reduce" },
    });
    test(`page ${path}: 360 px wide, reduced motion, axe, layout`, async ({ page }) => {
      await visit(page, path);
      const theme = await page.evaluate(() => document.documentElement.dataset.theme);
      check(theme === "light", `html[data-theme] is "${theme}" with a light system preference`);
      await checkNoSidewaysScroll(page, 360, "");
      const violations = await axeViolations(page);
      check(violations.length === 0, `axe (360 px) found:\n${violations.join("\n")}`);
      await checkLayout(page, 360);
    });
  });
}

async function checkPage(page: Page, path: string): Promise<void> {
  const violations = await axeViolations(page);
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
