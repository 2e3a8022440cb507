/**
 * Chapter 4, "Queries, keys and values": the QKV explorer and the exercises, used as a reader
 * would. Expected numbers are computed here, independently of lib/, with a few lines of math.
 */
import type { Locator, Page } from "@playwright/test";
import { test, site, origin } from "../fixtures";
import { check, textOf, typeInto, waitFor } from "../helpers";
import { checkTextInsideCharts } from "../svgBounds";

const CHAPTER = "/chapters/queries-keys-values/";
const WIDGET = '[data-widget="queries-keys-values/qkv-explorer"]';
const DEFAULT_Q = "2 0 0 0\n0 1 1 1";

/** Scaled dot-product attention, written out for the test: softmax(QKᵀ / (τ√d_k)) V. */
function attention(Q: number[][], K: number[][], V: number[][], tau = 1) {
  const dk = K[0].length;
  const weights = Q.map((q) => {
    const s = K.map((k) => k.reduce((acc, kj, j) => acc + kj * q[j], 0) / (tau * Math.sqrt(dk)));
    const top = Math.max(...s);
    const e = s.map((x) => Math.exp(x - top));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / sum);
  });
  const output = weights.map((w) => V[0].map((_, c) => w.reduce((acc, wj, j) => acc + wj * V[j][c], 0)));
  return { weights, output };
}
const K0 = [
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 1],
];
const V0 = [
  [1, 0],
  [0, 1],
  [0.5, 0.5],
];
/** Up to 4 significant digits, as the widget's tables print numbers. */
const sig = (v: number, digits = 4) =>
  Number.isInteger(v) ? String(v) : Number(v.toPrecision(digits)).toString();

interface View {
  heatmap: string[];
  output: string[][];
  equation: string;
}

/** What the widget shows: heatmap cell texts, the output table and the equation's TeX. */
async function read(root: Locator): Promise<View> {
  const heatmap = await root
    .locator('svg[data-chart="weights"] text.cell-value')
    .evaluateAll((ts) => ts.map((t) => (t.textContent ?? "").trim()).filter((s) => /^-?\d+\.\d+$/.test(s)));
  const output = await root
    .locator('[data-table="output"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())),
    );
  const eq = root.locator('.widget-equation annotation[encoding="application/x-tex"]');
  const equation =
    (await eq.count()) > 0
      ? ((await eq.first().textContent()) ?? "")
      : await textOf(root.locator(".widget-equation"));
  return { heatmap, output, equation };
}

async function expectView(
  root: Locator,
  expected: { weights: number[][]; output: number[][] },
  what: string,
) {
  const wantHeat = expected.weights.flat().map((v) => v.toFixed(2));
  const wantOut = expected.output.map((r) => r.map((v) => sig(v)));
  await waitFor(
    async () => {
      const v = await read(root);
      return (
        JSON.stringify(v.heatmap) === JSON.stringify(wantHeat) &&
        JSON.stringify(v.output) === JSON.stringify(wantOut)
      );
    },
    `${what}: expected heatmap ${wantHeat.join(" ")} and output ${JSON.stringify(wantOut)}, got ${JSON.stringify(await read(root))}`,
  );
}

/** Open the chapter (optionally with a query string), scroll to the widget and wait until it is live. */
async function openWidget(page: Page, query = ""): Promise<Locator> {
  const res = await page.goto(`${CHAPTER}${query}`);
  check(res?.status() === 200, `chapter page answered ${res?.status()}`);
  return liveWidget(page);
}

/** Scroll to the widget on the current page and wait until it is live. */
async function liveWidget(page: Page): Promise<Locator> {
  const root = page.locator(WIDGET);
  check((await root.count()) === 1, `no ${WIDGET} on the chapter page`);
  await root.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-ready="true"]`, { timeout: 15_000 });
  return root;
}

test.skip(!site.written.includes("queries-keys-values"), "chapter queries-keys-values is not built");

test("qkv: first paint shows precomputed weights and equation before hydration", async ({ page }) => {
  await page.goto(CHAPTER);
  const root = page.locator(WIDGET);
  check(
    (await root.getAttribute("data-ready")) === null,
    "the widget is ready before it was scrolled into view",
  );
  const expected = attention(
    [
      [2, 0, 0, 0],
      [0, 1, 1, 1],
    ],
    K0,
    V0,
  );
  const v = await read(root);
  check(
    JSON.stringify(v.heatmap) === JSON.stringify(expected.weights.flat().map((x) => x.toFixed(2))),
    `the precomputed heatmap shows ${v.heatmap.join(" ")}`,
  );
  check(
    /q_\{1\}/.test(v.equation) && v.equation.includes(sig(expected.weights[0][0], 3)),
    `precomputed equation: ${v.equation}`,
  );
  await root.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-ready="true"]`);
  await expectView(root, expected, "after hydration");
});

