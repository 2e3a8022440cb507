/**
 * Chapter 6, "Stacking and plugging in": the hierarchical-attention and pooling widgets used as
 * a reader would. The checks are properties the chapter promises (weights follow the chosen aspect,
 * κ = 0 gives uniform weights, max pooling is the column maximum), read off the page.
 */
import type { Locator, Page } from "@playwright/test";
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

const PATH = "/chapters/stacking-attention/";
const HAN = '[data-widget="stacking-attention/hierarchical"]';
const POOL = '[data-widget="stacking-attention/pooling"]';

const sentenceWeights = async (w: Locator) =>
  (await w.locator('[data-value^="sentence-"]').allTextContents()).map(Number);
const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));

/** The page's scrolling width and the window's, in CSS pixels. */
const widths = (page: Page) =>
  page.evaluate(() => ({
    page: document.scrollingElement!.scrollWidth,
    window: document.documentElement.clientWidth,
  }));

/** At a phone's width: no wider than the window. */
async function fitsPhone(page: Page, what: string): Promise<void> {
  const m = await widths(page);
  check(m.page <= m.window, `${what}: the page is ${m.page} px wide in a ${m.window} px window`);
}

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
    () => page.url().includes("hierarchical.kappa=0") && page.url().includes("hierarchical.aspect=price"),
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

  // At a phone's width: words as long as the field takes wrap inside their box, and past the field's
  // limits a short message comes instead (24,005 characters once made the page 1,006,491 px wide).
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  const doc = w.locator("#han-doc");
  const error = w.locator("#han-doc-error");
  await doc.fill(`The ${"a".repeat(20)} was ${"b".repeat(20)}. The waiter was rude.`);
  await waitFor(async () => (await sentenceWeights(w)).length === 2, "two sentences with 20-letter words");
  await fitsPhone(page, "20-letter words");
  const link = page.url();
  await doc.fill(`${"a".repeat(12_000)} was ${"b".repeat(12_000)}`);
  await waitFor(
    async () =>
      (await textOf(error)) ===
      "The document is longer than 350 characters (it has 24,005). The last valid result is still shown.",
    "over-long message",
  );
  check((await doc.inputValue()).length === 24_005, "the typed value is kept");
  check(page.url() === link, `the link keeps the last good document: ${page.url().length} characters`);
  check((await sentenceWeights(w)).length === 2, "the last good result stays");
  await fitsPhone(page, "24,005 characters");
  await doc.fill(`The ${"c".repeat(21)} was good.`);
  await waitFor(
    async () => (await textOf(error)).includes("has a word of 21 characters"),
    "long-word message",
  );
  await fitsPhone(page, "a 21-letter word");
  await page.setViewportSize(size);
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

  // At a phone's width: 20-letter words wrap in their boxes; two 50,000-letter words (once 539,869 px
  // wide) get a short message.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  const text = w.locator("#pool-text");
  const error = w.locator("#pool-text-error");
  await text.fill(`the ${"s".repeat(20)} was ${"w".repeat(20)} and cheap`);
  await waitFor(async () => (await w.locator(".pool-word").count()) === 6, "six words, two of 20 letters");
  await fitsPhone(page, "20-letter words");
  await text.fill(`${"a".repeat(50_000)} ${"b".repeat(50_000)}`);
  await waitFor(
    async () =>
      (await textOf(error)) ===
      "The sentence is longer than 150 characters (it has 100,001). The last valid result is still shown.",
    "over-long message",
  );
  check(
    !page.url().includes("aaaaa"),
    `the link keeps the last good sentence: ${page.url().length} characters`,
  );
  await fitsPhone(page, "two 50,000-letter words");
  await page.setViewportSize(size);
});

const tanhOf = (k: number, xs: number[]) => xs.map((x) => k * Math.tanh(x));
const softmax = (xs: number[]) => {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
};

