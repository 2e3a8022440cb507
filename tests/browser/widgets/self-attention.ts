/** Chapter 8 (self-attention): the explorer and the worked example, used as a reader would. */
import { test, site } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";
import {
  cellNumbers,
  equationShows,
  near,
  openInNotebook,
  softmax,
  texLine,
  texNumbers,
} from "../liveEquation";

const PATH = "/chapters/self-attention/";

test.skip(!site.written.includes("self-attention"), "chapter self-attention is not built");

test("self-attention: worked example gives 14, 12 and 0.88 / 0.12, and reacts to d_k", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="self-attention/worked-example"]');
  const steps = w.locator('[data-output="worked"]');
  check((await textOf(steps)).includes("14 and 12"), `scaled scores: ${await textOf(steps)}`);
  check((await textOf(w.locator('[data-output="w1"]'))) === "0.8808", "α₁ should be 0.8808");
  check((await textOf(w.locator('[data-output="w2"]'))) === "0.1192", "α₂ should be 0.1192");
  await w.getByLabel("dₖ").selectOption("16");
  // 112/4 = 28 and 96/4 = 24: a gap of 4, so α₁ = 1/(1 + e^-4) = 0.9820.
  await waitFor(async () => (await textOf(w.locator('[data-output="w1"]'))) === "0.9820", "α₁ for d_k = 16");
  const s2 = w.getByLabel("q·k₂");
  await typeInto(s2, "abc");
  await waitFor(async () => await w.locator(".field-error").isVisible(), "a message for a bad score");
  check((await textOf(w.locator('[data-output="w1"]'))) === "0.9820", "the last good result stays");
  await typeInto(s2, "112");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="w1"]'))) === "0.5000",
    "equal scores give 0.5",
  );
});

test("self-attention: pick a token, shuffle (equivariance), causal mask, bad input, URL state", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="self-attention/explorer"]');
  // Choose "mat" (the last token) with the keyboard-accessible radio group.
  await w.getByRole("radio", { name: "mat" }).check();
  const arcs = w.locator("svg.sa-arcs");
  await waitFor(
    async () => ((await arcs.getAttribute("aria-label")) ?? "").includes("“mat”"),
    "arcs for mat",
  );
  // The arcs' label lists one weight per token; they sum to 1.
  const label = (await arcs.getAttribute("aria-label")) ?? "";
  const nums = [...label.matchAll(/ (\d\.\d\d)(?=,|$)/g)].map((m) => Number(m[1]));
  check(nums.length === 7, `7 weights in the arcs' label, got ${nums.length}: ${label}`);
  const sum = nums.reduce((a, b) => a + b, 0);
  check(Math.abs(sum - 1) < 0.04, `weights sum to ${sum}`);

  // Shuffle: outputs move with their tokens.
  await w.getByRole("button", { name: "Shuffle the words" }).click();
  const equi = w.locator('[data-output="equivariance"]');
  await waitFor(async () => (await textOf(equi)).includes("moved with its token"), "equivariance message");
  const rows = await w
    .locator('[data-table="equivariance"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  check(
    rows.some((r) => r[0] !== r[2]),
    "the shuffle moved at least one token",
  );
  for (const r of rows)
    check(r[1] === r[3], `a token's output changed under shuffling: ${JSON.stringify(r)}`);

  // The causal mask breaks equivariance: the message reports a non-zero difference.
  await w.getByLabel("Causal mask (hide later words)").check();
  await waitFor(
    async () => (await textOf(equi)).includes("do not just move"),
    "causal mask breaks equivariance",
  );
  await w.getByRole("button", { name: "Original order" }).click();
  // In the original order with the mask, the first token attends only to itself.
  await w.getByRole("radio", { name: "the" }).first().check();
  await waitFor(
    async () => ((await arcs.getAttribute("aria-label")) ?? "").includes("the 1.00, cat 0.00"),
    "first row is one-hot",
  );

  // Bad input: one word only; message shown, last good sentence kept.
  const field = w.getByLabel("Sentence (2–10 words, separated by spaces)");
  await typeInto(field, "alone");
  await waitFor(
    async () => (await textOf(w.locator("#sa-text-error"))).includes("at least two words"),
    "bad-input message",
  );
  check((await w.getByRole("radio").count()) === 7, "the last valid sentence stays");
  await typeInto(field, "dog bites man");
  await waitFor(async () => (await w.getByRole("radio").count()) === 3, "three tokens after typing");

  // URL round-trip: the state is in the query string and restores on reload.
  await w.getByLabel("Weight seed (Wq, Wk, Wv)").fill("42");
  await waitFor(() => page.url().includes("explorer.wseed=42"), "seed in the URL");
  const url = page.url();
  check(
    url.includes("explorer.causal=1") && url.includes("explorer.text=dog"),
    `URL holds the state: ${url}`,
  );
  const before = (await arcs.getAttribute("aria-label")) ?? "";
  await visit(page, url);
  const again = page.locator('[data-widget="self-attention/explorer"] svg.sa-arcs');
  await waitFor(async () => (await again.getAttribute("aria-label")) === before, "same weights after reload");
});

