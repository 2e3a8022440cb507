/**
 * Chapter 7, "Pointer networks": the sorting pointer used as a reader would. Expected numbers
 * come from the chapter's hand-set rule, written out here independently of lib/.
 */
import { test, site } from "../fixtures";
import {
  cellNumbers,
  equationShows,
  near,
  openInNotebook,
  softmax,
  texLine,
  texNumbers,
  waitForEquation,
} from "../liveEquation";
import { createPointerNetModel } from "../../../lib/models/pointerNet";
import { expectStepsLikeNode } from "../fingerprint";
import { check, openTrainer, settled, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/pointer-networks/";
const WIDGET = '[data-widget="pointer-networks/pointer-sort"]';

/** The first step of the hand-set rule: softmax of −β(x_j − min x)/range. */
function firstStep(x: number[], beta: number): number[] {
  const lo = Math.min(...x);
  const r = Math.max(...x) - lo || 1;
  const e = x.map((v) => Math.exp((-beta * (v - lo)) / r));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

test.skip(!site.written.includes("pointer-networks"), "chapter pointer-networks is not built");

test("pointer-networks: typed list, β from the keyboard, stepping to a sorted output", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  await typeInto(w.locator("#ptr-xs"), "4 1 3");
  const beta = w.locator("#ptr-beta");
  await beta.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowLeft"); // 8 → 2 in steps of 0.5
  await waitFor(async () => (await textOf(w.locator('[data-output="beta"]'))) === "β = 2", "β should be 2");
  const p = firstStep([4, 1, 3], 2)[1];
  await waitFor(
    async () => (await textOf(w.locator('[data-value="prob"]'))) === p.toFixed(3),
    `step 1 prob ${p.toFixed(3)}`,
  );
  check(
    (await textOf(w.locator('[data-value="choice"]'))) === "#2",
    "step 1 points at position #2 (the value 1; positions count from 1)",
  );
  await w.getByRole("button", { name: "Next step" }).click();
  await waitFor(
    async () => (await textOf(w.locator('[data-output="step"]'))) === "Step 2 of 3",
    "step 2 of 3",
  );
  check((await textOf(w.locator('[data-value="value"]'))) === "3", "step 2 points at the value 3");
  await w.getByRole("button", { name: "Last" }).click();
  await waitFor(
    async () => (await textOf(w.locator('[data-value="output"]'))) === "1, 3, 4",
    "sorted output 1, 3, 4",
  );
  // Whole output: p(step 1) × p(step 2), where step 2 compares 3 and 4 against c = 1 with r = 3.
  const p2 = 1 / (1 + Math.exp(-2 / 3));
  const total = await textOf(w.locator('[data-value="total"]'));
  check(total === (p * p2).toFixed(4), `whole-output probability ${total}, expected ${(p * p2).toFixed(4)}`);
  const rows = await w.locator('[data-table="pointer"] tbody tr').count();
  check(rows === 3, `the table should have one row per step (got ${rows})`);
  const url = page.url();
  check(
    url.includes("pointer-sort.beta=2") && url.includes("pointer-sort.step=3"),
    `URL should hold the state: ${url}`,
  );
  await visit(page, url);
  check((await textOf(w.locator('[data-value="output"]'))) === "1, 3, 4", "the same state after reload");
});

test("pointer-networks: descending order and duplicates", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  await typeInto(w.locator("#ptr-xs"), "2, 5, 2, 9");
  await w.getByLabel("Order").selectOption("descending");
  await w.getByRole("button", { name: "Last" }).click();
  await waitFor(
    async () => (await textOf(w.locator('[data-value="output"]'))) === "9, 5, 2, 2",
    "descending 9, 5, 2, 2",
  );
});

test("pointer-networks: bad input is reported and the last list stays", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  const err = w.locator("#ptr-xs-error");
  await typeInto(w.locator("#ptr-xs"), "3, x");
  await waitFor(async () => (await textOf(err)).includes('"x" is not a number'), "non-number message");
  // Typed key by key, "3" and "3," were valid, so the last good list is [3].
  check((await textOf(w.locator('[data-value="output"]'))) === "3", "the last good result stays");
  await typeInto(w.locator("#ptr-xs"), "1 2 3 4 5 6 7 8 9 10 11 12 13");
  await waitFor(async () => (await textOf(err)).includes("at most 12"), "too-many message");
  await typeInto(w.locator("#ptr-xs"), "");
  await waitFor(async () => (await textOf(err)).includes("empty"), "empty message");
  await typeInto(w.locator("#ptr-xs"), "8 6");
  await waitFor(async () => (await textOf(err)) === "", "the error clears on good input");
  check(
    (await textOf(w.locator('[data-value="choice"]'))) === "#2",
    "the widget works again (6 is at position 2)",
  );
});

