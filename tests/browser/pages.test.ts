/**
 * Checks run on every page of the built site, read like a reader would (scrolled through, every
 * widget hydrated): no console error or warning, page error, failed or off-origin request (the
 * fixture in fixtures.ts records these); zero axe violations in light and dark mode; every internal link and
 * #fragment resolves; no KaTeX error; no horizontal overflow at 360 px; nothing fails with
 * reduced motion.
 */
import type { Page } from "@playwright/test";
import { note, origin, site, test } from "./fixtures";
import { axeViolations, check, visit } from "./helpers";

for (const path of site.pages) {
  test.describe(() => {
    test.use({ colorScheme: "light" });
    test(`page ${path}: light mode, axe, links, KaTeX`, async ({ page }) => {
      await visit(page, path);
      const theme = await page.evaluate(() => document.documentElement.dataset.theme);
      check(theme === "light", `html[data-theme] is "${theme}" with a light system preference`);
      await checkPage(page, path);
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
      // A stored choice wins over the system: the same page with "atlas-theme" = "light".
      await page.evaluate(() => localStorage.setItem("atlas-theme", "light"));
      await visit(page, path);
      const stored = await page.evaluate(() => document.documentElement.dataset.theme);
      check(stored === "light", `a stored "light" choice gave data-theme "${stored}" on a dark system`);
      const lightViolations = await axeViolations(page);
      check(lightViolations.length === 0, `axe (stored light) found:\n${lightViolations.join("\n")}`);
    });
  });

  test.describe(() => {
    test.use({
      viewport: { width: 360, height: 740 },
      colorScheme: "light",
      contextOptions: { reducedMotion: "reduce" },
    });
    test(`page ${path}: 360 px wide, reduced motion`, async ({ page }) => {
      await visit(page, path);
      const { scrollWidth, culprits } = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // Elements sticking out past the right edge whose parent fits, and that nothing clips.
        const culprits: string[] = [];
        for (const el of document.querySelectorAll("body *")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right <= width + 1) continue;
          const parent = el.parentElement!;
          if (parent !== document.body && parent.getBoundingClientRect().right > width + 1) continue;
          let clipped = false;
          for (let p: HTMLElement | null = parent; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== "visible") clipped = true;
          }
          if (clipped) continue;
          const classes = [...el.classList].map((c) => "." + c).join("");
          const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
          culprits.push(
            `${el.tagName.toLowerCase()}${classes} in ${parent.tagName.toLowerCase()} (right edge ${Math.round(r.right)} px): "${text}"`,
          );
          if (culprits.length >= 3) break;
        }
        return { scrollWidth: document.scrollingElement!.scrollWidth, culprits };
      });
      check(
        scrollWidth <= 361,
        `page scrolls sideways at 360 px: scrollWidth ${scrollWidth}; wider elements: ${culprits.join(", ")}`,
      );
      const violations = await axeViolations(page);
      check(violations.length === 0, `axe (360 px) found:\n${violations.join("\n")}`);
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