test("self-attention: the worked example's equation follows d_k; Open in notebook", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="self-attention/worked-example"]');
  await equationShows(w, ["\\frac{112}{\\sqrt{64}} = 14", "0.8808"], "default");
  const spread = await textOf(w.locator('[data-output="spread"] strong').first());
  // Keyboard: d_k from 64 to 256. 112/16 = 7 and 96/16 = 6, so α₁ = 1/(1 + e^-1).
  await w.getByLabel("dₖ").focus();
  await page.keyboard.press("ArrowDown");
  const a1 = 1 / (1 + Math.exp(-1));
  const tex = await equationShows(
    w,
    ["\\frac{112}{\\sqrt{256}} = 7", "= 6", a1.toFixed(4), (1 - a1).toFixed(4), "\\sqrt{256} = 16"],
    "d_k = 256",
  );
  // The measured spread of q·k (the widget's line under the bars) is the equation's last line.
  await waitFor(
    async () => (await textOf(w.locator('[data-output="spread"] strong').first())) !== spread,
    "spread at d_k = 256",
  );
  const measured = await textOf(w.locator('[data-output="spread"] strong').first());
  await equationShows(w, [`\\operatorname{std}(q \\cdot k) &= ${measured}`], "the measured spread");
  check(tex.includes("1000"), "the equation names the 1000 random pairs");
  await waitFor(() => page.url().includes("worked-example.dk=256"), "d_k in the URL");
  // Comment, d_k, s1, s2, q, K, raw, scaled, alpha, A.
  const nb = await openInNotebook(page, w, 10);
  check(near(await cellNumbers(nb, 7), [112, 96], 1e-9), "raw = q K'");
  check(near(await cellNumbers(nb, 8), [7, 6], 1e-9), "scaled");
  check(near(await cellNumbers(nb, 9), [a1, 1 - a1], 1e-5), "alpha");
  check(near(await cellNumbers(nb, 10), [a1, 1 - a1], 1e-5), "attentionWeights");
});

test("self-attention: the explorer's equation follows the token and the causal mask; Open in notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="self-attention/explorer"]');
  // Keyboard: from "cat" (token 2) to "sat" (token 3), then the causal mask.
  await w.getByRole("radio", { name: "cat" }).focus();
  await page.keyboard.press("ArrowRight");
  await w.getByLabel("Causal mask (hide later words)").focus();
  await page.keyboard.press("Space");
  const tex = await equationShows(w, ["q_{3}", "\\alpha_{3}", "-\\infty", "j > 3"], "token 3, causal");
  await waitFor(
    () => page.url().includes("explorer.token=2") && page.url().includes("explorer.causal=1"),
    "URL state",
  );
  const nb = await openInNotebook(page, w, 11);
  // X, Wq, Wk, Wv from the notebook; the row of token 3 recomputed here in plain JavaScript.
  const rows = (flat: number[], cols: number) =>
    Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
  const X = rows(await cellNumbers(nb, 1), 6);
  const [Wq, Wk, Wv] = [
    rows(await cellNumbers(nb, 2), 4),
    rows(await cellNumbers(nb, 3), 4),
    rows(await cellNumbers(nb, 4), 4),
  ];
  const mul = (A: number[][], B: number[][]) =>
    A.map((r) => B[0].map((_, c) => r.reduce((a, x, k) => a + x * B[k][c], 0)));
  const [Q, K, V] = [mul(X, Wq), mul(X, Wk), mul(X, Wv)];
  const i = 2;
  const s = K.slice(0, i + 1).map((k) => k.reduce((a, x, c) => a + x * Q[i][c], 0) / 2);
  const alpha = [...softmax(s), ...Array(X.length - i - 1).fill(0)];
  const h = V[0].map((_, c) => alpha.reduce((a, w, j) => a + w * V[j][c], 0));
  const shownAlpha = texNumbers(texLine(tex, "\\alpha_{3}"));
  check(near(shownAlpha, alpha, 0.005), `equation's weights ${shownAlpha} against ${alpha}`);
  const shownH = texNumbers(texLine(tex, "h_{3}")).slice(-4);
  check(
    near(shownH, h, 0.001 * Math.max(...h.map(Math.abs)) + 1e-4),
    `equation's output ${shownH} against ${h}`,
  );
  check(near(texNumbers(texLine(tex, "q_{3}")), Q[i], 0.001 * Math.max(...Q[i].map(Math.abs)) + 1e-4), "q_3");
  check(near((await cellNumbers(nb, 11)).slice(i * 4, i * 4 + 4), h, 1e-4), "H's row 3 in the notebook");
});
