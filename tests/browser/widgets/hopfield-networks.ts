/**
 * Chapter 15, "Hopfield networks": drawing with mouse and keyboard, storing, corrupting and recalling;
 * the live capacity curve; modern Hopfield softmax weights checked against an independent softmax.
 */
import { note, test, site } from "../fixtures";
import { axeViolations, check, textOf, visit, waitFor } from "../helpers";

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
    // Keyboard drawing: clear, focus first cell, toggle, move right, toggle.
    await w.getByRole("button", { name: "Clear drawing" }).click();
    await w.locator('[data-cell="0"]').focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    check(
      (await w.locator('[data-cell="11"]').getAttribute("aria-pressed")) === "true",
      "cell 11 toggled by keyboard",
    );
    // Mouse drag along row 5.
    const a = await w.locator('[data-cell="50"]').boundingBox();
    const b = await w.locator('[data-cell="55"]').boundingBox();
    await page.mouse.move(a!.x + 5, a!.y + 5);
    await page.mouse.down();
    await page.mouse.move(b!.x + 5, b!.y + 5, { steps: 8 });
    await page.mouse.up();
    check((await w.locator('[aria-pressed="true"]').count()) === 9, "3 keyboard + 6 dragged cells are on");
    await w.getByRole("button", { name: "Store this pattern" }).click();
    await waitFor(async () => (await textOf(w)).includes("Stored patterns (4;"), "four patterns stored");
    await waitFor(
      () => (new URL(page.url()).searchParams.get("hop.patterns") ?? "").split(",").length === 4,
      "patterns in URL",
    );
    // Bad link value: reported, defaults used.
    await visit(page, `${PATH}?hop.noise=abc`);
    check(
      (await textOf(page.locator(RECALL).locator('[role="alert"]').first())).includes("noise"),
      "bad link reported",
    );
    const v = await axeViolations(page);
    check(v.length === 0, v.join("\n"));
  });
});

test("hopfield-networks: capacity curve and modern Hopfield weights", async ({ page }) => {
  await visit(page, `${PATH}?cap.neurons=40&cap.trials=2&mhop.logBeta=-1.5`);
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
  await visit(page, `${PATH}?cap.neurons=200&cap.trials=19`);
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
        // Only the measurement the reader starts below (20 trials), not the page's first one.
        if (root.querySelector<HTMLInputElement>("#cap-trials")?.value !== "20") return;
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
  await waitFor(() => page.url().includes("cap.trials=1"), "trials in the URL");
});