test("qkv: typing into Q changes the heatmap, the output and the equation", async ({ page }) => {
  const root = await openWidget(page, "");
  // Every chart label (the weights legend's "weight" among them) stays inside its SVG, on a phone
  // and on a desktop.
  await checkTextInsideCharts(page, [root]);
  const q = root.getByLabel("Queries Q");
  await typeInto(q, "4 0 0 0");
  const expected = attention([[4, 0, 0, 0]], K0, V0);
  await expectView(root, expected, 'Q = "4 0 0 0"');
  // Scores 4, 0, 0 over √4 = 2: weights e²/(e² + 2) ≈ 0.787 and 1/(e² + 2) ≈ 0.107.
  check(Math.abs(expected.weights[0][0] - 0.787) < 5e-4, "the test's own attention is wrong");
  await waitFor(
    async () => {
      const eq = (await read(root)).equation;
      return eq.includes("0.787") && eq.includes("0.107") && eq.includes(sig(expected.output[0][0], 3));
    },
    `the equation does not show weights 0.787/0.107: ${(await read(root)).equation}`,
  );
  const scores = await root.locator('[data-table="scores"] tbody td').allTextContents();
  check(JSON.stringify(scores) === '["4","0","0"]', `scores table shows ${scores.join(" ")}`);
  // Two queries again: the heatmap grows a row.
  await typeInto(q, "0 0 0 0\n1 1 1 1");
  await expectView(
    root,
    attention(
      [
        [0, 0, 0, 0],
        [1, 1, 1, 1],
      ],
      K0,
      V0,
    ),
    "two queries",
  );
  check(
    new URL(page.url()).searchParams.get("qkv-explorer.Q") === "0 0 0 0\n1 1 1 1",
    `URL does not carry Q: ${page.url()}`,
  );
});

test("qkv: the temperature slider sharpens and flattens the weights (keyboard)", async ({ page }) => {
  const root = await openWidget(page, "");
  const tau = root.locator("#qkv-tau");
  const tauText = root.locator('output[data-output="tau"]');
  await tau.focus();
  for (let i = 0; i < 10; i++) await tau.press("ArrowLeft");
  await waitFor(
    async () => (await textOf(tauText)) === "τ = 0.50",
    `τ after 10 × ArrowLeft: ${await textOf(tauText)}`,
  );
  const half = attention(
    [
      [2, 0, 0, 0],
      [0, 1, 1, 1],
    ],
    K0,
    V0,
    0.5,
  );
  await expectView(root, half, "τ = 0.5");
  // The key's own feedback is current in the frame that moves the thumb: the output and the
  // aria-valuetext, read in that frame's animation callback, already say τ = 0.55, while the widget
  // itself still renders after the paint (its root is pending).
  await tau.evaluate((el) => {
    const frame = new Promise((resolve) =>
      el.addEventListener(
        "input",
        () =>
          requestAnimationFrame(() =>
            resolve({
              valueText: el.getAttribute("aria-valuetext"),
              output: el.parentElement?.querySelector('output[data-output="tau"]')?.textContent,
              pending: el.closest<HTMLElement>("[data-widget]")?.dataset.pending,
            }),
          ),
        { once: true },
      ),
    );
    (window as unknown as { keyFrame: Promise<unknown> }).keyFrame = frame;
  });
  await tau.press("ArrowRight");
  const inFrame = await page.evaluate(() => (window as unknown as { keyFrame: Promise<unknown> }).keyFrame);
  check(
    JSON.stringify(inFrame) ===
      JSON.stringify({ valueText: "τ = 0.55", output: "τ = 0.55", pending: "true" }),
    `in the frame of ArrowRight the slider shows ${JSON.stringify(inFrame)}`,
  );
  await tau.press("Home");
  await waitFor(async () => (await textOf(tauText)) === "τ = 0.05", `τ after Home: ${await textOf(tauText)}`);
  const sharp = attention(
    [
      [2, 0, 0, 0],
      [0, 1, 1, 1],
    ],
    K0,
    V0,
    0.05,
  );
  await expectView(root, sharp, "τ = 0.05");
  check(sharp.weights[0][0] > 0.999 && half.weights[0][0] > 0.78, "the expected weights do not sharpen");
  const first = (await read(root)).heatmap[0];
  check(first === "1.00", `at τ = 0.05 q1's weight on k1 shows ${first}, not 1.00`);
  await tau.press("End");
  await waitFor(async () => (await textOf(tauText)) === "τ = 5.00", `τ after End: ${await textOf(tauText)}`);
  const flat = attention(
    [
      [2, 0, 0, 0],
      [0, 1, 1, 1],
    ],
    K0,
    V0,
    5,
  );
  await expectView(root, flat, "τ = 5");
  check(Math.max(...flat.weights[0]) < 0.4, "at τ = 5 the weights should be nearly uniform");
  await waitFor(() => new URL(page.url()).searchParams.get("qkv-explorer.tau") === "5", "τ in the URL");
  await waitFor(
    async () => (await read(root)).equation.includes("5\\cdot"),
    "the equation does not show τ = 5",
  );
});

