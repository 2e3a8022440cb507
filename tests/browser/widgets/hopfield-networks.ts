/**
 * Chapter 15, "Hopfield networks": drawing with mouse and keyboard, storing, corrupting and recalling;
 * the live capacity curve; modern Hopfield softmax weights checked against an independent softmax.
 */
import { note, test, site } from "../fixtures";
import { axeViolations, check, savedDownload, textOf, visit, waitFor } from "../helpers";
import { cellNumbers, openInNotebook, waitForEquation } from "../liveEquation";
// The stored patterns T, I and a ring, from the widget's own source (one definition).
import { PRESETS } from "../../../src/widgets/hopfield-networks/patterns";

const PATH = "/chapters/hopfield-networks/";
const RECALL = '[data-widget="hopfield-networks/recall"]';

test.skip(!site.written.includes("hopfield-networks"), "chapter hopfield-networks is not built");

test.describe(() => {
  test.use({ contextOptions: { reducedMotion: "reduce" } });
  test("hopfield-networks: draw, store, recall, URL state", async ({ page }) => {
    await visit(page, PATH);
    const w = page.locator(RECALL);
    // Default: T recalled from 20% noise.
    await waitFor(
      async () => (await textOf(w.locator('[data-output="verdict"]'))).includes("stored pattern 1"),
      "T recalled",
    );
    // The weight matrix is a chart like the others: its summary, and its numbers saved as CSV (the
    // table, built when opened) are the Hebbian weights Σ_μ x_μ(i) x_μ(j) / 3 of the three stored
    // patterns, 100 × 100; its drawing saves as SVG (with the painted image) and PNG.
    const weights = w.locator('figure[data-chart-frame="weights"]');
    const summary = (await weights.locator("svg[data-chart]").getAttribute("aria-label")) ?? "";
    check(summary.includes("100×100 symmetric, zero diagonal"), `the weights' summary: ${summary}`);
    await w.locator(".widget-export summary").click();
    const save = (f: string) => w.getByRole("button", { name: `Hebbian weights wᵢⱼ: save as ${f}` });
    const csv = (await savedDownload(page, save("CSV"))).bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    check(csv.length === 101, `CSV: a header and 100 rows, got ${csv.length}`);
    let worst = 0;
    csv.slice(1).forEach((line, i) => {
      const cells = line.split(",").slice(1).map(Number);
      check(cells.length === 100, `CSV row ${i + 1} has 100 weights`);
      cells.forEach((cell, j) => {
        let s = 0;
        if (i !== j) for (const x of PRESETS) s += x[i] * x[j];
        worst = Math.max(worst, Math.abs(cell - s / 3));
      });
    });
    check(worst < 0.0006, `the CSV's weights are Σ x(i)x(j)/3 to three decimals (worst ${worst})`);
    const svg = (await savedDownload(page, save("SVG"))).bytes.toString("utf8");
    check(svg.includes("<image") && svg.includes("data:image/png"), "the SVG carries the painted weights");
    const png = (await savedDownload(page, save("PNG"))).bytes;
    check(png.subarray(1, 4).toString("latin1") === "PNG" && png.length > 2000, `PNG of ${png.length} bytes`);
    // Keyboard drawing: clear, focus first cell, toggle, move right, toggle.
    await w.getByRole("button", { name: "Clear drawing" }).click();
    await w.locator('[data-cell="0"]').focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await waitFor(
      async () => (await w.locator('[data-cell="11"]').getAttribute("aria-pressed")) === "true",
      "cell 11 toggled by keyboard",
    );
    // Mouse drag along row 5.
    const a = await w.locator('[data-cell="50"]').boundingBox();
    const b = await w.locator('[data-cell="55"]').boundingBox();
    await page.mouse.move(a!.x + 5, a!.y + 5);
    await page.mouse.down();
    await page.mouse.move(b!.x + 5, b!.y + 5, { steps: 8 });
    await page.mouse.up();
    await waitFor(
      async () => (await w.locator('[aria-pressed="true"]').count()) === 9,
      "3 keyboard + 6 dragged cells are on",
    );
    await w.getByRole("button", { name: "Store this pattern" }).click();
    await waitFor(async () => (await textOf(w)).includes("Stored patterns (4;"), "four patterns stored");
    await waitFor(
      () => (new URL(page.url()).searchParams.get("recall.patterns") ?? "").split(",").length === 4,
      "patterns in URL",
    );
    // Bad link values: reported by each widget's frame, above the widget, defaults used.
    await visit(page, `${PATH}?recall.noise=abc&capacity.neurons=abc`);
    check(
      (await textOf(page.locator(RECALL).locator('[role="alert"]').first())).includes("noise"),
      "bad link reported",
    );
    const cap = page.locator('[data-widget="hopfield-networks/capacity"]');
    const capAlert = cap.locator('[role="alert"]').first();
    await waitFor(async () => (await capAlert.count()) > 0, "capacity: no message for the bad link");
    const capText = await textOf(capAlert);
    check(/"neurons"/.test(capText) && /abc/.test(capText), `capacity: bad link reported: "${capText}"`);
    check(
      (await textOf(cap.locator('output[data-output="cap-neurons"]'))) === "N = 100",
      "capacity: the default N is used",
    );
    const v = await axeViolations(page);
    check(v.length === 0, v.join("\n"));
  });
});

