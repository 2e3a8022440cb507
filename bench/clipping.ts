/**
 * The clipping-lab part of `npm run bench` (chapter 16; `npm run bench -- --clipping` runs only
 * this part): training steps per second of the three configurations the chapter discusses (tanh
 * RNN with SGD, JANET with Adam, IndRNN with SGD), each step training the same network three ways
 * (no clipping, clipped by value, clipped by norm) on one batch of the adding problem.
 *
 * - Node: the model alone, `STEPS` steps (evaluations every 25 steps included, as in the widget).
 * - Chromium (needs `dist/`, from `npm run build`): the chapter's widget as a reader uses it: pick
 *   the cell and the optimiser, speed "as fast as it goes", press Train and time `STEPS` steps
 *   (the page's drawing included).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { type ClipCell, createClippingModel } from "../lib/models/clipping";
import { openSiteBrowser } from "./browser";

const STEPS = 200;
const SEED = 1;
const PAGE = "/chapters/training-attention/";
const WIDGET = '[data-widget="training-attention/clipping-lab"]';
const DIST = resolve(import.meta.dirname, "../dist");
const CONFIGS: { cell: ClipCell; optimizer: "sgd" | "adam"; label: string }[] = [
  { cell: "tanh", optimizer: "sgd", label: "tanh RNN, SGD" },
  { cell: "janet", optimizer: "adam", label: "JANET, Adam" },
  { cell: "indrnn", optimizer: "sgd", label: "IndRNN, SGD" },
];

const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

/** Steps per second in Node over `STEPS` steps of seed `SEED`, evaluations included. */
function nodeRate(cell: ClipCell, optimizer: "sgd" | "adam"): number {
  const m = createClippingModel(SEED, { cell, optimizer, threshold: 1, length: 20 });
  const t0 = performance.now();
  for (let step = 1; step <= STEPS; step++) {
    m.trainStep(m.nextBatch());
    if (step % m.evalEvery === 0) m.evaluate();
  }
  return STEPS / ((performance.now() - t0) / 1000);
}

export async function clippingBench(): Promise<{ tables: string[]; failures: string[] }> {
  const failures: string[] = [];
  const node = CONFIGS.map((c) => nodeRate(c.cell, c.optimizer));
  const chromium: (number | undefined)[] = CONFIGS.map(() => undefined);
  if (!existsSync(join(DIST, PAGE, "index.html"))) {
    failures.push("clipping lab in Chromium: the chapter page is not built; run `npm run build` first");
  } else {
    const site = await openSiteBrowser();
    try {
      const page = await site.browser.newPage();
      await page.goto(`${site.origin}${PAGE}`);
      const w = page.locator(WIDGET);
      await w.scrollIntoViewIfNeeded();
      const state = () => w.getAttribute("data-state");
      for (const [i, c] of CONFIGS.entries()) {
        await w.getByLabel("Cell").selectOption(c.cell);
        await w.getByLabel("Optimiser").selectOption(c.optimizer);
        await w.getByLabel("Speed").selectOption("fast");
        await page.waitForFunction(
          (sel) => {
            const el = document.querySelector(sel);
            return el?.getAttribute("data-state") === "idle" && el.getAttribute("data-step") === "0";
          },
          WIDGET,
          { timeout: 60_000 },
        );
        const t0 = Date.now();
        await w.getByRole("button", { name: "Train" }).click();
        await page.waitForFunction(
          ([sel, n]) => Number(document.querySelector(sel as string)?.getAttribute("data-step")) >= Number(n),
          [WIDGET, STEPS] as const,
          { timeout: 600_000, polling: 50 },
        );
        const seconds = (Date.now() - t0) / 1000;
        chromium[i] = Number(await w.getAttribute("data-step")) / seconds;
        if ((await state()) === "training") await w.getByRole("button", { name: "Pause" }).click();
        await w.getByRole("button", { name: "Reset weights" }).click();
        console.error(`done: clipping lab ${c.label} in Chromium ${chromium[i]!.toFixed(0)} steps/s`);
      }
      await page.close();
    } finally {
      await site.close();
    }
  }
  const rows = CONFIGS.map((c, i) => [
    c.label,
    node[i].toFixed(0),
    chromium[i] === undefined ? "–" : chromium[i]!.toFixed(0),
  ]);
  return {
    tables: [
      `Clipping lab (chapter 16), seed ${SEED}, the first ${STEPS} steps; one step trains the network three ways (no clipping, by value, by norm):\n\n` +
        table(["cell, optimiser", "steps/s (Node)", "steps/s (Chromium)"], rows),
    ],
    failures,
  };
}
