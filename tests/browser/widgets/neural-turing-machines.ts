/**
 * Chapter 14, "Neural Turing Machines": the addressing pipeline and the copy task used as a reader
 * would. Expected numbers are computed here independently of lib/ (cosine, softmax, shift, power).
 */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { axeViolations, check, textOf, typeInto, visit, waitFor } from "../helpers";
import { cellNumbers, openInNotebook, waitForEquation } from "../liveEquation";
import { checkTextInsideCharts } from "../svgBounds";

const PATH = "/chapters/neural-turing-machines/";
const ADDR = '[data-widget="neural-turing-machines/addressing"]';
const COPY = '[data-widget="neural-turing-machines/copy-task"]';

/** The values a bar chart lists in its aria-label ("…: 0 0.135, 1 0.135, …"). */
async function bars(w: Locator, name: string): Promise<number[]> {
  const label = (await w.locator(`[data-chart="${name}"]`).getAttribute("aria-label")) ?? "";
  return label
    .slice(label.lastIndexOf(": ") + 2)
    .split(", ")
    .map((p) => Number(p.split(" ")[1]));
}

const near = (a: number, b: number, tol = 0.002) => Math.abs(a - b) <= tol;
/** A number as the equation prints it, to 3 significant digits. */
const sig3 = (v: number) => String(Number(v.toPrecision(3)));

