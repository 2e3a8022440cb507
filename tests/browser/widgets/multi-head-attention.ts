/**
 * Chapter 9 (multi-head attention): change the head count, read the heads, the count and the URL;
 * train the induction-head Transformer, ask it about your letters and knock its heads out.
 */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { createInductionModel } from "../../../lib/models/induction";
import { expectStepsLikeNode } from "../fingerprint";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";
import { clippedAxisTitles } from "../layout";
import {
  cellNumbers,
  equationTex,
  near,
  openInNotebook,
  softmax,
  texLine,
  texNumbers,
  waitForEquation,
} from "../liveEquation";

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
  await waitFor(
    () => page.url().includes("heads.heads=1") && page.url().includes("heads.text=a+b+c+d"),
    "heads and sentence in the URL",
  );
  const url = page.url();
  await visit(page, url);
  const w2 = page.locator('[data-widget="multi-head-attention/heads"]');
  await waitFor(async () => (await w2.locator(".mh-head").count()) === 1, "one head after reload");
  const restored = await w2.getByLabel("Sentence (3–8 words)").inputValue();
  check(restored === "a b c d", `sentence restored: "${restored}" from ${url}`);
});

test("multi-head-attention: the equation of the chosen head and query, and the same weights in the notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="multi-head-attention/heads"]');
  check((await equationTex(w)).includes("q^{(1)}_{1}"), "head 1, query 1 first");
  const head = w.getByLabel("Head in the equation");
  await head.focus();
  await page.keyboard.press("ArrowDown"); // head 2: the "same word" rule, dimensions 3–4
  const query = w.getByLabel("Query in the equation");
  await query.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown"); // query 3, "sat"
  await waitFor(
    () => page.url().includes("heads.head=1") && page.url().includes("heads.query=2"),
    "head and query in the URL",
  );
  const tex = await waitForEquation(w, (t) => t.includes("q^{(2)}_{3}"), "head 2, query 3");
  // Independently: q₃ = β(cos θ, sin θ) at θ = 2π/8, k_j = (cos(πj/8), sin(πj/8)), score q·k/√2.
  const beta = 60;
  const theta = (2 * Math.PI) / 8;
  const scores = Array.from(
    { length: 6 },
    (_, j) => (beta * Math.cos(theta - (Math.PI * j) / 8)) / Math.SQRT2,
  );
  const m = Math.max(...scores);
  const e = scores.map((x) => Math.exp(x - m));
  const alpha = e.map((x) => x / e.reduce((a, b) => a + b, 0));
  const q = texNumbers(texLine(tex, "q^{(2)}_{3}").split(" = ")[1]);
  check(near(q, [beta * Math.cos(theta), beta * Math.sin(theta)], 0.01), `q = ${q}`);
  const s = texNumbers(texLine(tex, "s^{(2)}_{3j}").split(" = ")[1]);
  check(near(s, scores, 0.01), `scores ${s} against ${scores}`);
  const a = texNumbers(texLine(tex, "\\alpha^{(2)}_{3}").split(" = ")[1]);
  check(near(a, alpha, 0.005), `weights ${a} against ${alpha}`);
  check(tex.includes("no biases"), "the equation says there are no biases");

  const nb = await openInNotebook(page, w, 13);
  // Cells: X, Wq, Wk, Wv, Wo, h, Q, K, A1, A2 (cell 10), A3, A4, O.
  const A2 = await cellNumbers(nb, 10);
  check(near(A2.slice(12, 18), alpha, 1e-4), `the notebook's A2 row 3 ${A2.slice(12, 18)} against ${alpha}`);
});

const INDUCTION = '[data-widget="multi-head-attention/induction"]';

/** The weights of the head shown in the head view, from its table: one array per query. */
async function headTable(w: Locator): Promise<number[][]> {
  return w
    .locator('[data-table="head"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
    );
}

/**
 * How far the selected head's picture in the model view is from its weights table: the largest
 * difference (0–255) of any channel from the expected colour (keys after the query transparent),
 * which is the browser's own `color-mix(in oklab, var(--seq-hi) p%, var(--seq-lo))` at the
 * table's weight, the SVG charts' sequential palette, painted on a probe canvas. The table rounds
 * to 2 decimals: on this palette ±0.005 of weight moves a channel by up to 2 (computed over the
 * whole ramp in both themes), so up to about 3 is exact (the colour conversions round too).
 */
