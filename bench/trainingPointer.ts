/**
 * The pointer-network part of `npm run bench` (chapter 7's trained model; `-- --training` runs it
 * too).
 *
 * - Node: training steps per second (forward, backward, clipping, Adam on batches of 32 lists of
 *   5) and the steps to 95 % held-out per-step accuracy for seeds 1–3, with the exact-order
 *   accuracy at that point.
 * - Chromium (needs `dist/`, from `npm run build`): the chapter's widget as a reader uses it:
 *   press Train (seed 1, "as fast as it goes") and time until `data-accuracy` reaches 95 %; the
 *   exact-order accuracy is read from the page at that moment.
 */
import { createPointerNetModel } from "../lib/models/pointerNet";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { openSiteBrowser, timeToAccuracy } from "./browser";

const TARGET = 0.95;
const TARGET_SECONDS = 60;
const WIDGET = '[data-widget="pointer-networks/train-pointer"]';
const DIST = resolve(import.meta.dirname, "../dist");

const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export async function pointerBench(): Promise<{ tables: string[]; failures: string[] }> {
  const failures: string[] = [];
  const nodeRows: string[][] = [];
  for (const mask of [true, false]) {
    for (const seed of [1, 2, 3]) {
      const m = createPointerNetModel(seed, { mask });
      const t0 = performance.now();
      let hit: { step: number; exact: number } | null = null;
      let steps = 0;
      while (!hit && steps < m.maxSteps) {
        m.trainStep(m.nextBatch());
        steps++;
        if (steps % m.evalEvery === 0) {
          const e = m.evaluate();
          if (e.accuracy >= TARGET) hit = { step: steps, exact: e.series?.exactOrder ?? NaN };
        }
      }
      const seconds = (performance.now() - t0) / 1000;
      // Steps per second of training alone (no evaluations), over the next 50 steps.
      const t1 = performance.now();
      for (let i = 0; i < 50; i++) m.trainStep(m.nextBatch());
      const rate = 50 / ((performance.now() - t1) / 1000);
      nodeRows.push([
        mask ? "masked" : "not masked",
        String(seed),
        hit ? String(hit.step) : `not within ${m.maxSteps}`,
        hit ? `${seconds.toFixed(1)} s` : "–",
        hit ? pct(hit.exact) : "–",
        rate.toFixed(0),
      ]);
      console.error(`done: pointer net ${nodeRows.at(-1)!.join("  ")}`);
    }
  }
  const tables = [
    `Chapter 7's pointer network in Node: held-out per-step accuracy ≥ ${TARGET * 100} % (500 lists of 5, evaluated every 25 steps), with the exact-order accuracy then, and training steps/s:\n\n` +
      table(
        ["mask", "seed", "steps to 95 %", "time (with evaluations)", "exact order then", "steps/s"],
        nodeRows,
      ),
  ];

  const measured = existsSync(join(DIST, "index.html")) ? await chromiumRows(failures) : null;
  if (!measured) failures.push("pointer net in Chromium: dist/ is missing; run `npm run build` first");
  else
    tables.push(
      `Chapter 7's pointer network in headless Chromium, pressing Train in the widget (seed 1, "as fast as it goes"; steps/s include the evaluations and the page's drawing): time to ${TARGET * 100} % held-out per-step accuracy, and the exact-order accuracy at that moment:\n\n` +
        table(["mask", "time to 95 %", "steps", "per step then", "exact order then", "steps/s"], measured),
    );
  return { tables, failures };
}

/** Press Train in the widget, masked and not, until 95 %: one table row each. */
async function chromiumRows(failures: string[]): Promise<string[][]> {
  const site = await openSiteBrowser();
  const rows: string[][] = [];
  try {
    for (const mask of [true, false]) {
      const url = `${site.origin}/chapters/pointer-networks/?train-pointer.mask=${mask ? 1 : 0}`;
      const { seconds, steps, accuracy, extra } = await timeToAccuracy(
        site.browser,
        url,
        WIDGET,
        TARGET,
        (page) => page.locator(`${WIDGET} [data-output="held-out"]`).textContent(),
      );
      const exact = /([\d.]+) % of the lists/.exec(extra ?? "")?.[1] ?? "?";
      if (mask && seconds > TARGET_SECONDS)
        failures.push(
          `pointer net in Chromium: ${seconds.toFixed(1)} s to ${TARGET * 100} % (target ≤ ${TARGET_SECONDS} s)`,
        );
      rows.push([
        mask ? "masked (default)" : "not masked",
        `${seconds.toFixed(1)} s`,
        String(steps),
        pct(accuracy),
        `${exact} %`,
        (steps / seconds).toFixed(0),
      ]);
      console.error(`done: pointer net in Chromium ${rows.at(-1)!.join("  ")}`);
    }
  } finally {
    await site.close();
  }
  return rows;
}