async function setRange(w: Locator, id: string, value: number) {
  await w.locator(`#${id}`).evaluate((el: HTMLInputElement, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

test.skip(!site.written.includes("neural-turing-machines"), "chapter neural-turing-machines is not built");

test("neural-turing-machines: addressing stages, read/write, bad input, URL state", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(ADDR);
  // Every chart label of both widgets (the bars' "weighting w", "write weighting", the colour
  // legends' titles) stays inside its SVG, on a phone and on a desktop.
  await checkTextInsideCharts(page, [w, page.locator(COPY)]);
  // Default: key 1 1 0 0, β = 5: cosines [.707,.707,0,1,0,.707] → softmax.
  const cos = [Math.SQRT1_2, Math.SQRT1_2, 0, 1, 0, Math.SQRT1_2];
  const z = cos.reduce((s, x) => s + Math.exp(5 * x), 0);
  const content = await bars(w, "content");
  cos.forEach((x, i) => check(near(content[i], Math.exp(5 * x) / z), `content[${i}] = ${content[i]}`));
  check(near((await bars(w, "sharpened"))[3], 0.787), "sharpened slot 3 should be 0.787");

  // Shift "Stay", γ = 1, β = 50 → one-hot on slot 3; the read equals slot 3 = [1, 1, 0, 0].
  await w.getByLabel("Shift s").selectOption("stay");
  await setRange(w, "ntm-gamma", 1);
  await setRange(w, "ntm-beta", 50);
  await waitFor(async () => (await bars(w, "sharpened"))[3] > 0.99, "β = 50 focuses on slot 3");
  const readText = await textOf(w.locator('[data-output="read"]'));
  const read = readText
    .slice(readText.indexOf("[") + 1, -1)
    .split(", ")
    .map(Number);
  check(
    read.every((v, j) => near(v, [1, 1, 0, 0][j], 0.001)),
    `read should be slot 3, got ${readText}`,
  );
  // Write with e = 1 1 1 1, a = 0 0 0 1 → slot 3 of the memory after becomes ≈ [0, 0, 0, 1].
  const after = await w.locator('[data-table="after"] tbody tr').nth(3).locator("td").allTextContents();
  check(
    after
      .slice(0, 4)
      .map(Number)
      .every((v, j) => near(v, [0, 0, 0, 1][j], 0.01)),
    `slot 3 after: ${after}`,
  );

  // g = 0, move forward: from previous focus slot 0 to slot 1, whatever the key.
  await setRange(w, "ntm-g", 0);
  await w.getByLabel("Shift s").selectOption("forward");
  await waitFor(async () => near((await bars(w, "sharpened"))[1], 1), "g = 0 and shift +1 moves slot 0 → 1");

  // Bad input: a key of the wrong length shows a message; the last result stays.
  await typeInto(w.locator("#ntm-key"), "1 2");
  await waitFor(
    async () => (await textOf(w.locator("#ntm-key-error"))).includes("needs 4"),
    "key length error",
  );
  check(near((await bars(w, "sharpened"))[1], 1), "last good result kept");
  await typeInto(w.locator("#ntm-key"), "0 0 1 1");

  // URL state round-trip.
  await waitFor(() => new URL(page.url()).searchParams.get("addressing.key") === "0 0 1 1", "key in the URL");
  await page.goto(page.url());
  await visit(page, page.url());
  check((await page.locator("#ntm-key").inputValue()) === "0 0 1 1", "key restored from the URL");
  check((await page.locator("#ntm-g").inputValue()) === "0", "g restored from the URL");
  const v = await axeViolations(page);
  check(v.length === 0, v.join("\n"));
});

test("neural-turing-machines: copy task step-through", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(COPY);
  const step = w.getByRole("button", { name: "Step ▶" });
  for (let i = 0; i < 8; i++) await step.click();
  await waitFor(async () => (await textOf(w.locator('[data-output="frame"]'))) === "8 / 8", "frame 8");
  const out = await w
    .locator('[data-table="output"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
    );
  check(
    JSON.stringify(out) ===
      JSON.stringify([
        [1, 0, 1, 0],
        [0, 1, 1, 0],
        [1, 1, 0, 1],
        [0, 0, 1, 1],
      ]),
    `output ${JSON.stringify(out)}`,
  );
  await w.getByRole("button", { name: "◀ Back" }).click();
  await waitFor(
    async () => (await textOf(w.locator('[data-output="caption"]'))).startsWith("Read step 3 of 4"),
    "Back goes to read step 3",
  );
  // Too few slots: a message, the last result kept.
  await typeInto(w.locator("#copy-slots"), "3");
  await waitFor(
    async () => (await textOf(w.locator("#copy-slots-error"))).includes("cannot hold"),
    "slots error",
  );
  check((await w.locator('[data-table="memory"] tbody tr').count()) === 6, "last good memory kept");
  await typeInto(w.locator("#copy-seq"), "1 1\n0 1");
  await typeInto(w.locator("#copy-slots"), "4");
  await waitFor(() => new URL(page.url()).searchParams.get("copy-task.slots") === "4", "slots in URL");
});

test.describe(() => {
  test.use({ contextOptions: { reducedMotion: "reduce" } });
  test("neural-turing-machines: Play with reduced motion jumps to the end", async ({ page }) => {
    await visit(page, PATH);
    const w = page.locator(COPY);
    await w.locator('[data-action="play"]').click();
    await waitFor(
      async () => (await textOf(w.locator('[data-output="frame"]'))) === "8 / 8",
      "jumped to the end",
    );
  });
});

/** NTM addressing written out independently: cosine → softmax(β·) → gate → circular shift → power. */
function address(
  M: number[][],
  k: number[],
  beta: number,
  g: number,
  prev: number,
  s: number[],
  gamma: number,
) {
  const norm = (v: number[]) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  const cos = M.map((row) => row.reduce((a, x, j) => a + x * k[j], 0) / (norm(row) * norm(k)));
  const e = cos.map((c) => Math.exp(beta * c));
  const z = e.reduce((a, b) => a + b, 0);
  const wc = e.map((x) => x / z);
  const n = M.length;
  const wg = wc.map((x, i) => g * x + (1 - g) * (i === prev ? 1 : 0));
  const ws = wg.map((_, i) => s[0] * wg[(i - 1 + n) % n] + s[1] * wg[i] + s[2] * wg[(i + 1) % n]);
  const pw = ws.map((x) => x ** gamma);
  const sum = pw.reduce((a, b) => a + b, 0);
  return { wc, wg, ws, w: pw.map((x) => x / sum) };
}

const MEMORY = [
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [1, 1, 0, 0],
  [0, 0, 1, 1],
  [0.5, 0.5, 0.5, 0.5],
];

test("neural-turing-machines: the addressing equation follows the keyboard, and Open in notebook recomputes it", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(ADDR);
  // Slot 3 → slot 2 from the keyboard, then β 5 → 5.5 with an arrow key on its slider.
  await w.getByLabel("Slot in the equation").focus();
  await page.keyboard.press("ArrowUp");
  await w.locator("#ntm-beta").focus();
  await page.keyboard.press("ArrowRight");
  const a = address(MEMORY, [1, 1, 0, 0], 5.5, 1, 0, [0.1, 0.8, 0.1], 2);
  const tex = await waitForEquation(
    w,
    (t) => t.includes("w^{c}(2)") && t.includes("5.5"),
    "the equation is slot 2's at β = 5.5",
  );
  // Slot 2 has cosine 0 with the key; its neighbours are slots 1 and 3.
  for (const part of [
    `= ${sig3(a.wc[2])} \\\\`,
    `${sig3(a.wg[1])} + 0.8 \\cdot ${sig3(a.wg[2])} + 0.1 \\cdot ${sig3(a.wg[3])} = ${sig3(a.ws[2])}`,
    `= ${sig3(a.w[2])}`,
  ])
    check(tex.includes(part), `the equation lacks “${part}”: ${tex}`);

  // Cells: a comment, M, k, beta, g, s, gamma, w_prev, n, cosines, w_c, w_g, w_s, w (14), w_lib (15), r, e, a, M_after.
  const nb = await openInNotebook(page, w, 19);
  const wNb = await cellNumbers(nb, 14);
  check(
    wNb.length === 6 && wNb.every((x, i) => near(x, a.w[i], 1e-4)),
    `notebook w = ${wNb}, expected ${a.w.map((x) => x.toFixed(4))}`,
  );
  const wLib = await cellNumbers(nb, 15);
  check(
    wLib.every((x, i) => near(x, a.w[i], 1e-4)),
    `notebook w_lib = ${wLib}`,
  );
});