const TRAIN = '[data-widget="pointer-networks/train-pointer"]';

/** The pointer table: one array of probabilities per output step (rows), one entry per input position. */
async function pointerRows(w: import("@playwright/test").Locator): Promise<number[][]> {
  return w
    .locator('[data-table="pointers"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
    );
}

test("pointer-networks: train the pointer network, pause, resume, point at the reader's own list", async ({
  page,
}) => {
  test.setTimeout(600_000);
  const { w, attr } = await openTrainer(page, PATH, TRAIN);
  const before = await pointerRows(w);
  check(before.length === 5 && before[0].length === 5, `5 steps × 5 positions: ${JSON.stringify(before)}`);
  // Untrained, the first step spreads its probability (the last step always has one position left).
  const blur = Math.max(...before[0]);
  check(blur < 0.8, `the untrained first step is a blur: ${before[0].join(" ")}`);

  // Determinism: seed 1, masked (the defaults), the worker's weights equal Node's to the bit.
  await expectStepsLikeNode(w, createPointerNetModel, 1, { mask: true }, 2);
  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => (await attr("state")) === "training", "training starts");
  await waitFor(
    async () => Number(await attr("accuracy")) >= 0.95,
    "held-out per-step accuracy ≥ 95 %",
    300_000,
  );
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused");
  const pausedAt = await attr("step");
  // The probe's pointers have sharpened: each row's largest probability is now near 1.
  await waitFor(async () => {
    const rows = await pointerRows(w);
    return rows.length === 5 && rows.every((r) => Math.max(...r) > 0.8);
  }, "every step of the probe points with probability > 0.8");
  const heldOut = await textOf(w.locator('[data-output="held-out"]'));
  check(/of the steps point at the right value/.test(heldOut), `held-out line: ${heldOut}`);

  // Paused, the reader types a list; the answer comes back and the step does not move.
  const input = w.getByLabel("Your list (1 to 12 numbers from 0 to 1)");
  await typeInto(input, "0.9 0.1 0.5 0.3");
  // Sorted: 0.1 (position 2), 0.3 (4), 0.5 (3), 0.9 (1).
  await waitFor(
    async () =>
      (await textOf(w.locator('[data-output="answer"]'))).startsWith("0.9 0.1 0.5 0.3 → positions 2 4 3 1"),
    "the model sorts the reader's list",
  );
  check((await pointerRows(w))[0].length === 4, "one column per input position");
  check((await attr("step")) === pausedAt, `still at step ${pausedAt} while paused`);
  check(
    (await textOf(w.locator('[data-value="choice"]'))) === "2",
    "step 1 points at position 2 (counted from 1)",
  );

  // The output step from the keyboard: step 4 points at position 1, the 0.9.
  await w.getByLabel("Output step").focus();
  await page.keyboard.press("End");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="step"]'))) === "4 of 4" && (await settled(w)),
    "step 4 of 4",
  );
  check((await textOf(w.locator('[data-value="choice"]'))) === "1", "step 4 points at position 1");
  check((await w.locator(".ptr-arrows").getAttribute("data-step")) === "4", "the arrows show step 4");
  const p = Number(await textOf(w.locator('[data-value="prob"]')));
  const table = await pointerRows(w);
  check(Math.abs(table[3][0] - p) < 0.006, `readout ${p} matches the table ${table[3][0]}`);

  // Bad input: a message beside the field, the last answer kept.
  await typeInto(input, "0.9 0.1 2");
  await waitFor(
    async () => (await textOf(w.locator("#ptrnet-input-msg"))).includes("2 is outside 0 to 1"),
    "out-of-range number reported",
  );
  check(
    (await textOf(w.locator('[data-output="answer"]'))).startsWith("0.9 0.1 →"),
    "the last valid list stays on screen",
  );
  await typeInto(input, "0.7 0.2 0.6 0.4 0.1 0.9 0.3 0.5");

  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => Number(await attr("step")) > Number(pausedAt), "training resumes");
  await waitFor(async () => (await attr("state")) === "done", "training runs to the end", 300_000);
  await waitFor(
    async () => (await textOf(w.locator('[data-output="answer"]'))).includes("→ positions 5 2 7 4 8 3 1 6"),
    "a list of 8, longer than any trained on, sorted",
    30_000,
  );

  await w.getByRole("button", { name: "Measure where it fails" }).click();
  const rows = w.locator('[data-table="failures"] tbody tr');
  await waitFor(async () => (await rows.count()) === 6, "six stress sets measured", 60_000);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "")),
  );
  const perStep = (label: string) => parseFloat(cells.find((c) => c[0] === label)?.[2] ?? "NaN");
  check(perStep("length 5") >= 95, `length 5: ${perStep("length 5")} %`);
  check(
    perStep("close pair < 0.001") < perStep("length 5"),
    `close values are harder: ${JSON.stringify(cells)}`,
  );

  // The live equation of output step 3 with the trained model's numbers, for the list of 8. Steps 1
  // and 2 chose positions 5 and 2, so they are masked; the pointer is the softmax of the other
  // positions' scores, and it is the table's row 3 and the readout's probability.
  await w.getByRole("slider", { name: "Output step" }).focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await waitFor(async () => (await textOf(w.locator('[data-output="step"]'))) === "3 of 8", "step 3 of 8");
  const tex = await waitForEquation(w, (t) => t.includes("p(y_{3} = j)"), "the equation of step 3");
  const u = texNumbers(texLine(tex, "u^{3} &").split("&= ")[1].split("\\quad")[0]);
  const p3 = texNumbers(texLine(tex, "p(y_{3} = j)").split(" = ").at(-1) ?? "");
  check(u.length === 6 && tex.includes("\\#2, \\#5"), `six positions left, #2 and #5 masked: ${u}`);
  check(p3.length === 8 && p3[1] === 0 && p3[4] === 0, `the masked positions get 0: ${p3}`);
  check(
    near(
      softmax(u),
      p3.filter((_, j) => j !== 1 && j !== 4),
      0.002,
    ),
    `p = softmax(u) over the positions left: ${p3} vs ${softmax(u)}`,
  );
  check(near(p3, (await pointerRows(w))[2], 0.006), `the equation's pointer is the table's row 3: ${p3}`);
  const prob = Number(await textOf(w.locator('[data-value="prob"]')));
  check(Math.max(...p3) === prob, `its largest probability is the readout's ${prob}: ${p3}`);
  check(texLine(tex, "y_{3} &").includes(`\\#${p3.indexOf(prob) + 1}`), "the chosen position is the argmax");

  // Open in notebook: the trained weights and the LSTM states as numbers; the last cells recompute
  // the scores (u, 4th from the end) and the pointer (p, the last).
  const nb = await openInNotebook(page, w, null);
  const last = await nb.locator("[data-cell]").count();
  const nbU = (await cellNumbers(nb, last - 3)).filter((_, j) => j !== 1 && j !== 4);
  check(near(nbU, u, 0.0006), `the notebook's scores ${nbU} are the equation's ${u}`);
  check(near(await cellNumbers(nb, last), p3, 0.0006), `the notebook's p: ${await cellNumbers(nb, last)}`);
});

