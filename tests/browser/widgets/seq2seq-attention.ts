/** Chapter 2 (seq2seq with attention): the step-through decoder, used as a reader would. */
import type { Locator, Page } from "@playwright/test";
import { test, site } from "../fixtures";
import { createReversalModel } from "../../../lib/models/reversal";
import { expectStepsLikeNode } from "../fingerprint";
import { check, settled, textOf, typeInto, visit, waitFor, waitForWidgets } from "../helpers";
import {
  cellNumbers,
  near,
  openInNotebook,
  softmax,
  texLine,
  texNumbers,
  waitForEquation,
} from "../liveEquation";
import { checkTextInsideCharts } from "../svgBounds";

const PATH = "/chapters/seq2seq-attention/";
const ID = '[data-widget="seq2seq-attention/step-decoder"]';
const TRAIN = '[data-widget="seq2seq-attention/train-reverse"]';

/** The trained model's attention table: one array of weights per output token. */
async function attentionCells(w: Locator): Promise<number[][]> {
  return w
    .locator('[data-table="attention"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
    );
}

/** The alignment table (a visually hidden text alternative): one array of cells per target word. */
async function alignment(w: Locator): Promise<string[][]> {
  return w
    .locator('[data-table="alignment"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

async function reopen(page: Page, url: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.goto(url, { waitUntil: "load" });
  await page.locator(ID).scrollIntoViewIfNeeded();
  await waitForWidgets(page);
}

test.skip(!site.written.includes("seq2seq-attention"), "chapter seq2seq-attention is not built");

test("seq2seq-attention: step, back, keyboard, Bahdanau/Luong switch, numbers of each step", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(ID);
  // Every label of the step decoder's drawings (the words, the weights under them, "in: <EOS>",
  // the alignment legend's "weight α") stays inside its SVG, on a phone and on a desktop.
  await checkTextInsideCharts(page, [w]);
  const summary = w.locator('[data-output="summary"]');
  check((await textOf(summary)).includes("attends most to A (0.80)"), `step 1: ${await textOf(summary)}`);
  let a = await alignment(w);
  check(a[0].join(" ") === "0.80 0.14 0.04 0.02", `row W: ${a[0].join(" ")}`);
  check(
    a[1].every((x) => x === "not yet"),
    "row X is not filled yet",
  );

  const stepBtn = w.getByRole("button", { name: "Step", exact: true });
  await stepBtn.click();
  await stepBtn.click();
  await waitFor(async () => (await textOf(w.locator('[data-output="step"]'))) === "3 / 5", "step 3");
  check(
    (await textOf(summary)).includes("reading X to emit Y") && (await textOf(summary)).includes("C (0.83)"),
    await textOf(summary),
  );
  const weights = await w
    .locator('[data-table="step"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent));
  // Two decimals, as the equation, the lines, the alignment grid and the summary print them.
  check(weights.join(" ") === "0.02 0.08 0.83 0.07", `step 3 weights: ${weights.join(" ")}`);
  check(
    (await textOf(w.locator('[data-output="context"]'))).includes("[0.11, 0.31, 0.83, 0.07]"),
    "context c3",
  );
  a = await alignment(w);
  check(a[2][2] === "0.83" && a[3][0] === "not yet", "alignment filled row by row");

  await w.getByRole("button", { name: "Back" }).click();
  await waitFor(async () => (await alignment(w))[2][0] === "not yet", "Back empties row Y again");

  // Keyboard on the step slider.
  await w.getByRole("slider", { name: "Decoder step" }).focus();
  await page.keyboard.press("End");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="step"]'))) === "5 / 5" && (await settled(w)),
    "End → 5 / 5",
  );
  check(
    (await alignment(w)).every((r) => r.every((x) => x !== "not yet")),
    "all rows filled at the end",
  );
  await page.keyboard.press("Home");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="detail"]'))).includes("encoder has read the source"),
    "step 0 shows the encoder",
  );

  // Luong: the current state asks; the attentional state appears.
  await w.getByLabel("Luong (general, current state)").check();
  await w.getByRole("slider", { name: "Decoder step" }).focus();
  await page.keyboard.press("End");
  await waitFor(async () => (await textOf(summary)).includes("<EOS> (0.83)"), "Luong step 5");
  const detail = await textOf(w.locator('[data-output="detail"]'));
  check(
    detail.includes("current state") && detail.includes("attentional state"),
    `Luong detail: ${detail.slice(0, 200)}`,
  );
  check((await alignment(w))[3].join(" ") === "0.05 0.05 0.80 0.10", "Luong row Z reads C");
  await waitFor(async () => (await w.locator(".widget-equation .katex").count()) > 0, "equation typeset");
});

