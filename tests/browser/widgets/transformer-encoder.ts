/** Chapter 10 (the Transformer encoder): positional encoding, the layer step-through, the cost chart. */
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

const PATH = "/chapters/transformer-encoder/";

test.skip(!site.written.includes("transformer-encoder"), "chapter transformer-encoder is not built");

test("transformer-encoder: PE similarity peaks at p, step through the layer, cost crossover, URL", async ({
  page,
}) => {
  // A corrupted link value for the cost widget: reported by its frame, the default n used.
  await visit(page, `${PATH}?layer-cost.n=abc`);
  const costAlert = page.locator('[data-widget="transformer-encoder/layer-cost"] [role="alert"]').first();
  await waitFor(async () => (await costAlert.count()) > 0, "cost: no message for the bad link");
  const costText = await textOf(costAlert);
  check(/"n"/.test(costText) && /abc/.test(costText), `cost: bad link reported: "${costText}"`);
  const pe = page.locator('[data-widget="transformer-encoder/positional-encoding"]');
  // PE(p)·PE(p) = d/2 = 16 for d = 32.
  const sims = await pe.locator('[data-table="pe-sim"] tbody td').allTextContents();
  check(sims.length === 24, `24 similarities, got ${sims.length}`);
  check(Number(sims[8]) === 16, `PE(8)·PE(8) = d/2 = 16, got ${sims[8]}`);
  check(
    sims.every((s) => Number(s) <= 16),
    "the reference position is the most similar",
  );
  const dSlider = pe.getByLabel("Dimensions d");
  await dSlider.focus();
  await dSlider.press("ArrowLeft"); // 32 → 30
  await waitFor(
    async () => (await pe.locator('[data-table="pe-sim"] tbody td').nth(8).textContent()) === "15",
    "d/2 = 15",
  );

  const enc = page.locator('[data-widget="transformer-encoder/encoder-step"]');
  const next = enc.getByRole("button", { name: "Next stage →" });
  for (let i = 0; i < 4; i++) await next.click();
  await waitFor(async () => (await enc.locator(".enc-stage").getAttribute("data-stage")) === "4", "stage 5");
  const rows = await enc
    .locator('[data-table="stage"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
    );
  for (const r of rows) {
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    check(Math.abs(mean) < 0.01, `layer norm row mean ${mean}`);
  }
  await enc.getByRole("combobox", { name: "Stage" }).selectOption("6");
  await waitFor(async () => (await textOf(enc.locator("caption"))).includes("exactly 0"), "ReLU note");
  const hidden = await enc.locator('[data-table="stage"] tbody td').allTextContents();
  check(
    hidden.every((h) => Number(h) >= 0),
    "ReLU output is non-negative",
  );
  await typeInto(enc.getByLabel("Words (2–6)"), "x");
  await waitFor(
    async () => (await textOf(enc.locator("#enc-error"))).includes("2 to 6 words"),
    "bad input message",
  );
  check((await enc.locator('[data-table="stage"] tbody tr').count()) === 3, "last valid input kept");

  const cost = page.locator('[data-widget="transformer-encoder/layer-cost"]');
  const out = cost.locator('[data-output="cost"]');
  check((await textOf(out)).includes("Self-attention is cheaper"), "n = 100 < d = 512 (the default n)");
  await cost.getByLabel("Sequence length n").fill("1000");
  await waitFor(async () => (await textOf(out)).includes("Recurrence is cheaper"), "n = 1000 > d");
  await cost.getByLabel("Sequence length n").fill("512");
  await waitFor(async () => (await textOf(out)).includes("Both cost the same"), "n = d");
  await waitFor(() => page.url().includes("layer-cost.n=512"), "n in the URL");
  await visit(page, page.url());
  await waitFor(
    async () =>
      (
        await textOf(page.locator('[data-widget="transformer-encoder/layer-cost"] [data-output="cost"]'))
      ).includes("Both cost the same"),
    "state restored from the URL",
  );
});

