/** Chapter 3 (score functions): the score explorer with a typed formula, and the √d experiment. */
import type { Locator, Page } from "@playwright/test";
import { test, site } from "../fixtures";
import { check, settled, textOf, typeInto, visit, waitFor, waitForWidgets } from "../helpers";
import { readWatch, startWatch } from "../responsive";
import { cellNumbers, equationShows, near, openInNotebook, softmax } from "../liveEquation";

const PATH = "/chapters/score-functions/";

/** Reload a URL and bring every widget into view (so each client:visible island hydrates). */
async function reopen(page: Page, url: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.goto(url, { waitUntil: "load" });
  for (const w of await page.locator("[data-widget]").all()) await w.scrollIntoViewIfNeeded();
  await waitForWidgets(page);
}

/** The cells of one row of a NumberTable (`data-table` name), by row header. */
async function rowCells(w: Locator, table: string, header: string): Promise<string[]> {
  const row = w
    .locator(`[data-table="${table}"] tbody tr`)
    .filter({ has: w.page().getByRole("rowheader", { name: header, exact: true }) });
  return row.locator("td").allTextContents();
}

test.skip(!site.written.includes("score-functions"), "chapter score-functions is not built");

test("score-functions: pick scores, edit q and K, type a formula, errors keep the last result, URL state", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="score-functions/score-explorer"]');
  const bars = w.locator('[data-chart="weights"]');
  // Default: the dot product puts 0.997 on k3 = 2q; cosine ties k2 = q and k3 at 0.290.
  check(((await bars.getAttribute("aria-label")) ?? "").includes("k3 0.997"), "dot: k3 gets 0.997");
  await w.getByRole("radio", { name: "Cosine" }).check();
  await waitFor(
    async () => ((await bars.getAttribute("aria-label")) ?? "").includes("k2 0.290, k3 0.290"),
    "cosine ties k2 and k3",
  );
  const compare = await rowCells(w, "compare", "Dot");
  check(compare[2] === "0.997", `compare table, dot row: ${compare.join(" ")}`);

  // Scaled dot of q = [1, 2, 3, 4] and k = [2, 0, 1, 1] is 9/2 = 4.5 (exercise 1).
  await w.getByRole("radio", { name: "Scaled dot" }).check();
  await typeInto(w.getByLabel("Query q (one row)"), "1 2 3 4");
  await typeInto(w.getByLabel("Keys K (one row per key)"), "2 0 1 1\n0 0 0 1");
  await waitFor(
    async () => (await rowCells(w, "scores", "score s")).join(" ") === "4.5 2",
    "scaled-dot scores 4.5 and 2",
  );

  // A bad entry: a message beside the field, the last good scores stay.
  await typeInto(w.getByLabel("Query q (one row)"), "1 2 x 4");
  await waitFor(
    async () => (await textOf(w.locator("#sf-q-error"))).includes('"x" is not a number'),
    "bad q message",
  );
  check((await rowCells(w, "scores", "score s")).join(" ") === "4.5 2", "last good scores kept");
  await typeInto(w.getByLabel("Query q (one row)"), "1 2 3 4");

  // Your formula: typeset as typed; −‖q − k‖² gives −18 and −23.
  await w.getByRole("radio", { name: "Your formula" }).check();
  const formula = w.getByLabel("Your score function s(q, k)");
  await typeInto(formula, "-norm(q - k)^2");
  await waitFor(
    async () => (await rowCells(w, "scores", "score s")).join(" ") === "-18 -23",
    "formula scores −18 and −23",
  );
  await waitFor(
    async () => (await w.locator('[data-output="formula-tex"] .katex').count()) > 0,
    "the formula is typeset",
  );

  // Errors in place: a syntax error and an unknown symbol; the weights stay.
  await typeInto(formula, "-norm(q - k)^2 +");
  await waitFor(
    async () => (await textOf(w.locator("#sf-formula-error"))).includes("Syntax error"),
    "syntax error shown",
  );
  check((await formula.getAttribute("aria-invalid")) === "true", "the field is marked invalid");
  check(
    (await rowCells(w, "scores", "score s")).join(" ") === "-18 -23",
    "last good result kept after a syntax error",
  );
  await typeInto(formula, "x * k");
  await waitFor(
    async () => (await textOf(w.locator("#sf-formula-error"))).includes('unknown symbol "x"'),
    "unknown symbol shown",
  );
  await typeInto(formula, "q");
  await waitFor(
    async () => (await textOf(w.locator("#sf-formula-error"))).includes("must give a number"),
    "vector result rejected",
  );
  await typeInto(formula, "dot(q, k) / 0.5");
  await waitFor(
    async () => (await rowCells(w, "scores", "score s")).join(" ") === "18 8",
    "dot/0.5 gives 18 and 8",
  );
  check((await textOf(w.locator("#sf-formula-error"))) === "", "the error clears");

  // URL round trip.
  await waitFor(() => page.url().includes("score-explorer.kind=formula"), "kind in the URL");
  const url = page.url();
  check(
    url.includes("score-explorer.formula=") && url.includes("score-explorer.q="),
    `URL holds the formula and q: ${url}`,
  );
  await reopen(page, url);
  const again = page.locator('[data-widget="score-functions/score-explorer"]');
  await waitFor(
    async () => (await rowCells(again, "scores", "score s")).join(" ") === "18 8",
    "same scores after reload",
  );
  check(
    (await again.getByLabel("Your score function s(q, k)").inputValue()) === "dot(q, k) / 0.5",
    "formula restored",
  );
});