test("hopfield-networks: capacity curve and modern Hopfield weights", async ({ page }) => {
  await visit(page, `${PATH}?capacity.neurons=40&capacity.trials=2&modern.logBeta=-1.5`);
  const cap = page.locator('[data-widget="hopfield-networks/capacity"]');
  await waitFor(
    async () => /^(\d+) of \1 loads/.test(await textOf(cap.locator('[data-output="progress"]'))),
    "capacity finished",
    20000,
  );
  const rows = await cap.locator('[data-table="capacity"] tbody tr').count();
  check(rows > 5, `capacity table has ${rows} rows`);
  const m = page.locator('[data-widget="hopfield-networks/modern"]');
  const label = (await m.locator('[data-chart="softmax"]').getAttribute("aria-label")) ?? "";
  const p = label
    .slice(label.lastIndexOf(": ") + 2)
    .split(", ")
    .map((s) => Number(s.split(" ")[1]));
  check(Math.abs(p.reduce((s, x) => s + x, 0) - 1) < 0.01, `softmax weights sum to 1: ${p}`);
  check(p[0] > p[1] && p[1] > p[2], `T > I > ring at β ≈ 0.03: ${p}`);
});

test("hopfield-networks: the capacity curve streams in from a worker; Cancel stops it, a change restarts it", async ({
  page,
}) => {
  // The largest setting: 15 loads, 20 trials each, on 200 neurons. The page opens one trial
  // short of it; once it is ready, the reader adds the 20th trial, which starts a new measurement.
  await visit(page, `${PATH}?capacity.neurons=200&capacity.trials=19`);
  const cap = page.locator('[data-widget="hopfield-networks/capacity"]');
  const progress = cap.locator('[data-output="progress"]');
  const rows = cap.locator('[data-table="capacity"] tbody tr');
  const trials = cap.getByLabel("Trials per point");
  await waitFor(async () => (await textOf(progress)).includes("of 15 loads"), "progress shown");
  // Cancel is pressed as soon as the first partial curve is drawn: an observer in the page sees it
  // in the same task that draws it, so how fast the worker runs does not matter.
  await cap.evaluate((root) => {
    (window as unknown as { cancelSeen: Promise<string> }).cancelSeen = new Promise<string>((resolve) => {
      const out = root.querySelector('[data-output="progress"]');
      const rows = () => root.querySelectorAll('[data-table="capacity"] tbody tr').length;
      const tryCancel = () => {
        // Only the measurement the reader starts below (20 trials), not the page's first one. The
        // slider's own output changes in the key's task, before the widget applies the change: until
        // its root is no longer pending, the progress is still the first measurement's.
        if (root.querySelector<HTMLInputElement>("#cap-trials")?.value !== "20") return;
        if (root.getAttribute("data-pending") === "true") return;
        const m = /^(\d+) of 15 loads measured$/.exec(out?.textContent?.trim() ?? "");
        if (!m || Number(m[1]) === 0 || Number(m[1]) === 15 || rows() !== Number(m[1])) return;
        const cancel = [...root.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Cancel");
        if (!cancel) return;
        observer.disconnect();
        const seen = `${m[1]} loads, ${rows()} rows`;
        cancel.click();
        resolve(seen);
      };
      const observer = new MutationObserver(tryCancel);
      observer.observe(root, { subtree: true, childList: true, characterData: true });
    });
  });
  await trials.focus();
  await page.keyboard.press("ArrowRight");
  const seen = await page.evaluate(() => (window as unknown as { cancelSeen: Promise<string> }).cancelSeen);
  note(`partial curve when Cancel was pressed: ${seen}`);
  await waitFor(async () => (await textOf(progress)).startsWith("Cancelled:"), "cancelled");
  const kept = Number(/Cancelled: (\d+) of 15/.exec(await textOf(progress))?.[1]);
  check(kept > 0 && kept < 15, `the loads measured before Cancel stay: ${await textOf(progress)}`);
  check((await rows.count()) === kept, "the table keeps the measured rows");
  check((await cap.getByRole("button", { name: "Cancel" }).count()) === 0, "Cancel is gone once stopped");
  check((await cap.getByRole("button", { name: "Measure again" }).count()) === 1, "Measure again offered");

  // A new setting measures again, to the end: one trial per load.
  await trials.focus();
  await page.keyboard.press("Home");
  await waitFor(
    async () => (await textOf(progress)) === "15 of 15 loads measured",
    "the whole curve for one trial per load",
    60_000,
  );
  check((await rows.count()) === 15, "15 rows once complete");
  await waitFor(() => page.url().includes("capacity.trials=1"), "trials in the URL");
});

/** A number as the equations print it, to 3 (or 4) significant digits. */
const sigN = (v: number, d = 3) => String(Number(v.toPrecision(d)));

test.describe(() => {
  test.use({ contextOptions: { reducedMotion: "reduce" } });
  test("hopfield-networks: the neuron's update equation follows the keyboard, and Open in notebook recomputes it", async ({
    page,
  }) => {
    await visit(page, PATH);
    const w = page.locator(RECALL);
    // No noise (Home on the slider): the run starts on the T and stays there.
    await w.locator("#hop-noise").focus();
    await page.keyboard.press("Home");
    await w.getByLabel("Neuron in the equation").focus();
    await page.keyboard.press("ArrowDown");
    // Neuron 46 (row 5, column 6), in the T's stem. P·h = Σ_{j≠i} Σ_μ x_μ(i) x_μ(j) T(j).
    const i = 45;
    const T = PRESETS[0];
    let total = 0;
    for (let j = 0; j < 100; j++) if (j !== i) for (const x of PRESETS) total += x[i] * x[j] * T[j];
    const tex = await waitForEquation(
      w,
      (t) => t.includes("h_{46}") && t.includes(`\\tfrac{${total}}{3} = ${sigN(total / 3, 4)}`),
      `neuron 46's field is ${total}/3`,
    );
    check(tex.includes("= +1") && tex.includes("\\text{stable}"), `the T's stem is stable: ${tex}`);

    // Cells: P, k, J, W, a comment, s, i, h, h_i (cell 9), s_next.
    const nb = await openInNotebook(page, w, 10);
    const h = await cellNumbers(nb, 9);
    check(h.length === 1 && Math.abs(h[0] - total / 3) < 1e-3, `notebook h_i = ${h}, expected ${total / 3}`);
  });

  test("hopfield-networks: the modern update's equation follows the keyboard, and Open in notebook recomputes it", async ({
    page,
  }) => {
    await visit(page, PATH);
    const w = page.locator('[data-widget="hopfield-networks/modern"]');
    await w.locator("#mhop-noise").focus();
    await page.keyboard.press("Home");
    await w.getByLabel("Pixel in the equation").focus();
    await page.keyboard.press("ArrowDown");
    // Query = the T, β = 0.1: scores Xᵀξ, weights softmax(0.1 · scores), pixel 2 = Σ p_μ x_μ(2).
    const scores = PRESETS.map((x) => x.reduce((a, v, k) => a + v * PRESETS[0][k], 0));
    const e = scores.map((s) => Math.exp(0.1 * (s - Math.max(...scores))));
    const p = e.map((x) => x / e.reduce((a, b) => a + b, 0));
    const xi2 = p.reduce((a, pm, m) => a + pm * PRESETS[m][1], 0);
    const tex = await waitForEquation(
      w,
      (t) => t.includes("\\xi_{1}(2)") && t.includes(`= [${scores.join(",\\ ")}]`),
      "pixel 2 of the first update, from the T",
    );
    for (const part of [`= [${p.map((x) => sigN(x)).join(",\\ ")}]`, `= ${sigN(xi2)}`])
      check(tex.includes(part), `the equation lacks “${part}”: ${tex}`);

    // Cells: Xt, X, beta, xi_0, p_1 (cell 5), xi_1, j, xi_j (cell 8).
    const nb = await openInNotebook(page, w, 8);
    const pNb = await cellNumbers(nb, 5);
    check(pNb.length === 3 && pNb.every((x, m) => Math.abs(x - p[m]) < 1e-4), `notebook p_1 = ${pNb}`);
    const xj = await cellNumbers(nb, 8);
    check(Math.abs(xj[0] - xi2) < 1e-4, `notebook xi_j = ${xj}, expected ${xi2}`);
  });
});

test("hopfield-networks: the capacity equation follows the keyboard, and Open in notebook carries the curve", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="hopfield-networks/capacity"]');
  await w.getByLabel("Load in the equation").focus();
  await page.keyboard.press("ArrowDown");
  // P = 16 of N = 100: load 0.16; N / (2 ln N) = 10.857 patterns; P against it 1.474.
  const cap = 100 / (2 * Math.log(100));
  const tex = await waitForEquation(w, (t) => t.includes("16 / 100 = 0.16"), "the load 16/100");
  check(tex.includes(`= ${sigN(cap)} \\text{ patterns}`) && tex.includes(`= ${sigN(16 / cap)}`), tex);
  await waitFor(
    async () => (await textOf(w.locator('[data-output="point"]'))).includes("recalled exactly"),
    "the load 0.16 is measured",
    60_000,
  );
  // Cells: N, P, load, capacity (cell 4), P / capacity, a comment, recalled.
  const nb = await openInNotebook(page, w, 7);
  const c = await cellNumbers(nb, 4);
  check(Math.abs(c[0] - cap) < 1e-3, `notebook capacity = ${c}, expected ${cap}`);
});