test("qkv: choosing query row q2 changes the equation", async ({ page }) => {
  const root = await openWidget(page, "");
  const before = (await read(root)).equation;
  check(/q_\{1\}/.test(before), `default equation is not for q1: ${before}`);
  await root.getByLabel("Query row").selectOption({ label: "q2" });
  const w = attention(
    [
      [2, 0, 0, 0],
      [0, 1, 1, 1],
    ],
    K0,
    V0,
  );
  await waitFor(
    async () => {
      const eq = (await read(root)).equation;
      return (
        /q_\{2\}/.test(eq) && /\\alpha_\{2\}/.test(eq) && w.weights[1].every((x) => eq.includes(sig(x, 3)))
      );
    },
    `the equation for q2 should show ${w.weights[1].map((x) => sig(x, 3)).join(", ")}: ${(await read(root)).equation}`,
  );
  const label = await root.locator(".widget-equation").getAttribute("aria-label");
  check(label?.includes("query 2"), `equation label: ${label}`);
});

test('qkv: the "Worked example" preset gives weights 0.881 and 0.119', async ({ page }) => {
  const root = await openWidget(page, "");
  const preset = root.getByLabel("Preset");
  const option = await preset.locator("option", { hasText: "Worked example" }).getAttribute("value");
  await preset.selectOption(option!);
  await waitFor(
    async () => {
      const v = await read(root);
      return (
        v.equation.includes("0.881") &&
        v.equation.includes("0.119") &&
        JSON.stringify(v.heatmap) === '["0.88","0.12"]'
      );
    },
    `worked example not shown: ${JSON.stringify(await read(root))}`,
  );
  const scores = await root.locator('[data-table="scores"] tbody td').allTextContents();
  check(JSON.stringify(scores) === '["112","96"]', `worked example scores: ${scores.join(" ")}`);
  // 112/8 = 14 and 96/8 = 12: weights 1/(1 + e^-2) = 0.8808 and 0.1192, outputs the same.
  const out = (await read(root)).output;
  check(JSON.stringify(out) === '[["0.8808","0.1192"]]', `worked example output: ${JSON.stringify(out)}`);
  check((await read(root)).equation.includes("\\sqrt{64}"), "the equation does not show √64");
});

test("qkv: bad input gets a message beside the field and the last good result stays", async ({ page }) => {
  const root = await openWidget(page, "");
  const good = await read(root);
  const q = root.getByLabel("Queries Q");
  const qError = root.locator("#qkv-Q-error");
  const unchanged = async (what: string) => {
    const now = await read(root);
    check(
      JSON.stringify(now) === JSON.stringify(good),
      `${what}: the last good result did not stay on screen`,
    );
  };

  await typeInto(q, "");
  await waitFor(
    async () => /Q is empty/.test(await textOf(qError)),
    `empty Q: message "${await textOf(qError)}"`,
  );
  check((await q.getAttribute("aria-invalid")) === "true", "empty Q is not marked aria-invalid");
  await unchanged("empty Q");

  await typeInto(q, "1 x");
  await waitFor(
    async () => /"x" is not a number/.test(await textOf(qError)),
    `"1 x": message "${await textOf(qError)}"`,
  );
  await unchanged('"1 x"');

  await typeInto(q, DEFAULT_Q);
  await waitFor(
    async () => (await textOf(qError)) === "",
    `message stays after fixing Q: "${await textOf(qError)}"`,
  );
  check((await q.getAttribute("aria-invalid")) === "false", "fixed Q is still aria-invalid");

  await typeInto(root.getByLabel("Keys K"), "1 0\n0 1\n1 1");
  const computeError = root.locator('[data-error="compute"]');
  await waitFor(
    async () => (await computeError.count()) === 1,
    "K with 2 columns against Q with 4: no error shown",
  );
  const msg = await textOf(computeError);
  check(/2×4/.test(msg) && /3×2/.test(msg), `the shape error should name Q's 2×4 and K's 3×2: "${msg}"`);
  await unchanged("K with a different column count");

  await typeInto(root.getByLabel("Keys K"), "1 0 0 0\n0 1 0 0\n0 0 1 1");
  await typeInto(root.getByLabel("Values V"), "1 0\n0 1");
  await waitFor(
    async () => (await computeError.count()) === 1,
    "V with 2 rows against K with 3: no error shown",
  );
  const vMsg = await textOf(computeError);
  check(/3×4/.test(vMsg) && /2×2/.test(vMsg), `the shape error should name K's 3×4 and V's 2×2: "${vMsg}"`);
  await unchanged("V with a different row count");

  await typeInto(root.getByLabel("Values V"), "1 0\n0 1\n0.5 0.5");
  await waitFor(async () => (await computeError.count()) === 0, "the shape error stays after fixing V");
  await expectView(
    root,
    attention(
      [
        [2, 0, 0, 0],
        [0, 1, 1, 1],
      ],
      K0,
      V0,
    ),
    "after fixing everything",
  );
});