test("stacking-attention: the hierarchical equation follows the chosen sentence and κ, and opens in the notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(HAN);
  const first = await equationTex(w);
  check(
    first.includes("\\alpha_{1}") && first.includes("are } 0"),
    `sentence 1 first, zero entries named: ${first}`,
  );
  const select = w.getByLabel("Sentence in the equation");
  await select.focus();
  await page.keyboard.press("ArrowDown");
  await waitFor(() => page.url().includes("hierarchical.sent=1"), "sentence 2 chosen from the keyboard");
  await w.locator("#han-kappa").focus();
  await page.keyboard.press("ArrowRight"); // κ = 4.5
  const tex = await waitForEquation(
    w,
    (t) => t.includes("\\alpha_{2}") && t.includes("4.5\\,\\tanh"),
    "sentence 2 at κ = 4.5",
  );
  // e_2 = κ tanh(h_2t,food), recomputed from the printed column; α_2 = softmax(e_2).
  const eLine = texLine(tex, "e_{2} &=");
  const [k, ...column] = texPart(eLine, 0);
  const scores = texPart(eLine, 1);
  check(k === 4.5 && near(tanhOf(k, column), scores, 2e-3), `e_2 = 4.5 tanh(h): ${eLine}`);
  const alpha = texPart(texLine(tex, "\\alpha_{2}"), 1);
  check(near(softmax(scores), alpha, 1e-3), `α_2 = softmax(e_2): ${alpha}`);
  const row = await textOf(w.locator('[data-table="han"] tbody tr').nth(1).locator("td").nth(1));
  const tableAlpha = (row.match(/-?\d+\.\d+/g) ?? []).map(Number);
  check(near(tableAlpha, alpha, 1e-9), `the table's word weights ${tableAlpha} are the equation's ${alpha}`);

  const nb = await openInNotebook(page, w, 17);
  // Cells: kappa, u, then X, alpha, s per sentence (alpha2 is cell 7), S, beta, v.
  check(near(await cellNumbers(nb, 7), alpha, 6e-4), "the notebook's alpha2 is the equation's α₂");
  check((await cellNumbers(nb, 1))[0] === 4.5, "κ = 4.5 carried over");
});

test("stacking-attention: the pooling equation follows the chosen word, and opens in the notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(POOL);
  const weights = async () => (await w.locator(".pool-word small").allTextContents()).map(Number);
  const select = w.getByLabel("Word in the equation");
  await select.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await waitFor(() => page.url().includes("pooling.word=3"), "word 4 chosen from the keyboard");
  const tex = await waitForEquation(w, (t) => t.includes("h_{4} &="), "word 4");
  // h_4 = λ h_3 + (1 − λ) x_4 with λ = 0.6, from the printed vectors (4 significant digits).
  const hLine = texLine(tex, "h_{4} &=");
  const nums = texPart(hLine, 1); // 0.6, h_3 (4), 0.4, x_4 (4)
  const h4 = texPart(hLine, 2);
  const want = [0, 1, 2, 3].map((c) => nums[0] * nums[1 + c] + nums[5] * nums[6 + c]);
  check(nums[0] === 0.6 && nums[5] === 0.4 && near(want, h4, 5e-4), `h_4 = 0.6 h_3 + 0.4 x_4: ${hLine}`);
  // e_4 = κ tanh(h_4,food) = 4 tanh(h_4[0]); α_4 is the weight printed under the word.
  const eLine = texLine(tex, "e_{4} &=");
  const [k, hFood] = texPart(eLine, 1);
  const e4 = texPart(eLine, 2)[0];
  check(k === 4 && hFood === h4[0] && Math.abs(4 * Math.tanh(hFood) - e4) < 2e-3, `e_4: ${eLine}`);
  const a4 = texPart(texLine(tex, "\\alpha_{4}"), 2)[0];
  const shown = await weights();
  check(a4 === shown[3], `α_4 = ${a4} is the weight under the 4th word`);

  const nb = await openInNotebook(page, w, 20);
  // Cells: X, lambda, kappa, n, t, L, H (7), hLast, hMean, u, alpha (11), c, then the convolution.
  const H = await cellNumbers(nb, 7);
  check(near(H.slice(12, 16), h4, 6e-4), `the notebook's H row 4 ${H.slice(12, 16)} is h_4 ${h4}`);
  const alphaCell = (await cellNumbers(nb, 11)).map((x) => Number(x.toFixed(2)));
  check(near(alphaCell, shown, 0.0100001), `the notebook's alpha ${alphaCell} is the widget's ${shown}`);
});