test("transformer-encoder: the PE equation at the chosen pair and position, and the notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="transformer-encoder/positional-encoding"]');
  check((await equationTex(w)).includes("\\mathrm{PE}(8, 6)"), "pair i = 3 at p = 8 first");
  const pair = w.getByLabel("Dimension pair in the equation");
  await pair.focus();
  await page.keyboard.press("ArrowDown"); // i = 4: dimensions 8 and 9
  const p = w.getByLabel("Reference position p");
  await p.focus();
  await page.keyboard.press("ArrowRight"); // p = 9
  const tex = await waitForEquation(w, (t) => t.includes("\\mathrm{PE}(9, 8)"), "PE(9, 8)");
  // Independently: ω₄ = 1/10000^(8/32) = 0.1, so PE(9, 8) = sin 0.9 and PE(9, 9) = cos 0.9.
  const omega = 1 / 10000 ** (8 / 32);
  const sinLine = texLine(tex, "\\mathrm{PE}(9, 8)");
  const cosLine = texLine(tex, "\\mathrm{PE}(9, 9)");
  const shownSin = texPart(sinLine, 3)[0];
  const shownCos = texPart(cosLine, 2)[0];
  check(Math.abs(texPart(texLine(tex, "\\omega_{4}"), 2)[0] - omega) < 1e-4, `ω₄ = 0.1: ${tex}`);
  check(Math.abs(shownSin - Math.sin(9 * omega)) < 6e-4, `PE(9, 8) = sin 0.9 = ${Math.sin(0.9)}: ${sinLine}`);
  check(Math.abs(shownCos - Math.cos(9 * omega)) < 6e-4, `PE(9, 9) = cos 0.9 = ${Math.cos(0.9)}: ${cosLine}`);

  const nb = await openInNotebook(page, w, 9);
  // Cells: n, d, p, pair, PE, sim, omega, codes (8), fromPE (9).
  check(near(await cellNumbers(nb, 8), [Math.sin(0.9), Math.cos(0.9)], 1e-4), "codes = [sin 0.9, cos 0.9]");
  check(near(await cellNumbers(nb, 9), [Math.sin(0.9), Math.cos(0.9)], 1e-4), "the same two entries of PE");
});

test("transformer-encoder: the encoder equation for a stage and token, and the notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="transformer-encoder/encoder-step"]');
  check((await equationTex(w)).includes("x_{1} &= \\mathrm{emb}_{1}"), "stage 1, token 1 first");
  const next = w.getByRole("button", { name: "Next stage →" });
  await next.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("Enter"); // stage 5: layer norm 1
  const token = w.getByLabel("Token in the equation");
  await token.focus();
  await page.keyboard.press("ArrowDown"); // token 2, "love"
  await waitFor(
    () => page.url().includes("encoder-step.step=4") && page.url().includes("encoder-step.row=1"),
    "stage and token in the URL",
  );
  const tex = await waitForEquation(w, (t) => t.includes("x_{1,2} &="), "layer norm 1 of token 2");
  // Independently: the mean and variance of the printed r₂, and (r₂ − mean)/√(var + 1e-5).
  const stats = texLine(tex, "\\bar x &=");
  const r = texPart(stats, 2);
  const mean = r.reduce((a, b) => a + b, 0) / r.length;
  const variance = r.reduce((a, b) => a + (b - mean) ** 2, 0) / r.length;
  const [shownMean, shownVar] = [texPart(stats, 0)[0], texPart(stats, 1)[0]];
  check(
    Math.abs(shownMean - mean) < 1e-3 && Math.abs(shownVar - variance) < 2e-3,
    `mean and variance: ${stats}`,
  );
  const y = texPart(texLine(tex, "x_{1,2} &="), 1);
  const want = r.map((x) => (x - mean) / Math.sqrt(variance + 1e-5));
  check(near(y, want, 2e-3), `LN(r₂) ${y} against ${want}`);
  const row = await w
    .locator('[data-table="stage"] tbody tr')
    .nth(1)
    .evaluate((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent)));
  check(near(row, y, 0), `the table's row 2 ${row} is the equation's ${y}`);
  check(tex.includes("\\gamma_{\\text{LN}} = 1"), "the equation says γ = 1, β = 0");

  const nb = await openInNotebook(page, w, 22);
  // Cells: E, n, X, Win, Wq, Wk, Wv, Wo, Q, K, A1, A2, M, R1, X1 (15), …
  const X1 = await cellNumbers(nb, 15);
  check(near(X1.slice(4, 8), y, 1e-3), `the notebook's X1 row 2 ${X1.slice(4, 8)} against ${y}`);
});

test("transformer-encoder: the cost equation at the reader's n and d, and the notebook", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="transformer-encoder/layer-cost"]');
  const n = w.getByLabel("Sequence length n");
  await n.focus();
  await page.keyboard.press("ArrowRight"); // n = 101
  const tex = await waitForEquation(w, (t) => t.includes("101^2"), "n = 101");
  // 101² · 512 = 5,222,912 and 101 · 512² = 26,476,544: 5.22 × 10⁶ and 2.65 × 10⁷.
  check(tex.includes("= 5.22 \\times 10^{6}"), `n²d: ${tex}`);
  check(tex.includes("= 2.65 \\times 10^{7}"), `nd²: ${tex}`);
  check(tex.includes(`= ${Number((101 / 512).toPrecision(4))} < 1`), `n/d: ${tex}`);
  const nb = await openInNotebook(page, w, 7);
  check((await cellNumbers(nb, 3))[0] === 101 ** 2 * 512, "selfAttention = 5222912");
  check((await cellNumbers(nb, 4))[0] === 101 * 512 ** 2, "recurrent = 26476544");
});
