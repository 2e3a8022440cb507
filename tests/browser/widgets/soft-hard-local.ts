/**
 * Chapter 5, "Soft, hard and local attention": the three-mode widget used as a reader would.
 * Expected numbers are computed here, independently of lib/, from the formulas of the chapter.
 */
import { test, site } from "../fixtures";
import { cellNumbers, equationShows, near, openInNotebook } from "../liveEquation";
import { check, settled, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/soft-hard-local/";
const WIDGET = '[data-widget="soft-hard-local/modes"]';

const softmax = (x: number[]) => {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** Luong local-m weights: softmax inside [p − D, p + D] times exp(−(s − p)² / 2σ²), σ = D/2. */
function local(scores: number[], p: number, D: number) {
  const first = Math.max(0, Math.ceil(p - D));
  const last = Math.min(scores.length - 1, Math.floor(p + D));
  const inside = softmax(scores.slice(first, last + 1));
  const sigma = D / 2;
  const weights = scores.map((_, s) =>
    s < first || s > last ? 0 : inside[s - first] * Math.exp(-((s - p) ** 2) / (2 * sigma * sigma)),
  );
  return { first, last, mass: weights.reduce((a, b) => a + b, 0) };
}

test.skip(!site.written.includes("soft-hard-local"), "chapter soft-hard-local is not built");

test("soft-hard-local: typed scores give the soft weights; local window and mass follow p_t and D", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  await typeInto(w.locator("#shl-scores"), "0 1 2 3 0");
  const expected = softmax([0, 1, 2, 3, 0]);
  await waitFor(
    async () => (await textOf(w.locator('[data-readout="soft"]'))).includes(Math.max(...expected).toFixed(3)),
    `soft readout should show the largest weight ${Math.max(...expected).toFixed(3)}`,
  );
  await w.getByLabel("Local (Luong)").check();
  const p = w.locator("#shl-p");
  await p.focus();
  // The default pₜ is 4 (positions count from 1); two ArrowLeft presses of 0.5 move it to 3.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await waitFor(async () => (await textOf(w.locator('[data-output="p"]'))) === "pₜ = 3", "pₜ should be 3");
  const D = w.locator("#shl-D");
  await D.focus();
  await page.keyboard.press("ArrowLeft"); // D = 1
  const exp = local([0, 1, 2, 3, 0], 2, 1);
  await waitFor(
    async () => (await textOf(w.locator('[data-value="window"]'))) === `${exp.first + 1}–${exp.last + 1}`,
    `window should be ${exp.first + 1}–${exp.last + 1} (positions count from 1)`,
  );
  const mass = await textOf(w.locator('[data-value="mass"]'));
  check(mass === exp.mass.toFixed(3), `local mass ${mass}, expected ${exp.mass.toFixed(3)}`);
});

test("soft-hard-local: Gumbel samples turn one-hot at low τ; the state survives a reload", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  await w.getByLabel("Hard (sample)").check();
  const oneHot = async () => Number(await textOf(w.locator('[data-value="onehot"]')));
  const warm = await oneHot();
  await w.locator("#shl-tau").fill("0.05");
  await w.locator("#shl-n").fill("500");
  // Both changes drawn (on a loaded machine the τ change can be drawn before n is applied).
  await waitFor(
    async () => (await settled(w)) && page.url().includes("modes.n=500"),
    "both changes drawn and in the link",
  );
  const cold = await waitFor(async () => {
    const v = await oneHot();
    return v > 0.9 ? v : 0;
  }, "at τ = 0.05 the mean largest entry should exceed 0.9");
  check(cold > warm, `one-hotness should grow as τ falls (${warm} → ${cold})`);
  const tv = Number(await textOf(w.locator('[data-value="tv"]')));
  check(tv < 0.08, `with 500 cold samples the average should be near the soft weights (TV ${tv})`);
  const url = page.url();
  check(
    url.includes("modes.mode=hard") && url.includes("modes.tau=0.05"),
    `URL should hold the state: ${url}`,
  );
  await visit(page, url);
  check(
    (await textOf(w.locator('[data-value="onehot"]'))) === cold.toFixed(3),
    "the same samples after reload",
  );
});

test("soft-hard-local: a bad score is reported and the last result stays", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  const before = await textOf(w.locator('[data-readout="soft"]'));
  await typeInto(w.locator("#shl-scores"), "1 two 3");
  await waitFor(
    async () => (await textOf(w.locator("#shl-scores-error"))).includes('"two" is not a number'),
    "an error should name the bad entry",
  );
  check((await w.locator("#shl-scores").getAttribute("aria-invalid")) === "true", "field marked invalid");
  check((await textOf(w.locator('[data-readout="soft"]'))) === before, "the last good result stays");
  await typeInto(w.locator("#shl-scores"), "1 2 3 4 5 6 7 8 9 10 11 12 13");
  await waitFor(
    async () => (await textOf(w.locator("#shl-scores-error"))).includes("at most 12"),
    "too many scores",
  );
});

test("soft-hard-local: the equation follows the mode, the position and the window; Open in notebook", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  const s = [1.2, 0.3, 2, -0.5, 0.8, 1.5, -1, 0.4];
  // Soft, position 3 (the default).
  await equationShows(w, ["\\alpha_{3}", softmax(s)[2].toFixed(3)], "soft, position 3");
  // Keyboard: the mode to Local (p_t = 4, D = 2: window 2 to 6, σ = 1).
  await w.getByRole("radio", { name: "Soft (global)" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const inside = softmax(s.slice(1, 6));
  const gauss = Math.exp(-0.5);
  const weight = inside[1] * gauss;
  const sig4 = (x: number) => String(Number(x.toPrecision(4)));
  await equationShows(
    w,
    ["a_t(3)", "\\sum_{i=2}^{6}", `${sig4(inside[1])} \\cdot ${sig4(gauss)} = ${sig4(weight)}`, "[2, 6]"],
    "local, position 3",
  );
  // Position 1 is outside the window: the model sets its weight to 0, and the equation says so.
  await w.getByLabel("Position in the equation").focus();
  await page.keyboard.press("Home");
  await equationShows(w, ["a_t(1) &= 0", "outside the window"], "local, position 1");
  await waitFor(
    () => page.url().includes("modes.pos=0") && page.url().includes("modes.mode=local"),
    "URL state",
  );
  // s, alpha, pt, D, sigma, pos, first, last, inWindow, blocked, align, gauss, a, mass.
  const nb = await openInNotebook(page, w, 14);
  const weights = s.map((_, j) => (j < 1 || j > 5 ? 0 : inside[j - 1] * Math.exp(-((j - 3) ** 2) / 2)));
  check(near(await cellNumbers(nb, 13), weights, 1e-5), `a: ${await cellNumbers(nb, 13)}`);
  check(near(await cellNumbers(nb, 14), [weights.reduce((a, b) => a + b, 0)], 1e-5), "mass");
});
