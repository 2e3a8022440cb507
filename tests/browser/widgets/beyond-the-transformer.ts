/** Chapter 11 (beyond the vanilla Transformer): Transformer-XL's memory and reach, XLNet's masks. */
import { test, site } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/beyond-the-transformer/";

test.skip(!site.written.includes("beyond-the-transformer"), "chapter beyond-the-transformer is not built");

test("beyond-the-transformer: XL reach and mask, XLNet masks from an order, bad input, URL", async ({
  page,
}) => {
  await visit(page, PATH);
  const xl = page.locator('[data-widget="beyond-the-transformer/transformer-xl"]');
  const out = xl.locator('[data-output="xl"]');
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