test("score-functions: √d widget measures spread ≈ √d and saturation, reacts to d, n and seed", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="score-functions/sqrt-d"]');
  const table = w.locator('[data-table="scale"] tbody tr');
  // The table sits in a closed <details>: read it from the DOM.
  const row = async (d: number) =>
    (
      await table.evaluateAll(
        (trs, dd) =>
          [
            ...(trs
              .find((tr) => tr.querySelector("th")?.textContent === String(dd))
              ?.querySelectorAll("td") ?? []),
          ].map((td) => td.textContent ?? ""),
        d,
      )
    ).map(Number);
  // Columns: √d, std, std scaled, max, max scaled, entropy, entropy scaled.
  const r256 = await row(256);
  check(Math.abs(r256[1] / 16 - 1) < 0.15, `std at d = 256 is ${r256[1]}, expected about 16`);
  check(Math.abs(r256[2] - 1) < 0.15, `scaled std at d = 256 is ${r256[2]}`);
  const r1024 = await row(1024);
  check(r1024[3] > 0.85 && r1024[4] < 0.4, `saturation at d = 1024: max ${r1024[3]} raw, ${r1024[4]} scaled`);
  const r1 = await row(1);
  check(r1[3] === r1[4], "at d = 1 scaling changes nothing");

  // Keyboard on the slider: Home → d = 1, End → d = 1024.
  const slider = w.getByLabel("Dimension d");
  await slider.focus();
  await page.keyboard.press("Home");
  await waitFor(async () => (await textOf(w.locator('[data-output="d"]'))) === "d = 1", "d = 1");
  await page.keyboard.press("End");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="d"]'))) === "d = 1024" && (await settled(w)),
    "d = 1024",
  );
  const one = w.locator('[data-chart="one-query"]');
  const top = async () => Number(/k\d+ (\d\.\d+)/.exec((await one.getAttribute("aria-label")) ?? "")?.[1]);
  const rawTop = await top();
  await w.getByLabel("Divide the scores by √d").check();
  await waitFor(
    async () => ((await one.getAttribute("aria-label")) ?? "").includes("divided by √d"),
    "scaled view",
  );
  const scaledTop = await top();
  check(scaledTop < rawTop, `scaling spreads the weights: top ${rawTop} → ${scaledTop}`);

  // Fewer keys: re-measured; the uniform reference is 1/4.
  await w.getByLabel("Keys n").selectOption("4");
  await waitFor(
    async () => (await textOf(w.locator(".chart-legend").nth(1))).includes("uniform, 1/4"),
    "legend for n = 4",
    20_000,
  );
  // The curves for n = 4 stream in from the worker, one dimension at a time.
  await waitFor(
    async () => (await w.locator(".sd").getAttribute("data-busy")) === "false",
    "measured",
    20_000,
  );
  const r1n4 = await row(1);
  check(r1n4[3] > r1[3], `with 4 keys the largest weight at d = 1 is larger (${r1n4[3]} vs ${r1[3]})`);

  // Seed in the URL; the same numbers after reload.
  await w.getByLabel("Seed").fill("7");
  await waitFor(() => page.url().includes("sqrt-d.seed=7"), "seed in the URL");
  await waitFor(
    async () => (await w.locator(".sd").getAttribute("data-busy")) === "false",
    "measured",
    20_000,
  );
  const before = await table.allTextContents();
  await reopen(page, page.url());
  const w2 = page.locator('[data-widget="score-functions/sqrt-d"]');
  await waitFor(
    async () => (await w2.locator(".sd").getAttribute("data-busy")) === "false",
    "measured after reload",
    20_000,
  );
  await waitFor(
    async () =>
      JSON.stringify(await w2.locator('[data-table="scale"] tbody tr').allTextContents()) ===
      JSON.stringify(before),
    "same table after reload",
    20_000,
  );
});