async function thumbError(w: Locator): Promise<number> {
  const table = await headTable(w);
  const percents = [...new Set(table.flat().map((a) => Math.round(a * 100)))];
  const drawn = await w
    .locator('.ind-head[aria-pressed="true"] canvas')
    .evaluate((c: HTMLCanvasElement, percents: number[]) => {
      const probe = document.createElement("canvas");
      probe.width = probe.height = 1;
      const pctx = probe.getContext("2d", { willReadFrequently: true })!;
      // The palette's ends as this canvas inherits them, mixed by the browser.
      const probeEl = document.createElement("span");
      c.parentElement!.append(probeEl);
      const expected: Record<number, number[]> = {};
      for (const p of percents) {
        probeEl.style.color = `color-mix(in oklab, var(--seq-hi) ${p}%, var(--seq-lo))`;
        pctx.clearRect(0, 0, 1, 1);
        pctx.fillStyle = getComputedStyle(probeEl).color;
        pctx.fillRect(0, 0, 1, 1);
        expected[p] = [...pctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
      }
      probeEl.remove();
      // Read through a copy, so the page's canvas is never read back (Chromium warns after a few).
      const copy = document.createElement("canvas");
      copy.width = c.width;
      copy.height = c.height;
      const ctx = copy.getContext("2d", { willReadFrequently: true })!;
      ctx.drawImage(c, 0, 0);
      return { n: c.width, pixels: [...ctx.getImageData(0, 0, c.width, c.height).data], expected };
    }, percents);
  check(drawn.n === table.length, `a ${drawn.n}×${drawn.n} picture for ${table.length} queries`);
  let worst = 0;
  table.forEach((row, i) =>
    row.forEach((a, j) => {
      const at = (i * drawn.n + j) * 4;
      if (j > i) worst = Math.max(worst, drawn.pixels[at + 3] === 0 ? 0 : 255);
      else {
        const want = drawn.expected[Math.round(a * 100)];
        for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(drawn.pixels[at + c] - want[c]));
      }
    }),
  );
  return worst;
}

/** The held-out accuracy (0..1) the knock-out line reports, or NaN while it measures. */
async function knockoutAccuracy(w: Locator): Promise<number> {
  const m = /knocked out: ([\d.]+) %/.exec(await textOf(w.locator('[data-output="knockout"]')));
  return m ? Number(m[1]) / 100 : NaN;
}

