/**
 * The induction part of `npm run bench` (chapter 9's two-layer attention-only Transformer):
 *
 * - Node: training steps per second, and the wall time (evaluations every 25 steps included, as
 *   in the widget) until the held-out accuracy on the repeated half reaches 95 %, for seeds 1–3.
 * - Chromium (needs `dist/`, from `npm run build`): the chapter's widget as a reader uses it,
 *   press Train and time until `data-accuracy` reaches 95 %, for seeds 1–3; the target is the
 *   median within 90 s.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInductionModel } from "../lib/models/induction";
import { openSiteBrowser, timeToAccuracy } from "./browser";

const SEEDS = [1, 2, 3];
const TARGET = 0.95;
const TARGET_SECONDS = 90;
const MAX_STEPS = 3000;
const PAGE = "/chapters/multi-head-attention/";
const WIDGET = '[data-widget="multi-head-attention/induction"]';
const DIST = resolve(import.meta.dirname, "../dist");

const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Train seed `seed` in Node until 95 % held-out accuracy: seconds, steps and steps/s. */
function nodeRun(seed: number): { seconds: number; steps: number; rate: number; accuracy: number } {
  const m = createInductionModel(seed);
  const t0 = performance.now();
  let trainMs = 0;
  let accuracy = m.evaluate().accuracy;
  let step = 0;
  while (accuracy < TARGET && step < MAX_STEPS) {
    const s0 = performance.now();
    m.trainStep(m.nextBatch());
    trainMs += performance.now() - s0;
    step++;
    if (step % m.evalEvery === 0) accuracy = m.evaluate().accuracy;
  }
  return {
    seconds: (performance.now() - t0) / 1000,
    steps: step,
    rate: step / (trainMs / 1000),
    accuracy,
  };
}

export async function inductionBench(): Promise<{ tables: string[]; failures: string[] }> {
  const failures: string[] = [];
  const nodeRows: string[][] = [];
  const nodeSeconds: number[] = [];
  for (const seed of SEEDS) {
    const r = nodeRun(seed);
    nodeSeconds.push(r.seconds);
    if (r.accuracy < TARGET)
      failures.push(`induction seed ${seed} in Node: not at 95 % after ${MAX_STEPS} steps`);
    nodeRows.push([
      String(seed),
      `${r.seconds.toFixed(1)} s`,
      String(r.steps),
      `${(100 * r.accuracy).toFixed(1)} %`,
      r.rate.toFixed(1),
    ]);
    console.error(`done: induction seed ${seed} in Node ${nodeRows.at(-1)!.join("  ")}`);
  }
  nodeRows.push(["median", `${median(nodeSeconds).toFixed(1)} s`, "", "", ""]);
  const tables = [
    `Induction heads (chapter 9), Node: wall time to ${TARGET * 100} % held-out accuracy on the repeated half (evaluations every 25 steps included) and training steps/s:\n\n` +
      table(["seed", "time to 95 %", "steps", "accuracy then", "steps/s"], nodeRows),
  ];

  const page = join(DIST, PAGE, "index.html");
  if (!existsSync(page) || !readFileSync(page, "utf8").includes("multi-head-attention/induction")) {
    failures.push("induction in Chromium: the chapter page is not built; run `npm run build` first");
    return { tables, failures };
  }
  const site = await openSiteBrowser();
  try {
    const rows: string[][] = [];
    const seconds: number[] = [];
    for (const seed of SEEDS) {
      const r = await timeToAccuracy(
        site.browser,
        `${site.origin}${PAGE}?induction.seed=${seed}`,
        WIDGET,
        TARGET,
      );
      seconds.push(r.seconds);
      rows.push([
        String(seed),
        `${r.seconds.toFixed(1)} s`,
        String(r.steps),
        `${(100 * r.accuracy).toFixed(1)} %`,
        (r.steps / r.seconds).toFixed(1),
      ]);
      console.error(`done: induction seed ${seed} in Chromium ${rows.at(-1)!.join("  ")}`);
    }
    const med = median(seconds);
    rows.push(["median", `${med.toFixed(1)} s`, "", "", ""]);
    if (med > TARGET_SECONDS)
      failures.push(
        `induction in Chromium: median ${med.toFixed(1)} s to 95 % (target ≤ ${TARGET_SECONDS} s)`,
      );
    tables.push(
      `Induction heads in headless Chromium, pressing Train in the chapter's widget (speed "as fast as it goes"; steps/s include the evaluations and the page's drawing):\n\n` +
        table(["seed", "time to 95 %", "steps", "accuracy then", "steps/s"], rows),
    );
  } finally {
    await site.close();
  }
  return { tables, failures };
}
