/**
 * Every chapter with widgets: the text in its charts, heatmaps and diagrams (every `<text>` in an
 * SVG inside a widget) is at least 11 CSS px on screen at 360 px and at 1280 px wide. A scaled
 * SVG shrinks its text with it, so this reads the size the reader sees: the font size times the
 * SVG's scale on screen.
 */
import type { Page } from "@playwright/test";
import { site, test } from "../fixtures";
import { check, visit, waitFor } from "../helpers";

const MIN_PX = 11;

/** The SVG texts inside widgets drawn smaller than MIN_PX, as "widget: text (size)". */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const t of document.querySelectorAll<SVGTextElement>("[data-widget] svg text")) {
      const ctm = t.getScreenCTM();
      const text = (t.textContent ?? "").trim();
      if (!ctm || !text || t.getBoundingClientRect().width === 0) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
      if (px < min - 0.05) {
        const widget = t.closest("[data-widget]")?.getAttribute("data-widget");
        out.push(`${widget}: "${text.slice(0, 30)}" at ${px.toFixed(1)} px`);
      }
    }
    return out;
  }, MIN_PX);
}

test.describe(() => {
  test.use({ viewport: { width: 360, height: 800 } });
  for (const slug of site.written) {
    test(`chart text: ${slug} at 360 px and 1280 px`, async ({ page }) => {
      await visit(page, `/chapters/${slug}/`);
      if ((await page.locator("[data-widget] svg text").count()) === 0) return;
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        // Charts re-measure their box after a resize: wait until nothing is too small, then report.
        let small: string[] = [];
        await waitFor(
          async () => (small = await smallText(page)).length === 0,
          `text sizes at ${width} px`,
          3000,
        ).catch(() => {});
        check(
          small.length === 0,
          `at ${width} px, ${small.length} chart text(s) under ${MIN_PX} px:\n${small.slice(0, 10).join("\n")}`,
        );
      }
    });
  }
});
