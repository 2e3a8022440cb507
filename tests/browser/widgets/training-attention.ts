/** Chapter 16 (training attention models): the three-way clipping lab, used as a reader would. */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { createClippingModel } from "../../../lib/models/clipping";
import { expectNodeWeights, nodeFingerprint } from "../fingerprint";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";
import { namedCellNumbers, openInNotebook, texLine, texPart, waitForEquation } from "../liveEquation";

const PATH = "/chapters/training-attention/";
const ID = '[data-widget="training-attention/clipping-lab"]';

async function rows(w: Locator, table: string): Promise<string[][]> {
  return w
    .locator(`[data-table="${table}"] tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "")),
    );
}

test.skip(!site.written.includes("training-attention"), "chapter training-attention is not built");

test("training-attention: train three ways, read the gradient per time step, change c, JANET with Adam learns", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await visit(page, PATH);
  const w = page.locator(ID);
  const attr = async (name: string) => (await w.getAttribute(`data-${name}`)) ?? "";
  await waitFor(async () => (await attr("state")) === "idle", "an idle lab after load", 30_000);
  // Before any step the training-loss chart has no point (the held-out evaluation is not one).
  check(
    (await rows(w, "history")).length === 0,
    `no training loss before a step: ${await rows(w, "history")}`,
  );
  check(
    (await textOf(w.locator(".trainer-chart-summary"))) === "No training steps yet.",
    `the chart's summary before a step: ${await textOf(w.locator(".trainer-chart-summary"))}`,
  );

  // Open in notebook before any step says why nothing opens; the reader's next action clears it.
  const status = w.locator(".widget-status");
  await w.getByRole("button", { name: "Open in notebook" }).click();
  await waitFor(
    async () => (await textOf(status)).includes("Take a training step first"),
    "why nothing opens",
  );
  check(page.context().pages().length === 1, "no notebook tab opened");

  // tanh RNN with SGD (the defaults): one step by hand, then the gradient profile is there. The
  // three runs' weights equal Node's to the bit (seed 1, c = 1), before the step and after it.
  const defaults = { cell: "tanh", optimizer: "sgd", threshold: 1, length: 20 } as const;
  await expectNodeWeights(w, 0, nodeFingerprint(createClippingModel, 1, defaults, 0));
  await w.getByRole("button", { name: "Step (one batch)" }).click();
  check((await textOf(status)) === "", `the message is gone once the reader steps: ${await textOf(status)}`);
  await waitFor(async () => (await attr("step")) === "1", "one step");
  await expectNodeWeights(w, 1, nodeFingerprint(createClippingModel, 1, defaults, 1));
  const g = await rows(w, "gradnorms");
  check(g.length === 20, `20 time steps: ${g.length}`);
  const first = Number(g[0][1]);
  const last = Number(g[19][1]);
  check(first > 10 * last, `the unclipped gradient grows going back in time: ${first} vs ${last}`);

  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => Number(await attr("step")) >= 50, "50 steps", 120_000);
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused");
  const pausedAt = await attr("step");
  const runs = await rows(w, "runs");
  // The loss chart's first point is the step taken by hand (evaluated at once), the next the mean
  // training loss of steps 2 to 25 (the first scheduled evaluation).
  const history = await rows(w, "history");
  check(
    history[0]?.[0] === "1" && history[1]?.[0] === "25",
    `training-loss points at steps 1 and 25 first: ${JSON.stringify(history)}`,
  );
  check(
    runs.map((r) => r[0]).join("|") === "no clipping|clip by value|clip by norm",
    `three runs: ${JSON.stringify(runs)}`,
  );
  check((await attr("accuracy")) !== "", "held-out accuracy reported");

  // The live equation writes the clip-by-norm run's last step with the ‖g‖ its row prints, and
  // the factor min(1, c/(‖g‖ + 10⁻⁶)) with c = 1.
  let tex = await waitForEquation(w, (t) => t.includes("10^{-6}}\\right) ="), "clip by norm's equation");
  const normG = Number(runs[2][3]);
  check(tex.includes(`= ${runs[2][3]} \\quad \\text{(step ${pausedAt}`), `‖g‖ ${runs[2][3]} in ${tex}`);
  const coef = texPart(texLine(tex, "g &\\leftarrow"), 2).at(-1) ?? NaN;
  check(Math.abs(coef - Math.min(1, 1 / normG)) < 1e-3, `factor ${coef} for ‖g‖ = ${normG}`);
  // Clipping by value, picked from the keyboard: entries clamped, the norm shrinks, the direction turns.
  await w.getByLabel("Run in the equation").focus();
  await page.keyboard.press("ArrowUp");
  tex = await waitForEquation(w, (t) => t.includes("entries clipped"), "clip by value's equation");
  check(tex.includes(`= ${runs[1][3]} \\quad`), `‖g‖ ${runs[1][3]} of the value run in ${tex}`);

  // The threshold starts the three runs again.
  const slider = w.getByLabel("Threshold c");
  await slider.focus();
  await slider.press("ArrowLeft");
  await waitFor(async () => (await textOf(w.locator('[data-output="threshold"]'))) === "c = 0.79", "c moved");
  await waitFor(
    async () => (await attr("step")) === "0" && (await attr("state")) === "idle",
    "runs restarted",
  );

  // JANET with Adam learns the task: wait for a real held-out accuracy.
  await w.getByLabel("Cell").selectOption("janet");
  await w.getByLabel("Optimiser").selectOption("adam");
  await waitFor(async () => (await attr("state")) === "idle", "restarted");
  await w.getByRole("button", { name: "Train" }).click();
  await waitFor(
    async () => Number(await attr("accuracy")) >= 0.3,
    "clip-by-norm run within 0.04 on 30 %",
    400_000,
  );
  const loss = Number((await rows(w, "runs"))[2][1]);
  check(loss < 0.02, `held-out MSE well under the 0.167 of predicting the mean: ${loss}`);

  // Open in notebook: the clip-by-value run's last gradient, carried, gives the norms the page shows.
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused at the end");
  tex = await waitForEquation(w, (t) => t.includes("c = 0.79"), "the equation with c = 0.79");
  const before = Number((await rows(w, "runs"))[1][3]);
  const after = texPart(texLine(tex, "\\lVert g \\rVert &\\to"), 0)[0];
  const stepBefore = await attr("step");
  const nb = await openInNotebook(page, w, null);
  // The notebook opened in a new tab: the trained lab is still here, where the reader left it.
  check(page.url().includes("/chapters/training-attention/"), `the chapter's tab stays: ${page.url()}`);
  check(
    (await attr("step")) === stepBefore && (await attr("state")) === "paused",
    `the run is kept at step ${stepBefore}`,
  );
  const [gNorm] = await namedCellNumbers(nb, "g_norm");
  const [clippedNorm] = await namedCellNumbers(nb, "clipped_norm");
  check(
    Math.abs(gNorm - before) <= 1e-4 * Math.max(1, before),
    `notebook ‖g‖ ${gNorm} vs the table's ${before}`,
  );
  check(
    Math.abs(clippedNorm - after) <= 1e-4 * Math.max(1, after),
    `notebook clipped ‖g‖ ${clippedNorm} vs ${after}`,
  );
});

