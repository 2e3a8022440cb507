/**
 * Chapter 6, "Stacking and plugging in": the hierarchical-attention and pooling widgets used as
 * a reader would. The checks are properties the chapter promises (weights follow the chosen aspect,
 * κ = 0 gives uniform weights, max pooling is the column maximum), read off the page.
 */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/stacking-attention/";
const HAN = '[data-widget="stacking-attention/hierarchical"]';
const POOL = '[data-widget="stacking-attention/pooling"]';

const sentenceWeights = async (w: Locator) =>
  (await w.locator('[data-value^="sentence-"]').allTextContents()).map(Number);
const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));

test.skip(!site.written.includes("stacking-attention"), "chapter stacking-attention is not built");

test("stacking-attention: sentence weights follow the aspect; κ = 0 makes them uniform", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(HAN);
  await typeInto(w.locator("#han-doc"), "The soup was tasty. The waiter was rude. The bill was cheap.");
  await waitFor(async () => (await sentenceWeights(w)).length === 3, "three sentences");
  const aspect = w.getByLabel("Context vector (what the classifier looks for)");
  for (const [name, want] of [
    ["food", 0],
    ["service", 1],
    ["price", 2],
  ] as const) {
    await aspect.selectOption(name);
    await waitFor(
      async () => argmax(await sentenceWeights(w)) === want,
      `${name}: sentence ${want + 1} should weigh most`,
    );
  }
  const sum = (await sentenceWeights(w)).reduce((a, b) => a + b, 0);
  check(Math.abs(sum - 1) < 0.02, `sentence weights should sum to 1 (got ${sum})`);
  await w.locator("#han-kappa").fill("0");
  await waitFor(
    async () => (await sentenceWeights(w)).every((x) => x.toFixed(2) === "0.33"),
    "κ = 0: every sentence weight 0.33",
  );
  await waitFor(
    () => page.url().includes("han.kappa=0") && page.url().includes("han.aspect=price"),
    "κ and the aspect in the URL",
  );
  await visit(page, page.url());
  check(
    (await w.getByLabel("Context vector (what the classifier looks for)").inputValue()) === "price",
    "aspect restored",
  );
  await typeInto(w.locator("#han-doc"), "...");
  await waitFor(
    async () => (await textOf(w.locator("#han-doc-error"))).includes("no words"),
    "empty-document message",
  );
  check((await sentenceWeights(w)).length === 3, "the last good result stays");
});

test("stacking-attention: pooling table; max pooling is each filter's column maximum", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(POOL);
  await typeInto(w.locator("#pool-text"), "the soup was bland and the bill was cheap");
  const rows = w.locator('[data-table="conv"] tbody tr');
  await waitFor(async () => (await rows.count()) === 8, "9 words, k = 2: 8 windows");
  const k = w.locator("#pool-k");
  await k.focus();
  await page.keyboard.press("ArrowRight"); // k = 3
  await waitFor(async () => (await rows.count()) === 7, "k = 3: 7 windows");
  const cols: number[][] = [];
  for (let r = 0; r < 7; r++)
    cols.push((await rows.nth(r).locator("td").allTextContents()).slice(0, 5).map(Number));
  const max = (await w.locator('[data-row="max"] td').allTextContents()).slice(0, 5).map(Number);
  for (let f = 0; f < 5; f++) {
    const m = Math.max(...cols.map((r) => r[f]));
    check(
      Math.abs(m - max[f]) < 1e-9,
      `filter ${f}: max pooling ${max[f]} should be the column maximum ${m}`,
    );
  }
  const alphas = (await w.locator('[data-value^="alpha-"]').allTextContents()).map(Number);
  check(Math.abs(alphas.reduce((a, b) => a + b, 0) - 1) < 0.03, `attention weights sum to 1: ${alphas}`);
  await typeInto(w.locator("#pool-text"), "soup");
  await waitFor(
    async () => (await textOf(w.locator('[role="alert"]'))).includes("at least 3 words"),
    "k too wide message",
  );
  check((await w.locator('[data-table="seq-pool"]').count()) === 1, "sequence pooling still shown");
});