test("neural-turing-machines: the copy task's equation follows the frame slider, and Open in notebook replays it", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(COPY);
  const X = [
    [1, 0, 1, 0],
    [0, 1, 1, 0],
    [1, 1, 0, 1],
    [0, 0, 1, 1],
  ];
  const frame = w.getByRole("slider", { name: "Frame" });
  await frame.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  // Frame 3: the third write puts x2 into slot 2, which the shift reached from slot 1.
  await waitForEquation(
    w,
    (t) => t.includes("M_{3}(2)") && t.includes(`x_{2}`) && t.includes(`= [${X[2].join(",\\ ")}]`),
    "frame 3 writes x2 = [1, 1, 0, 1] into slot 2",
  );
  await page.keyboard.press("End");
  await waitForEquation(
    w,
    (t) => t.includes("y_{3} = r_{8}") && t.includes(`= [${X[3].join(",\\ ")}]`),
    "frame 8 reads y3 = x3 from slot 3",
  );

  // Cells: a comment, X, N, W, k, s, w_0, M_0, then w_f and M_f per write (M_4 is cell 16), w_f and y per read (y_3 is 24).
  const nb = await openInNotebook(page, w, 24);
  const y3 = await cellNumbers(nb, 24);
  check(JSON.stringify(y3) === JSON.stringify(X[3]), `notebook y_3 = ${y3}`);
  const M4 = await cellNumbers(nb, 16);
  const want = [...X.flat(), ...new Array(8).fill(0)];
  check(JSON.stringify(M4) === JSON.stringify(want), `notebook M_4 = ${M4}`);
});
