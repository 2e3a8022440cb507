/** Chapter 9 (multi-head attention): change the head count, read the heads, the count and the URL. */
import { test, site } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/multi-head-attention/";

test.skip(!site.written.includes("multi-head-attention"), "chapter multi-head-attention is not built");

test("multi-head-attention: heads side by side, rules, parameter count, bad input, URL", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="multi-head-attention/heads"]');
  const heads = w.locator(".mh-head");
  check((await heads.count()) === 4, "four heads by default");
  const params = w.locator('[data-output="params"]');
  check((await textOf(params)).includes("288"), `parameter count 4·8² + 4·8 = 288: ${await textOf(params)}`);
  check((await textOf(params)).includes("1,050,624"), "the paper's count");

  // Head 1 ("previous"): the row of "sat" (position 3) peaks at "cat" (position 2).
  const table = async (h: number) =>
    heads
      .nth(h)
      .locator("table tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
      );
  const prev = await table(0);
  check(prev[2][1] > 0.9, `previous-word head: sat → cat weight ${prev[2][1]}`);
  const next = await table(2);
  check(next[2][3] > 0.9, `next-word head: sat → on weight ${next[2][3]}`);
  const broad = await table(3);
  check(
    broad.every((r) => r.every((x) => Math.abs(x - 1 / 6) < 0.01)),
    "broad head is uniform",
  );

  // Change the number of heads from the keyboard.
  const select = w.getByLabel("Number of heads H");
  await select.focus();
  await select.selectOption("8");
  await waitFor(async () => (await heads.count()) === 8, "eight heads");
  check(
    (await textOf(params)).includes("dhead = 8/8 = 1") && (await textOf(params)).includes("288"),
    "count unchanged",
  );
  await select.selectOption("1");
  await waitFor(async () => (await heads.count()) === 1, "one head");
  const concatCols = await w.locator('[data-table="concat"] thead th').count();
  check(concatCols === 8, `concat has 8 columns, got ${concatCols}`);

  // Bad input: too many words for one-hot positions of size 8.
  const field = w.getByLabel("Sentence (3–8 words)");
  await typeInto(field, "one two three four five six seven eight nine");
  await waitFor(
    async () => (await textOf(w.locator("#mh-text-error"))).includes("at most 8"),
    "too-long message",
  );
  // Typing word by word, the last valid sentence was the first eight words.
  check((await w.locator('[data-table="concat"] tbody tr').count()) === 8, "last good result kept");
  await typeInto(field, "a b c d");
  await waitFor(async () => (await w.locator('[data-table="concat"] tbody tr').count()) === 4, "four tokens");

  // URL round-trip.
  await waitFor(() => page.url().includes("mh.heads=1"), "heads in the URL");
  const url = page.url();
  await visit(page, url);
  const w2 = page.locator('[data-widget="multi-head-attention/heads"]');
  await waitFor(async () => (await w2.locator(".mh-head").count()) === 1, "one head after reload");
  check((await w2.getByLabel("Sentence (3–8 words)").inputValue()) === "a b c d", "sentence restored");
});