test("score-functions: hostile formulas are stopped off the main thread with a clear message", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="score-functions/score-explorer"]');
  await w.getByRole("radio", { name: "Your formula" }).check();
  await typeInto(w.getByLabel("Query q (one row)"), "1 2 3 4");
  await typeInto(w.getByLabel("Keys K (one row per key)"), "2 0 1 1\n0 0 0 1");
  const formula = w.getByLabel("Your score function s(q, k)");
  await typeInto(formula, "dot(q, k)");
  await waitFor(async () => (await rowCells(w, "scores", "score s")).join(" ") === "9 4", "dot scores");
  // A trap for injected script (window.__injected). How long the main thread is blocked is
  // measured by `npm run bench:ui` (bench/notebookUi.ts), not here: a timed check fails on a loaded
  // machine. This test checks the behaviour: every formula gets its message and the last good
  // scores stay, and the field works again afterwards.
  await startWatch(page);
  for (const [expr, scores] of [
    ["dot(q, k) + 1", "10 5"],
    ["f(n) = n < 1 ? 0 : f(n-1) + f(n-1); f(12) + dot(q, k)", "9 4"],
  ]) {
    await formula.fill(expr);
    await waitFor(async () => (await rowCells(w, "scores", "score s")).join(" ") === scores, expr, 8000);
  }
  const cases: [string, RegExp][] = [
    ["f(n) = n < 1 ? 0 : f(n-1) + f(n-1); f(60)", /was stopped|too much work/],
    ["q[3e7] = 1; 1", /position would make a matrix of 30,000,001 entries/],
    ["q.resize([1e8]); 1", /Method calls such as q\.resize/],
    ["f(x) = f(x); f(1)", /calls itself more than 256 levels deep/],
    ['evaluate("1")', /evaluate\(\) is not available in formulas/],
    ["\"<img src=x onerror='window.__injected=true'>\"", /must give a number/],
    ["q$x + 1", /unknown symbol "q\$x"/],
  ];
  for (const [expr, message] of cases) {
    await formula.fill(expr);
    await waitFor(
      async () => message.test(await textOf(w.locator("#sf-formula-error"))),
      `message for ${expr}`,
      8000,
    );
    check(
      (await rowCells(w, "scores", "score s")).join(" ") === "9 4",
      `last good scores kept after ${expr}`,
    );
  }
  check(!(await readWatch(page)).injected, "no injected script ran");
  // A valid formula runs whether or not it can be typeset ($ in a name, a backslash in a string).
  await formula.fill('a$b = 2; s = "\\\\"; a$b * dot(q, k)');
  await waitFor(async () => (await rowCells(w, "scores", "score s")).join(" ") === "18 8", "works again");
  check((await textOf(w.locator("#sf-formula-error"))) === "", "no message for a valid formula");
});