test("training-attention: the reader's own sequence gets a message when malformed and three predictions when valid", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(ID);
  await waitFor(
    async () => (await w.getAttribute("data-state")) === "idle",
    "an idle lab after load",
    30_000,
  );
  const field = w.getByLabel(/Your sequence/);
  const msg = w.locator("#clip-input-msg");
  await typeInto(field, "0.5 0.2 0.1");
  await waitFor(async () => (await textOf(msg)).includes("Give 20 values"), "a message about the count");
  check((await field.getAttribute("aria-invalid")) === "true", "the field is marked invalid");
  check((await field.inputValue()) === "0.5 0.2 0.1", "the reader's text is kept");
  await typeInto(
    field,
    Array.from({ length: 20 }, (_, t) => (t === 2 ? "0.5*" : t === 14 ? "0.25*" : "0.1")).join(" "),
  );
  await waitFor(async () => (await textOf(msg)) === "", "the message goes");
  await w.getByRole("button", { name: "Step (one batch)" }).click();
  const out = w.locator('[data-output="predictions"]');
  await waitFor(
    async () => (await textOf(out)).startsWith("0.5 + 0.25 = 0.75"),
    "predictions for the reader's sum",
  );
  // Four decimals, or two significant digits below 0.001 in size (a negative one was "-1.7e-1").
  const numbers =
    (await textOf(out)).match(
      /(no clipping|clip by value|clip by norm) (-?\d+\.\d{4}|-?\d\.\de-(?:[4-9]|\d{2,})|–)(?![\de]|\.\d)/g,
    ) ?? [];
  check(numbers.length === 3, `a prediction per run: ${await textOf(out)}`);
});