test("qkv: Reset restores the defaults and clears the URL", async ({ page }) => {
  const root = await openWidget(page, "");
  const defaults = await read(root);
  await typeInto(root.getByLabel("Queries Q"), "1 2 3 4");
  await root.locator("#qkv-tau").focus();
  await root.locator("#qkv-tau").press("Home");
  await waitFor(
    async () => JSON.stringify(await read(root)) !== JSON.stringify(defaults),
    "the edits changed nothing",
  );
  check(page.url().includes("qkv-explorer."), "edits are not in the URL");
  await root.getByRole("button", { name: "Reset" }).click();
  await waitFor(
    async () => JSON.stringify(await read(root)) === JSON.stringify(defaults),
    "Reset did not restore the output",
  );
  check((await root.getByLabel("Queries Q").inputValue()) === DEFAULT_Q, "Reset did not restore Q");
  check((await root.locator("#qkv-tau").inputValue()) === "1", "Reset did not restore τ");
  await waitFor(
    () => !page.url().includes("qkv-explorer."),
    `the URL still holds state after Reset: ${page.url()}`,
  );
});

test("qkv: state goes into the URL; reloading and copied links restore it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const root = await openWidget(page, "");
  await typeInto(root.getByLabel("Queries Q"), "1 0 0 0\n0 0 1 1");
  await root.locator("#qkv-tau").focus();
  for (let i = 0; i < 4; i++) await root.locator("#qkv-tau").press("ArrowLeft");
  await root.getByLabel("Query row").selectOption({ label: "q2" });
  const expected = attention(
    [
      [1, 0, 0, 0],
      [0, 0, 1, 1],
    ],
    K0,
    V0,
    0.8,
  );
  await expectView(root, expected, "edited state");
  await waitFor(() => {
    const params = new URL(page.url()).searchParams;
    return (
      params.get("qkv-explorer.Q") === "1 0 0 0\n0 0 1 1" &&
      params.get("qkv-explorer.tau") === "0.8" &&
      params.get("qkv-explorer.row") === "1"
    );
  }, "the edited state in the URL");
  const shown = await read(root);

  await page.reload();
  const again = await liveWidget(page);
  await waitFor(
    async () => JSON.stringify(await read(again)) === JSON.stringify(shown),
    `reload did not restore: ${JSON.stringify(await read(again))}`,
  );
  check(
    (await again.getByLabel("Queries Q").inputValue()) === "1 0 0 0\n0 0 1 1",
    "reload did not restore Q's text",
  );

  await again.getByRole("button", { name: "Copy link to this state" }).click();
  const status = again.locator(".widget-status");
  await waitFor(async () => (await textOf(status)) !== "", "copying the link gave no feedback");
  const copied = /copied/i.test(await textOf(status))
    ? await page.evaluate(() => navigator.clipboard.readText())
    : page.url();
  check(
    copied.includes("qkv-explorer.Q=") && copied.endsWith("#widget-queries-keys-values-qkv-explorer"),
    `copied link: ${copied}`,
  );
  const other = await context.newPage();
  const fresh = await openWidget(other, new URL(copied).search);
  await waitFor(
    async () => JSON.stringify(await read(fresh)) === JSON.stringify(shown),
    "the copied link does not reproduce the state",
  );
});

