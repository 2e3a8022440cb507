/** Chapter 11 (beyond the vanilla Transformer): Transformer-XL's memory and reach, XLNet's masks. */
import { test, site } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";
import {
  cellNumbers,
  equationTex,
  near,
  openInNotebook,
  texLine,
  texPart,
  waitForEquation,
} from "../liveEquation";
import { checkTextInsideCharts } from "../svgBounds";

const PATH = "/chapters/beyond-the-transformer/";

test.skip(!site.written.includes("beyond-the-transformer"), "chapter beyond-the-transformer is not built");

test("beyond-the-transformer: XL reach and mask, XLNet masks from an order, bad input, URL", async ({
  page,
}) => {
  await visit(page, PATH);
  const xl = page.locator('[data-widget="beyond-the-transformer/transformer-xl"]');
  const out = xl.locator('[data-output="xl"]');
  // Every label of both widgets' charts (the legends' "allowed (memory)", "blocked") stays inside
  // its SVG, on a phone and on a desktop.
  await checkTextInsideCharts(page, [xl, page.locator('[data-widget="beyond-the-transformer/xlnet"]')]);
  // N = 4, L = 3: 4 + 3·4 = 16.
  check((await textOf(out)).includes("depend on 16 tokens"), await textOf(out));
  const layers = xl.getByLabel("Layers L");
  await layers.focus();
  await layers.press("ArrowRight");
  await waitFor(
    async () => (await textOf(out)).includes("depend on 20 tokens"),
    "reach grows by N per layer",
  );
  // The mask: 4 queries over 4 memory + 4 segment keys, 4·4 + 10 allowed cells.
  const on = () => xl.locator('[data-chart="xl"] rect[data-on="1"]').count();
  check((await on()) === 26, `26 allowed cells, got ${await on()}`);
  for (let i = 0; i < 2; i++) await xl.getByRole("button", { name: "← Previous segment" }).click();
  await waitFor(async () => (await textOf(out)).includes("memory: empty"), "first segment has no memory");
  check((await on()) === 10, "no memory: a causal 4×4 mask");

  const xn = page.locator('[data-widget="beyond-the-transformer/xlnet"]');
  const field = xn.getByLabel("Factorisation order (positions, first predicted first)");
  await typeInto(field, "3 1 4 2");
  const rowsOf = (name: string) =>
    xn
      .locator(`[data-chart="${name}"] g.chart-row`)
      .evaluateAll((gs) =>
        gs.map((g) => [...g.querySelectorAll("rect")].map((r) => r.getAttribute("data-on")).join("")),
      );
  await waitFor(async () => (await rowsOf("query")).join(",") === "0010,1011,0000,1010", "query-stream mask");
  check((await rowsOf("content")).join(",") === "1010,1111,0010,1011", "content-stream mask");
  await typeInto(field, "1 1 2");
  await waitFor(
    async () => (await textOf(xn.locator("#xlnet-error"))).includes("exactly once"),
    "bad order message",
  );
  check((await rowsOf("query")).join(",") === "0010,1011,0000,1010", "last valid order kept");
  await typeInto(field, "2 1");
  await xn.getByRole("button", { name: "Shuffle the order" }).click();
  await waitFor(() => page.url().includes("xlnet.shuffles=1"), "shuffle in the URL");
  const url = page.url();
  const order = await field.inputValue();
  await visit(page, url);
  const again = page.getByLabel("Factorisation order (positions, first predicted first)");
  check((await again.inputValue()) === order, "order restored from the URL");
});

test("beyond-the-transformer: the XL equation for a chosen query, and the notebook", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="beyond-the-transformer/transformer-xl"]');
  check((await equationTex(w)).includes("M_{3}"), "query s3 first");
  const query = w.getByLabel("Query in the equation");
  await query.focus();
  await page.keyboard.press("ArrowUp"); // s2
  await w.getByRole("button", { name: "Next segment →" }).focus();
  await page.keyboard.press("Enter"); // segment 4: memory is tokens 9–12
  const tex = await waitForEquation(
    w,
    (t) => t.includes("M_{2}") && t.includes("tokens 9–12"),
    "s2 of segment 4",
  );
  // Independently: query 2 of N = 4 sees the 4 memory keys and s1, s2 of its segment.
  const want = [1, 1, 1, 1, 1, 1, 0, 0];
  check(near(texPart(texLine(tex, "M_{2} &="), 0), want, 0), `mask row [1,1,1,1 | 1,1,0,0]: ${tex}`);
  check(tex.includes("= 0 \\text{ for } j = s_{3}, \\dots, s_{4}"), `s3 and s4 get weight 0: ${tex}`);
  check(texLine(tex, "\\text{keys of }").endsWith("= 4 + 2 = 6 \\\\"), `4 + 2 = 6 keys: ${tex}`);
  check(texLine(tex, "\\text{reach}").includes("= 4 + 3 \\cdot 4 = 16"), `reach 16: ${tex}`);

  const nb = await openInNotebook(page, w, 8);
  // Cells: N, mem, L, I, J, mask, keys (7), reach (8).
  check(near(await cellNumbers(nb, 7), [5, 6, 7, 8], 0), "keys per query: 4 memory + 1…4");
  check((await cellNumbers(nb, 8))[0] === 16, "reach = 16");
});

test("beyond-the-transformer: the XLNet equation for a chosen position, and the notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="beyond-the-transformer/xlnet"]');
  await typeInto(w.getByLabel("Factorisation order (positions, first predicted first)"), "2 4 1 3");
  const pos = w.getByLabel("Position in the equation");
  await pos.focus();
  await page.keyboard.press("ArrowUp"); // x3
  // Independently: z = (2, 4, 1, 3) gives rank(3) = 4, so x3 reads x2, x4, x1 in both streams and
  // itself only in the content stream.
  const z = [2, 4, 1, 3];
  const rank = [1, 2, 3, 4].map((p) => z.indexOf(p) + 1);
  const qRow = rank.map((r) => Number(r < rank[2]));
  const cRow = rank.map((r) => Number(r <= rank[2]));
  const tex = await waitForEquation(
    w,
    (t) => t.includes("\\mathrm{rank}(3) &= 4"),
    "x3 under z = (2, 4, 1, 3)",
  );
  const g = texLine(tex, "g_{3}");
  const h = texLine(tex, "h_{3}");
  check(g.includes("x_{2}, x_{4}, x_{1}") && near(texPart(g, 1), qRow, 0), `query stream ${qRow}: ${g}`);
  check(near(texPart(h, 1), cRow, 0), `content stream ${cRow}: ${h}`);
  check(
    texLine(tex, "p(\\mathbf{x})").includes("p(x_{3} \\mid x_{2}, x_{4}, x_{1})"),
    `the factorisation: ${tex}`,
  );

  const nb = await openInNotebook(page, w, 7);
  // Cells: z, n, P, rank (4), R, content, query.
  check(near(await cellNumbers(nb, 4), rank, 0), `ranks ${rank}`);
});