test("seq2seq-attention: Play runs to the end, Pause stops, random weights and URL state, bad link", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(ID);
  const out = w.locator('[data-output="step"]');
  await w.getByRole("slider", { name: "Decoder step" }).focus();
  await page.keyboard.press("Home");
  await w.getByRole("button", { name: "Play" }).click();
  await waitFor(async () => (await w.locator(".s2s").getAttribute("data-playing")) === "true", "playing");
  await waitFor(async () => (await textOf(out)) === "2 / 5", "advances by itself", 8000);
  await w.getByRole("button", { name: "Pause" }).click();
  const paused = await textOf(out);
  await page.waitForTimeout(2000);
  check((await textOf(out)) === paused, `Pause holds the step (${paused} → ${await textOf(out)})`);
  await w.getByRole("button", { name: "Play" }).click();
  await waitFor(async () => (await textOf(out)) === "5 / 5", "plays to the end", 10_000);
  await waitFor(
    async () => (await w.locator(".s2s").getAttribute("data-playing")) === "false",
    "stops at the end",
  );

  // Random, untrained weights: the seed appears and goes into the URL.
  await w.getByLabel("Weights").selectOption("random");
  await w.getByLabel("Seed").fill("5");
  await waitFor(
    () => page.url().includes("step-decoder.weights=random") && page.url().includes("step-decoder.seed=5"),
    "URL state",
  );
  const before = await alignment(w);
  check(before[0].join(" ") !== "0.80 0.14 0.04 0.02", "random weights change the alignment");
  await reopen(page, page.url());
  const w2 = page.locator(ID);
  await waitFor(
    async () => JSON.stringify(await alignment(w2)) === JSON.stringify(before),
    "same alignment after reload",
  );

  // A corrupted link: reported beside the widget, defaults used, the widget still works.
  await reopen(page, `${PATH}?step-decoder.step=9&step-decoder.variant=nope`);
  const w3 = page.locator(ID);
  await waitFor(
    async () => (await textOf(w3.locator(".field-error"))).includes("using the default"),
    "bad link reported",
  );
  check((await textOf(w3.locator('[data-output="step"]'))) === "1 / 5", "default step used");
  await w3.getByRole("button", { name: "Step", exact: true }).click();
  await waitFor(async () => (await textOf(w3.locator('[data-output="step"]'))) === "2 / 5", "still works");
});

test.describe(() => {
  test.use({ contextOptions: { reducedMotion: "reduce" } });
  test("seq2seq-attention: with reduced motion, Play jumps to the end", async ({ page }) => {
    await visit(page, PATH);
    const w = page.locator(ID);
    await w.getByRole("button", { name: "Play" }).click();
    await waitFor(
      async () => (await textOf(w.locator('[data-output="step"]'))) === "5 / 5",
      "end state at once",
      1000,
    );
    check((await w.locator(".s2s").getAttribute("data-playing")) === "false", "no animation runs");
  });
});