test("score-functions: the score explorer's equation shows the selected key's numbers; Open in notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="score-functions/score-explorer"]');
  // Default: dot score of q = (2, 1, 0, 1) against k1 = (1, 0, 0, 0).
  const K = [
    [1, 0, 0, 0],
    [2, 1, 0, 1],
    [4, 2, 0, 2],
    [0, 0, 3, 0],
    [-1, 1, 1, -1],
  ];
  const q = [2, 1, 0, 1];
  const dots = K.map((k) => k.reduce((a, x, i) => a + x * q[i], 0));
  await equationShows(w, ["k_{1}", "= 2", softmax(dots)[0].toFixed(3)], "default");
  // Keyboard: the key select to k3, then Scaled dot.
  await w.getByLabel("Key in the equation").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await w.getByRole("radio", { name: "Scaled dot" }).focus();
  await page.keyboard.press("Space");
  const scaled = dots.map((x) => x / 2);
  const alpha = softmax(scaled);
  // q·k3 = 12, √4 = 2: s = 6.
  await equationShows(w, ["k_{3}", "\\frac{12}{\\sqrt{4}} = 6", alpha[2].toFixed(3)], "scaled dot, k3");
  await waitFor(
    () =>
      page.url().includes("score-explorer.key=2") && page.url().includes("score-explorer.kind=scaled_dot"),
    "URL state",
  );
  // q, K, d, k1…k5, s, alpha.
  const nb = await openInNotebook(page, w, 10);
  check(near(await cellNumbers(nb, 9), scaled, 1e-4), `s: ${await cellNumbers(nb, 9)}`);
  check(near(await cellNumbers(nb, 10), alpha, 1e-5), `alpha: ${await cellNumbers(nb, 10)}`);
});

test("score-functions: the √d equation follows d and the scaling; Open in notebook", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="score-functions/sqrt-d"]');
  const slider = w.getByLabel("Dimension d");
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await waitFor(async () => (await textOf(w.locator('[data-output="d"]'))) === "d = 128", "d = 128");
  await w.getByLabel("Divide the scores by √d").focus();
  await page.keyboard.press("Space");
  // The largest bar of the one-query chart is the sampled query's largest weight.
  const one = w.locator('[data-chart="one-query"]');
  await waitFor(
    async () => ((await one.getAttribute("aria-label")) ?? "").includes("divided by √d"),
    "scaled",
  );
  const top = Number(/k\d+ (\d\.\d+)/.exec((await one.getAttribute("aria-label")) ?? "")![1]);
  await equationShows(w, ["\\sqrt{128}", top.toFixed(3), "\\frac{1}{80}"], "d = 128, scaled");
  await waitFor(
    () => page.url().includes("sqrt-d.logd=7") && page.url().includes("sqrt-d.scaled=1"),
    "URL state",
  );
  // Comment, d, s, s_scaled, alpha, alpha_scaled, top, top_scaled, plogp, H, H_scaled.
  const nb = await openInNotebook(page, w, 11);
  check((await cellNumbers(nb, 2))[0] === 128, "d = 128");
  const s = await cellNumbers(nb, 3);
  check(s.length === 16, `16 scores, got ${s.length}`);
  // The softmax of the carried scores divided by √128, computed here, is what the widget shows.
  const alpha = softmax(s.map((x) => x / Math.sqrt(128)));
  // (The scores are read back to six digits, so the recomputed weights agree to about 1e-4.)
  check(near(await cellNumbers(nb, 6), alpha, 1e-4), `alpha_scaled: ${await cellNumbers(nb, 6)}`);
  const mx = Math.max(...alpha);
  check(Math.abs(mx - top) <= 0.0005, `largest weight ${mx} against the widget's ${top}`);
  check(Math.abs((await cellNumbers(nb, 8))[0] - mx) < 1e-5, "top_scaled");
});
