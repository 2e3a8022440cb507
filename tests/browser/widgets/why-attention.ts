/** Chapter 1 (why attention): the spotlight (drag, keys, sliders) and the measured bottleneck. */
import type { Locator, Page } from "@playwright/test";
import { test, site } from "../fixtures";
import { check, settled, textOf, visit, waitFor, waitForWidgets } from "../helpers";
import { cellNumbers, equationShows, near, openInNotebook, softmax } from "../liveEquation";

const PATH = "/chapters/why-attention/";
const SPOT = '[data-widget="why-attention/spotlight"]';
const BN = '[data-widget="why-attention/bottleneck"]';

async function reopen(page: Page, url: string, widget: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.goto(url, { waitUntil: "load" });
  await page.locator(widget).scrollIntoViewIfNeeded();
  await waitForWidgets(page);
}

/** The weights listed in the bars' accessible name, by item. */
async function weights(w: Locator): Promise<Record<string, number>> {
  const label = (await w.locator('[data-chart="spot-weights"]').getAttribute("aria-label")) ?? "";
  return Object.fromEntries(
    [...label.matchAll(/([a-zA-Z ]+?) (\d\.\d{3})(?:,|$)/g)].map((m) => [m[1].trim(), Number(m[2])]),
  );
}

/** The bottleneck table (inside a closed <details>): [L, single, attention, bound] per row. */
async function bnTable(w: Locator): Promise<number[][]> {
  return w
    .locator('[data-table="bottleneck"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => Number(c.textContent))));
}

test.skip(!site.written.includes("why-attention"), "chapter why-attention is not built");

test("why-attention: spotlight follows keys, sliders and drags; URL state; a bad link", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(SPOT);
  const status = w.locator(".spot-status");
  check((await textOf(status)).includes("Most weight: music"), `default: ${await textOf(status)}`);

  // Keyboard on the pad: Home → centre, uniform weights 1/8.
  const pad = w.getByRole("application");
  await pad.focus();
  await page.keyboard.press("Home");
  await waitFor(
    async () => Object.values(await weights(w)).every((v) => v === 0.125),
    "uniform at the centre",
  );
  check(
    (await textOf(w.locator('[data-output="readout"]'))).includes("(0.00, 0.00)"),
    "read-out at the centre",
  );
  // Shift+ArrowUp twice: q = (0, 1) points at "a waiter" (90°).
  await page.keyboard.press("Shift+ArrowUp");
  await page.keyboard.press("Shift+ArrowUp");
  await waitFor(async () => (await textOf(status)).includes("Query at (0.00, 1.00)"), "moved up by 1");
  check((await textOf(status)).includes("Most weight: a waiter"), await textOf(status));
  const w1 = (await weights(w))["a waiter"];
  // e^2 / (e^2 + 2e^√2 + 2 + 2e^-√2 + e^-2) with keys of length 2.
  check(Math.abs(w1 - 0.405) < 0.002, `weight of a waiter at q = (0, 1): ${w1}`);

  // Sliders: direction 135° → your name; a longer query sharpens it.
  await w.getByLabel("Direction of q").fill("135");
  await waitFor(async () => (await textOf(status)).includes("Most weight: your name"), "direction 135°");
  const before = (await weights(w))["your name"];
  await w.getByLabel("Length of q (sharpness)").fill("3");
  await waitFor(async () => (await weights(w))["your name"] > before + 0.2, "longer query, sharper weights");

  // Drag: press on the pad and move straight down to the TV (270°).
  const svg = w.locator(".spot-pad svg");
  const box = (await svg.boundingBox())!;
  const cx = box.x + box.width * ((62 + 150) / 424);
  const cy = box.y + box.height * ((8 + 150) / 316);
  await page.mouse.move(cx, cy - 20);
  await page.mouse.down();
  await page.mouse.move(cx, cy + 60, { steps: 6 });
  await page.mouse.move(cx, cy + 110, { steps: 6 });
  await page.mouse.up();
  await waitFor(async () => (await textOf(status)).includes("Most weight: the TV"), "dragged down to the TV");

  // URL state round trip.
  await waitFor(
    () => page.url().includes("spotlight.qx=") && page.url().includes("spotlight.qy=-"),
    "query in the URL",
  );
  const text = await textOf(status);
  await reopen(page, page.url(), SPOT);
  await waitFor(
    async () => (await textOf(page.locator(`${SPOT} .spot-status`))) === text,
    "same state after reload",
  );

  // A corrupted link: reported, defaults used, still working.
  await reopen(page, `${PATH}?spotlight.qx=abc`, SPOT);
  const w3 = page.locator(SPOT);
  await waitFor(
    async () => (await textOf(w3.locator(".field-error"))).includes("is not a number"),
    "bad link reported",
  );
  check((await textOf(w3.locator(".spot-status"))).includes("Most weight: music"), "defaults used");
});