test("multi-head-attention: train the induction heads, pause, resume, your letters, knock heads out", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await visit(page, PATH);
  const w = page.locator(INDUCTION);
  const attr = async (name: string) => (await w.getAttribute(`data-${name}`)) ?? "";
  await waitFor(async () => (await attr("state")) === "idle", "an idle model after load", 30_000);
  check((await attr("step")) === "0", "no steps yet");
  const clipped = await clippedAxisTitles(w);
  check(clipped.length === 0, `axis titles cut by their chart: ${clipped.join(", ")}`);
  check((await w.locator(".ind-head").count()) === 4, "the model view shows 2 layers × 2 heads");

  // Determinism: seed 1, the worker's weights equal Node's to the bit.
  await expectStepsLikeNode(w, createInductionModel, 1, {}, 2);
  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => (await attr("state")) === "training", "training starts");
  check(
    (await textOf(w.locator('[data-output="sequence"]'))).includes("probe sequence"),
    "while training the figures follow the probe",
  );
  // The target: 95 % of the repeated half's next letters on held-out sequences (chance ≈ 4 %).
  await waitFor(async () => Number(await attr("accuracy")) >= 0.95, "held-out accuracy ≥ 95 %", 300_000);
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused");
  const pausedAt = Number(await attr("step"));
  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => Number(await attr("step")) > pausedAt, "training resumes");
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused again");
  const base = Number(await attr("accuracy"));

  // The reader's letters: a word of 8 distinct letters, twice. 7 of its next letters can be copied.
  const input = w.getByLabel("Your sequence (letters a–z)");
  await typeInto(input, "word3");
  await waitFor(
    async () => (await textOf(w.locator("#ind-input-msg"))).includes('"3" is not a letter'),
    "bad letter reported",
  );
  await typeInto(input, "wordplay wordplay");
  const seq = w.locator('[data-output="sequence"]');
  await waitFor(
    async () => (await textOf(seq)).startsWith("Your sequence wordplaywordplay"),
    "your sequence shown",
  );
  const right = Number(/: (\d+) of 7 next letters/.exec(await textOf(seq))?.[1]);
  check(right >= 6, `the trained model copies your letters: ${await textOf(seq)}`);

  // Layer 2's heads: each letter of the repeat looks at the letter after its first occurrence (i − 7).
  const inductionRows = async (label: string) => {
    await w.getByRole("button", { name: new RegExp(`^${label}\\b`) }).click();
    const rows = await headTable(w);
    return rows.slice(8, 15).filter((row, k) => row.indexOf(Math.max(...row)) === k + 1).length;
  };
  const rows1 = await inductionRows("L2 H1");
  const rows2 = await inductionRows("L2 H2");
  // The model view draws each head's weights: the selected one's picture is its table, in the
  // light theme's colours and, after the theme button, in the dark theme's.
  const light = await thumbError(w);
  check(light <= 3, `the head's picture differs from its table by up to ${light} of 255 (light)`);
  await page.getByRole("button", { name: "Toggle dark mode" }).first().click();
  await waitFor(async () => (await thumbError(w)) <= 3, "the head's picture redrawn in the dark theme");
  await page.getByRole("button", { name: "Toggle dark mode" }).first().click();
  const best = Math.max(rows1, rows2);
  check(best >= 6, `a layer-2 head attends to the letter after the earlier copy (${best} of 7 rows)`);

  // Knock out one layer-2 head, then both: the held-out accuracy falls, to near chance with both.
  await w.getByRole("checkbox", { name: "L2 H1" }).check();
  await waitFor(async () => Number.isFinite(await knockoutAccuracy(w)), "knock-out accuracy of L2 H1");
  const one = await knockoutAccuracy(w);
  await w.getByRole("checkbox", { name: "L2 H2" }).check();
  await waitFor(
    async () => (await textOf(w.locator('[data-output="knockout"]'))).includes("head 1 and layer 2, head 2"),
    "both layer-2 heads knocked out",
  );
  const both = await knockoutAccuracy(w);
  check(
    both < 0.3 && both < one && one <= base + 0.01,
    `accuracy ${base} → ${one} (one head) → ${both} (both)`,
  );
  check(
    (await w.locator(".ind-head-off").count()) === 2,
    "the knocked-out heads are marked in the model view",
  );
  await w.getByRole("checkbox", { name: "L2 H1" }).uncheck();
  await w.getByRole("checkbox", { name: "L2 H2" }).uncheck();
  await waitFor(
    async () => (await textOf(w.locator('[data-output="knockout"]'))) === "No head knocked out.",
    "heads back",
  );

  // The live equation of the better layer-2 head, chosen from the keyboard: query 6 (a row of 6
  // keys, written in full), then query 14 (the second "l": 14 keys, the 4 largest written out). Its
  // weights are the head table's, and they are the softmax of the scores written beside them.
  const H = rows1 >= rows2 ? 1 : 2;
  const sup = `^{(2,${H})}`;
  await w.getByLabel("Head in the equation").focus();
  if (H === 1) await page.keyboard.press("ArrowUp"); // layer 2, head 2 (clicked last) → head 1
  const query = w.getByLabel("Query in the equation");
  await query.focus();
  for (let k = 0; k < 7; k++) await page.keyboard.press("ArrowUp"); // 13 (the default) → 6
  await waitFor(() => page.url().includes("induction.query=6"), "the query in the URL");
  let tex = await waitForEquation(w, (t) => t.includes(`\\alpha${sup}_{6} &`), `layer 2, head ${H}, query 6`);
  const s6 = texNumbers(texLine(tex, `s${sup}_{6} &`).split("&= ")[1]);
  const a6 = texNumbers(texLine(tex, `\\alpha${sup}_{6} &`).split(" = ").at(-1) ?? "");
  let table = await headTable(w);
  check(near(a6, table[5].slice(0, 6), 0), `the weights are the table's row 6: ${a6} vs ${table[5]}`);
  check(near(softmax(s6), a6, 0.012), `α = softmax(s): ${a6} vs ${softmax(s6)} from ${s6}`);
  for (let k = 0; k < 8; k++) await page.keyboard.press("ArrowDown"); // 6 → 14
  tex = await waitForEquation(w, (t) => t.includes(`\\alpha${sup}_{14,j} &`), "query 14, a long row");
  table = await headTable(w);
  // The entries α_{14,j} = weight, largest first: the first on key 7, the "a" after the first "l".
  // Each entry names its layer and head: \alpha^{(2,H)}_{14,j} = weight.
  const entries =
    tex.split("\n").find((l) => l.trimStart().startsWith(`&\\phantom{=}\\ \\alpha${sup}_{14,`)) ?? "";
  const top = [...entries.matchAll(/\^\{\(2,\d\)\}_\{14,(\d+)\} = ([\d.]+)/g)].map((m) =>
    m.slice(1, 3).map(Number),
  );
  check(top.length === 4 && top[0][0] === 7, `4 largest weights, key 7 first: ${JSON.stringify(top)}`);
  for (const [j, a] of top)
    check(table[13][j - 1] === a, `α_{14,${j}} = ${a} is the table's ${table[13][j - 1]}`);

  // Open in notebook: the layer's input and the head's weights as numbers; A (3rd from the end) is
  // the head table, alpha (the last) is query 14's row.
  const nb = await openInNotebook(page, w, null);
  const last = await nb.locator("[data-cell]").count();
  const alpha = await cellNumbers(nb, last);
  check(near(alpha, table[13].slice(0, 14), 0.006), `the notebook's row 14: ${alpha}`);
  check(near(await cellNumbers(nb, last - 2), table.flat(), 0.006), "the notebook's A is the head table");
});