test("pointer-networks: the equation follows the step; Open in notebook", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  const x = [5, -2, 9, 0.5, 3, 7];
  // Step 1 (the default): c_0 = min x = −2, r = 11.
  await equationShows(w, ["c_{0} = \\min_j x_j = -2", "= 11", "\\#2"], "step 1");
  // Keyboard: Next step twice. Step 3 measures from c_2 = x_4 = 0.5, with #2 and #4 masked.
  const next = w.getByRole("button", { name: "Next step" });
  await next.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  const allow = [1, 0, 1, 0, 1, 1];
  const u = x.map((v) => (-8 * (v - 0.5)) / 11);
  const free = softmax(u.filter((_, j) => allow[j]));
  const p = allow.map((a, j) => (a ? free[allow.slice(0, j).filter(Boolean).length] : 0));
  await equationShows(
    w,
    [
      "y_{3}",
      "c_{2} = x_{4} = 0.5",
      "M_j = 0",
      "\\#2, \\#4",
      "\\#5",
      `\\left[${p.map((v) => v.toFixed(3)).join(",\\ ")}\\right]`,
    ],
    "step 3",
  );
  await waitFor(() => page.url().includes("pointer-sort.step=3"), "step in the URL");
  // Comment, x, beta, r, c, allow, u, blocked, p.
  const nb = await openInNotebook(page, w, 9);
  check(near(await cellNumbers(nb, 7), u, 1e-5), `u: ${await cellNumbers(nb, 7)}`);
  check(near(await cellNumbers(nb, 9), p, 1e-5), `p: ${await cellNumbers(nb, 9)}`);
});