test("seq2seq-attention: train the reversal model, pause, resume, ask it about your own sequence", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await visit(page, PATH);
  const w = page.locator(TRAIN);
  const attr = async (name: string) => (await w.getAttribute(`data-${name}`)) ?? "";
  await waitFor(async () => (await attr("state")) === "idle", "an idle model after load", 30_000);
  check((await attr("step")) === "0", "no steps yet");
  const before = await attentionCells(w);
  check(before.length === 9 && before[0].length === 8, `8 inputs, 8 digits + EOS: ${before.length}`);

  // Determinism: seed 1 (Luong, the default), the worker's weights equal Node's to the bit, before
  // any step and after three presses of Step.
  await expectStepsLikeNode(w, createReversalModel, 1, { attention: "luong" }, 3);

  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => (await attr("state")) === "training", "training starts");
  // A real threshold on held-out accuracy: well above chance (1 in 11 tokens).
  await waitFor(async () => Number(await attr("accuracy")) >= 0.5, "held-out accuracy ≥ 50 %", 240_000);
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused");
  const pausedAt = await attr("step");
  const during = await attentionCells(w);
  check(JSON.stringify(during) !== JSON.stringify(before), "the attention view changed while training");

  // Paused, the reader asks about a sequence of their own; the step does not move.
  const input = w.getByLabel("Your sequence");
  await typeInto(input, "2 7 1 8");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="answer"]'))).startsWith("2 7 1 8 →"),
    "answer for 2 7 1 8",
  );
  check((await attentionCells(w))[0].length === 4, "one column per input digit");
  check((await attr("step")) === pausedAt, `still at step ${pausedAt} while paused`);

  // Bad input: a message beside the field, the last answer kept.
  await typeInto(input, "2 7 x");
  await waitFor(
    async () => (await textOf(w.locator("#rev-input-msg"))).includes('"x" is not a digit'),
    "bad digit reported",
  );
  // Typing went through "2 7", the last valid sequence: its answer stays on screen.
  const kept = await textOf(w.locator('[data-output="answer"]'));
  check(kept.startsWith("2 7 →"), `last valid answer kept: ${kept}`);
  await typeInto(input, "2 7 1 8 2");

  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => Number(await attr("step")) > Number(pausedAt), "training resumes");
  await waitFor(async () => Number(await attr("accuracy")) >= 0.95, "held-out accuracy ≥ 95 %", 300_000);
  await waitFor(
    async () => (await textOf(w.locator('[data-output="answer"]'))) === "2 7 1 8 2 → 2 8 1 7 2 EOS (correct)",
    "the model reverses the reader's sequence",
    120_000,
  );
  const a = await attentionCells(w);
  const antiDiagonal = a.slice(0, 5).every((row, t) => row.indexOf(Math.max(...row)) === 4 - t);
  check(antiDiagonal, `each output attends most to its mirrored input: ${JSON.stringify(a)}`);

  // The live equation of an output step, with the trained model's numbers: the weights are the
  // softmax of the energies written beside them, sum to 1, and peak where the drawn matrix does.
  // Paused (or done), so the equation, the matrix and the notebook read the same model.
  if ((await attr("state")) === "training") await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => ["paused", "done"].includes(await attr("state")), "paused or done");
  const stepSlider = w.getByRole("slider", { name: "Output step" });
  await stepSlider.focus();
  await page.keyboard.press("ArrowRight"); // output step 2
  await waitFor(
    async () => (await textOf(w.locator('[data-output="out-step"]'))).startsWith("2 of"),
    "step 2",
  );
  const tex = await waitForEquation(w, (t) => t.includes("\\alpha_{2}"), "output step 2");
  const e = texNumbers(texLine(tex, "e_{2} &").split("=")[1]);
  const alpha = texNumbers(texLine(tex, "\\alpha_{2} &").split("=").at(-1) ?? "");
  check(e.length === 5 && alpha.length === 5, `five inputs: e ${e}, α ${alpha}`);
  check(near(softmax(e), alpha, 0.002), `α = softmax(e): ${alpha} vs ${softmax(e)}`);
  check(Math.abs(alpha.reduce((s, x) => s + x, 0) - 1) < 0.003, `α sums to 1: ${alpha}`);
  const row = (await attentionCells(w))[1];
  check(
    alpha.indexOf(Math.max(...alpha)) === row.indexOf(Math.max(...row)),
    `argmax matches the matrix: ${row}`,
  );
  check(alpha.indexOf(Math.max(...alpha)) === 3, `output 2 of 2 7 1 8 2 reads input 4: ${alpha}`);

  // Open in notebook: the energies, the weights recomputed from them, and their sum.
  const nb = await openInNotebook(page, w, 4);
  check(near(await cellNumbers(nb, 3), alpha, 0.002), `notebook α: ${await cellNumbers(nb, 3)}`);
  check(near(await cellNumbers(nb, 4), [1], 1e-9), "the weights sum to 1");
});

