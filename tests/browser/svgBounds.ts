/**
 * Chart text that stays inside its drawing: every `<text>` of a widget's SVGs, by the box the
 * browser draws it in (rotated and transformed labels included), lies inside its SVG's box, at a
 * phone's width and at a desktop's. A label past the box is cut off where the chart scrolls and
 * runs into whatever comes next elsewhere.
 */
import type { Locator, Page } from "@playwright/test";
import { waitFor } from "./helpers";

/** Each `<text>` under `scope` drawn past its SVG's box, by more than half a pixel, as a readable line. */
export async function textsOutsideSvg(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((roots) =>
    roots.flatMap((root) =>
      [...root.querySelectorAll("svg")].flatMap((svg) => {
        const s = svg.getBoundingClientRect();
        if (s.width === 0) return [];
        return [...svg.querySelectorAll("text")].flatMap((t) => {
          const r = t.getBoundingClientRect();
          if (r.width === 0) return [];
          const past = {
            left: s.left - r.left,
            right: r.right - s.right,
            top: s.top - r.top,
            bottom: r.bottom - s.bottom,
          };
          const over = Object.entries(past).filter(([, d]) => d > 0.5);
          return over.length
            ? [
                `"${t.textContent}" in ${svg.getAttribute("data-chart") ?? svg.getAttribute("class") ?? "svg"} ${over.map(([side, d]) => `${d.toFixed(1)} px past the ${side}`).join(", ")}`,
              ]
            : [];
        });
      }),
    ),
  );
}

/**
 * At 360 px and then 1280 px wide, once the charts have laid out again for the width (two frames
 * after the resize: their size observers and re-renders run in between), no text of the widgets
 * in `scopes` is past its SVG's box. Leaves the page 1280 px wide.
 */
export async function checkTextInsideCharts(page: Page, scopes: Locator[]): Promise<void> {
  const height = page.viewportSize()?.height ?? 720;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height });
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    for (const scope of scopes) {
      let outside: string[] = [];
      await waitFor(
        async () => (outside = await textsOutsideSvg(scope)).length === 0,
        `chart text inside its SVG at ${width} px`,
        3000,
      ).catch(() => {
        throw new Error(`chart text past its SVG at ${width} px: ${outside.join("; ")}`);
      });
    }
  }
}