test("why-attention: the bottleneck is measured, reacts to L, the summary and d; URL state", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(BN);
  let rows = await bnTable(w);
  check(rows.length === 24, `24 lengths, got ${rows.length}`);
  check(rows[0][1] > 0.9 && rows[0][2] > 0.9, `L = 1: ${rows[0]}`);
  check(rows[23][1] < 0.15 && rows[23][2] > 0.85, `L = 24: single ${rows[23][1]}, attention ${rows[23][2]}`);
  check(
    rows.every((r) => Math.abs(r[3] - Math.min(1, 16 / (4 * r[0]))) < 1e-3),
    "bound column is d/(mL)",
  );
  for (const r of rows) check(r[1] <= r[3] + 0.05, `single stays under the bound at L = ${r[0]}`);

  // Look inside L = 24 with the keyboard: the first position is forgotten, the last kept.
  await w.getByLabel("Look inside length L").focus();
  await page.keyboard.press("End");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="length"]'))) === "L = 24" && (await settled(w)),
    "L = 24",
  );
  const label = (await w.locator('svg[data-chart="by-position"]').getAttribute("aria-label")) ?? "";
  const single = /Single vector: (.+?)\. Attention/.exec(label)![1].split(", ").map(Number);
  check(single.length === 24 && single[0] < 0.1 && single[23] > 0.8, `per-position R²: ${single.join(" ")}`);

  // The mean of the states instead of the last state: re-measured, and in the URL.
  await w.getByRole("combobox", { name: "Single vector" }).selectOption("mean");
  await waitFor(
    async () => (await w.locator(".bn").getAttribute("data-busy")) === "false",
    "measured",
    30_000,
  );
  await waitFor(async () => (await bnTable(w))[23][1] !== rows[23][1], "table changed", 30_000);
  rows = await bnTable(w);
  check(rows[23][2] > 0.85, "attention is unaffected by the summary");
  await waitFor(
    () => page.url().includes("bottleneck.summary=mean") && page.url().includes("bottleneck.length=24"),
    "URL state",
  );
  await reopen(page, page.url(), BN);
  const w2 = page.locator(BN);
  await waitFor(
    async () => (await w2.locator(".bn").getAttribute("data-busy")) === "false",
    "measured after reload",
    30_000,
  );
  await waitFor(
    async () => JSON.stringify(await bnTable(w2)) === JSON.stringify(rows),
    "same numbers after reload",
    30_000,
  );
});

/** Dot-product attention of q over the eight keys 2(cos jπ/4, sin jπ/4), in plain JavaScript. */
function spotlight(q: [number, number]) {
  const K = Array.from({ length: 8 }, (_, j) => [
    2 * Math.cos((j * Math.PI) / 4),
    2 * Math.sin((j * Math.PI) / 4),
  ]);
  const s = K.map((k) => k[0] * q[0] + k[1] * q[1]);
  const alpha = softmax(s);
  const r = [0, 1].map((c) => alpha.reduce((a, w, j) => a + w * K[j][c], 0));
  return { K, s, alpha, r };
}

test("why-attention: the spotlight's equation follows the query and the item; Open in notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(SPOT);
  // First paint (default q = (1.2, 0.9), item k2 music).
  let m = spotlight([1.2, 0.9]);
  await equationShows(w, ["s_{2}", m.s[1].toFixed(2), m.alpha[1].toFixed(3)], "default");
  // Keyboard: the pad moves q right by 0.1 (q = (1.3, 0.9)); the item select moves to k3 (a waiter).
  await w.getByRole("application").focus();
  await page.keyboard.press("ArrowRight");
  await w.getByLabel("Item in the equation").focus();
  await page.keyboard.press("ArrowDown");
  m = spotlight([1.3, 0.9]);
  await equationShows(
    w,
    [
      "s_{3}",
      "(1.30)(0.00) + (0.90)(2.00)",
      m.s[2].toFixed(2),
      m.alpha[2].toFixed(3),
      m.r[0].toFixed(2),
      m.r[1].toFixed(2),
    ],
    "q = (1.3, 0.9), item 3",
  );
  await waitFor(
    () => page.url().includes("spotlight.item=2") && page.url().includes("spotlight.qx=1.3"),
    "state in the URL",
  );
  // Open in notebook: q, K, s = Kq, alpha, r.
  const nb = await openInNotebook(page, w, 6);
  check(near(await cellNumbers(nb, 2), [1.3, 0.9], 0), "q");
  check(near(await cellNumbers(nb, 4), m.s, 1e-4), `s = Kq: ${await cellNumbers(nb, 4)}`);
  check(near(await cellNumbers(nb, 5), m.alpha, 1e-5), `alpha: ${await cellNumbers(nb, 5)}`);
  check(near(await cellNumbers(nb, 6), m.r, 1e-5), `r: ${await cellNumbers(nb, 6)}`);
});

test("why-attention: the bottleneck's equation follows L; Open in notebook", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(BN);
  const rows = await bnTable(w);
  const slider = w.getByLabel("Look inside length L");
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await waitFor(async () => (await textOf(w.locator('[data-output="length"]'))) === "L = 11", "L = 11");
  const [, single, attention] = rows[10];
  // β = 8 on the own position: e^8 / (e^8 + 10); the bound 16 / (4 · 11).
  const self = Math.exp(8) / (Math.exp(8) + 10);
  await equationShows(
    w,
    ["h_{11}", single.toFixed(3), attention.toFixed(3), (16 / 44).toFixed(3), "4 \\cdot 11", self.toFixed(3)],
    "L = 11",
  );
  await waitFor(() => page.url().includes("bottleneck.length=11"), "L in the URL");
  const nb = await openInNotebook(page, w, 12);
  check((await cellNumbers(nb, 2))[0] === 11, "L = 11");
  const mean = (await cellNumbers(nb, 7))[0];
  check(Math.abs(mean - single) <= 0.0005, `mean of R2_single ${mean}, table ${single}`);
  const perPosition = await cellNumbers(nb, 5);
  check(
    Math.abs(perPosition.reduce((a, b) => a + b, 0) / 11 - mean) < 1e-5,
    "single is the mean of the 11 per-position values",
  );
  check(near(await cellNumbers(nb, 9), [16 / 44], 1e-5), "bound");
  check(near(await cellNumbers(nb, 12), [self], 1e-5), "alpha_ii");
});
