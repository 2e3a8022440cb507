/**
 * The frame's "Save a chart" menu, used with the keyboard: a chart's numbers as CSV (the same
 * rows as its table), its drawing as a standalone SVG (colours written out, no CSS variables), and
 * a PNG.
 */
import { site, test } from "../fixtures";
import { check, savedDownload as saved, textOf, visit, waitFor } from "../helpers";

const WIDGET = '[data-widget="score-functions/score-explorer"]';

test.skip(!site.written.includes("score-functions"), "chapter score-functions is not built");

test("chart export: score-functions weights saved as CSV, SVG and PNG", async ({ page }) => {
  await visit(page, "/chapters/score-functions/");
  const w = page.locator(WIDGET);
  const menu = w.locator(".widget-export summary");
  await menu.focus();
  await page.keyboard.press("Enter");
  const label = await w.locator('figure[data-chart-frame="weights"]').getAttribute("data-chart-label");
  const button = (f: string) => w.getByRole("button", { name: `${label}: save as ${f}` });
  await waitFor(async () => (await button("CSV").count()) === 1, "the menu lists the weights chart");

  // CSV: the header and every row of the chart's own table.
  const csv = await saved(page, button("CSV"));
  check(csv.name === "score-functions-score-explorer-weights.csv", `file name ${csv.name}`);
  const lines = csv.bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const table = await w
    .locator('table[data-table="weights"] tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim()).join(",")),
    );
  check(
    JSON.stringify(lines) === JSON.stringify(table),
    `CSV ${JSON.stringify(lines)} vs table ${JSON.stringify(table)}`,
  );
  check(lines[0].startsWith("key,weight α"), `CSV header: ${lines[0]}`);

  // SVG: a standalone document with plain colours and the same bars.
  const svg = (await saved(page, button("SVG"))).bytes.toString("utf8");
  check(svg.startsWith("<?xml") && svg.includes("<svg"), "an SVG document");
  check(!/var\(|color-mix|oklab/.test(svg), "colours are written out (no CSS variables or color-mix)");
  const bars = await w.locator('svg[data-chart="weights"] rect.bar').count();
  check((svg.match(/<rect/g) ?? []).length >= bars, `the SVG keeps the ${bars} bars`);

  // PNG: a real image.
  const png = (await saved(page, button("PNG"))).bytes;
  check(png.subarray(1, 4).toString("latin1") === "PNG" && png.length > 2000, `PNG of ${png.length} bytes`);
  await waitFor(
    async () => (await textOf(w.locator(".widget-status"))).includes(".png"),
    "status names the file",
  );
});