test("seq2seq-attention: the pretrained date translator on the reader's own dates", async ({ page }) => {
  test.setTimeout(120_000);
  await visit(page, PATH);
  const w = page.locator('[data-widget="seq2seq-attention/date-translator"]');
  await waitFor(async () => (await w.getAttribute("data-model")) === "ready", "weights loaded", 30_000);
  const field = w.getByLabel("A date", { exact: true });
  const out = w.locator('[data-output="translation"]');
  const verdict = w.locator('[data-output="verdict"]');
  const message = w.locator("#dates-input-msg");

  await typeInto(field, "Monday, 30th of November 2026");
  await waitFor(
    async () => (await textOf(w.locator(".dates-in"))) === "monday, 30th of november 2026",
    "long date read",
  );
  await typeInto(field, "nov 30 2026");
  await waitFor(async () => (await textOf(out)) === "2026-11-30", "nov 30 2026 → 2026-11-30");
  check((await textOf(verdict)).startsWith("Correct"), await textOf(verdict));
  const cols = await w.locator('[data-table="date-alignment"] thead th').count();
  check(cols === 1 + 11, `one column per input character: ${cols - 1}`);

  // Select the second output character (the 0 of 2026) with the keyboard, then the first 1 of the month by click.
  await w.getByRole("radio", { name: "character 6, 1" }).click();
  const summary = w.locator('[data-output="summary"]');
  await waitFor(
    async () => (await textOf(summary)).includes('Writing "1" (character 6 of 10)'),
    "character 6 selected",
  );
  check(/input character [123], "[nov]"/.test(await textOf(summary)), await textOf(summary));
  await page.keyboard.press("ArrowRight");
  await waitFor(
    async () => (await textOf(summary)).includes("character 7 of 10"),
    "arrow key moves to character 7",
  );
  const eq = w.locator(".widget-equation");
  await waitFor(async () => (await textOf(eq)).includes("c7"), "the equation of c_7 is typeset");
  check(
    /0\.\d\d/.test(await textOf(eq)),
    `real weights in the equation: ${(await textOf(eq)).slice(0, 120)}`,
  );
  check(page.url().includes("date-translator.t=7"), `link state: ${page.url()}`);

  // A format it was never trained on: an answer, the real attention, and an honest warning.
  await typeInto(field, "11/30/26");
  await waitFor(
    async () => (await textOf(verdict)).includes("not one of the formats the model was trained on"),
    "guessing",
  );
  check((await w.locator(".dates").getAttribute("data-trained")) === "false", "data-trained=false");
  check((await textOf(out)).length === 10, `still an answer: ${await textOf(out)}`);

  // Garbage: a message beside the field, the last translation kept.
  await typeInto(field, "30 nov 2026 ☃");
  await waitFor(
    async () => (await textOf(message)).includes('"☃" is not a character the model knows'),
    "bad character",
  );
  check((await field.getAttribute("aria-invalid")) === "true", "field marked invalid");
  await typeInto(field, "");
  await waitFor(async () => (await textOf(message)).includes("Type a date"), "empty field");
  check((await textOf(out)).length === 10, "the last translation stays on screen");

  // Past the 40 characters the model reads (and its link holds), at a phone's width: a short
  // message, the value kept in the field, the link unchanged, and the page no wider than the window.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  const link = page.url();
  await field.fill(`30 November 2026 ${"x".repeat(10_000)}`);
  await waitFor(
    async () => (await textOf(message)).startsWith("The date is longer than 40 characters (it has 10,017)."),
    "over-long message",
  );
  check((await field.inputValue()).length === 10_017, "the typed value is kept");
  check(page.url() === link, `the link is unchanged: ${page.url().length} characters`);
  const m = await page.evaluate(() => ({
    page: document.scrollingElement!.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  check(m.page <= m.window, `the page is ${m.page} px wide in a ${m.window} px window`);
  await page.setViewportSize(size);

  // The example list.
  await w.getByLabel("Try an example").selectOption("30/11/26");
  // The kept translation was already 2026-11-30, so wait for the message to go as well.
  await waitFor(
    async () => (await textOf(out)) === "2026-11-30" && (await textOf(message)) === "",
    "30/11/26 → 2026-11-30, and the message is gone",
  );
});