test("qkv: a corrupted URL value shows a clear message and the widget still works", async ({ page }) => {
  const root = await openWidget(page, "?qkv-explorer.tau=abc&qkv-explorer.row=9");
  const alert = root.locator('[role="alert"]').first();
  await waitFor(async () => (await alert.count()) > 0, "no message for the corrupted link");
  const text = await textOf(alert);
  check(/"tau"/.test(text) && /abc/.test(text) && /default/.test(text), `message for tau=abc: "${text}"`);
  check(/"row"/.test(text), `no message for row=9: "${text}"`);
  check(
    (await textOf(root.locator('output[data-output="tau"]'))) === "τ = 1.00",
    "τ did not fall back to its default",
  );
  await typeInto(root.getByLabel("Queries Q"), "4 0 0 0");
  await expectView(root, attention([[4, 0, 0, 0]], K0, V0), "after a corrupted link");
});

test("qkv: the Code tab shows highlighted lib source and works from the keyboard", async ({ page }) => {
  const root = await openWidget(page, "");
  const live = root.getByRole("tab", { name: "Widget" });
  const code = root.getByRole("tab", { name: "Code" });
  const codePanel = root.locator(".widget-code");
  check(await codePanel.isHidden(), "the code panel is visible before choosing the Code tab");
  await live.focus();
  await page.keyboard.press("ArrowRight");
  check((await code.getAttribute("aria-selected")) === "true", "ArrowRight did not select the Code tab");
  check(await code.evaluate((el) => el === document.activeElement), "focus did not move to the Code tab");
  check(await codePanel.isVisible(), "the code panel is hidden after selecting Code");
  check(await root.locator(".qkv").isHidden(), "the live panel stays visible on the Code tab");
  const source = await textOf(codePanel);
  check(
    /export function scaledDotProduct/.test(source),
    "the Code tab does not show scaledDotProduct's source",
  );
  // The Code tab lists exactly the functions the widget calls (tests/imports/codeTab.test.ts):
  // scaledDotProduct computes its own softmax, so softmax is not among them.
  check(!/export function softmax/.test(source), "the Code tab shows softmax, which the widget never calls");
  const colored = await codePanel.locator("pre.astro-code span[style]").count();
  check(colored > 20, `the code is not highlighted (${colored} styled spans)`);
  await page.keyboard.press("ArrowLeft");
  check((await live.getAttribute("aria-selected")) === "true", "ArrowLeft did not go back to the Widget tab");
  check(await root.locator(".qkv").isVisible(), "the live panel did not come back");
});

test("exercises: a wrong answer says not quite, a right one says Correct.", async ({ page }) => {
  await page.goto(CHAPTER);
  const numberEx = page.locator('[data-exercise="queries-keys-values/two-keys"]');
  const feedback = numberEx.locator(".exercise-feedback");
  await numberEx.getByLabel("Your answer").fill("0.5");
  await numberEx.getByRole("button", { name: "Check" }).click();
  check(/not quite/i.test(await textOf(feedback)), `wrong number: "${await textOf(feedback)}"`);
  // Scores 40 and 32 over √16 = 4: 1 / (1 + e^-2).
  await numberEx.getByLabel("Your answer").fill((1 / (1 + Math.exp(-2))).toFixed(4));
  await numberEx.getByLabel("Your answer").press("Enter");
  check((await textOf(feedback)) === "Correct.", `right number: "${await textOf(feedback)}"`);

  const choiceEx = page.locator('[data-exercise="queries-keys-values/k-equals-v"]');
  const choiceFeedback = choiceEx.locator(".exercise-feedback");
  await choiceEx.getByLabel(/hard attention/).check();
  await choiceEx.getByRole("button", { name: "Check" }).click();
  check(/not quite/i.test(await textOf(choiceFeedback)), `wrong choice: "${await textOf(choiceFeedback)}"`);
  await choiceEx.getByLabel(/plain soft attention/).check();
  await choiceEx.getByRole("button", { name: "Check" }).click();
  check((await textOf(choiceFeedback)) === "Correct.", `right choice: "${await textOf(choiceFeedback)}"`);

  const matrixEx = page.locator('[data-exercise="queries-keys-values/output-row"]');
  const matrixFeedback = matrixEx.locator(".exercise-feedback");
  await matrixEx.getByLabel(/Your answer/).fill("1 1");
  await matrixEx.getByRole("button", { name: "Check" }).click();
  check(/not quite/i.test(await textOf(matrixFeedback)), `wrong matrix: "${await textOf(matrixFeedback)}"`);
  const out = attention(
    [[0, 0]],
    [
      [1, 0],
      [0, 1],
    ],
    [
      [1, 2],
      [0, 1],
    ],
  ).output[0];
  await matrixEx.getByLabel(/Your answer/).fill(out.join(" "));
  await matrixEx.getByRole("button", { name: "Check" }).click();
  check((await textOf(matrixFeedback)) === "Correct.", `right matrix: "${await textOf(matrixFeedback)}"`);
});
