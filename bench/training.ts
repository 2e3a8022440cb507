/**
 * The training part of `npm run bench`: chapter 2's reversal model.
 *
 * - Node: forward plus backward of one batch (32 sequences of length 8) with lib/autograd against
 *   the same model in @tensorflow/tfjs-core (CPU backend) on the same weights; and training steps
 *   per second (forward, backward, clipping, Adam) over the seeded batch stream.
 * - Chromium (needs `dist/`, from `npm run build`): the chapter's widget, as a reader uses it:
 *   press Train and time until the held-out accuracy (`data-accuracy`) reaches 99 %; and the
 *   worker's model after 20 steps against Node's, bit for bit (determinism).
 */
import { existsSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { type ReversalAttention, REVERSAL_PROBE, createReversalModel } from "../lib/models/reversal";
import { openSiteBrowser, timeToAccuracy } from "./browser";
import { tfjsReversalGradients } from "./trainingTfjs";

type Measure = <K extends string>(fns: Record<K, () => unknown>) => Record<K, number>;

const VARIANTS: ReversalAttention[] = ["bahdanau", "luong"];
const TARGET = 0.99;
const TARGET_SECONDS = 20;
const SPEEDUP = 3;
const DIST = resolve(import.meta.dirname, "../dist");

const fmtMs = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

export async function trainingBench(measure: Measure): Promise<{ tables: string[]; failures: string[] }> {
  const failures: string[] = [];
  const stepRows: string[][] = [];
  const nodeRate: Record<string, number> = {};
  for (const attention of VARIANTS) {
    const m = createReversalModel(1, { attention });
    let batch = m.nextBatch();
    while (batch.length !== 8) batch = m.nextBatch();
    const tfjs = tfjsReversalGradients(m.parameters, attention, batch);
    const diff = Math.abs(m.gradients(batch) - tfjs());
    if (!(diff < 1e-4))
      failures.push(`reversal ${attention}: losses disagree with tfjs by ${diff.toExponential(1)}`);
    const t = measure({ ours: () => m.gradients(batch), tfjs });
    const ratio = t.tfjs / t.ours;
    if (ratio < SPEEDUP)
      failures.push(
        `reversal ${attention}: only ${ratio.toFixed(1)}× faster than tfjs-cpu (target ≥ ${SPEEDUP}×)`,
      );
    stepRows.push([
      `${attention}, B=32 L=8 H=24 E=8`,
      fmtMs(t.ours),
      fmtMs(t.tfjs),
      `${ratio.toFixed(1)}×`,
      diff.toExponential(1),
    ]);
    // Whole training steps over the seeded stream (lengths 1–8), as the widget runs them.
    const fresh = createReversalModel(1, { attention });
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) fresh.trainStep(fresh.nextBatch());
    nodeRate[attention] = 200 / ((performance.now() - t0) / 1000);
    console.error(`done: reversal ${attention} ${stepRows.at(-1)!.join("  ")}`);
  }
  const tables = [
    "Forward plus backward of one training batch of the reversal model (median):\n\n" +
      table(["model", "lib/autograd (ours)", "tfjs-cpu", "tfjs/ours", "loss diff."], stepRows),
  ];

  if (!existsSync(join(DIST, "index.html"))) {
    failures.push("reversal in Chromium: dist/ is missing; run `npm run build` first");
    return { tables, failures };
  }
  const site = await openSiteBrowser();
  const { browser } = site;
  try {
    const rows: string[][] = [];
    for (const attention of VARIANTS) {
      const load = loadavg()[0];
      const { seconds, steps, accuracy } = await timeToAccuracy(
        browser,
        `${site.origin}/chapters/seq2seq-attention/?train-reverse.attention=${attention}`,
        '[data-widget="seq2seq-attention/train-reverse"]',
        TARGET,
      );
      if (seconds > TARGET_SECONDS)
        failures.push(
          `reversal ${attention} in Chromium: ${seconds.toFixed(1)} s to ${TARGET * 100} % (target ≤ ${TARGET_SECONDS} s)`,
        );
      rows.push([
        attention,
        `${seconds.toFixed(1)} s`,
        String(steps),
        `${(100 * accuracy).toFixed(1)} %`,
        (steps / seconds).toFixed(0),
        nodeRate[attention].toFixed(0),
        `${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
      ]);
      console.error(`done: reversal ${attention} in Chromium ${rows.at(-1)!.join("  ")}`);
    }
    tables.push(
      `Time to ${TARGET * 100} % held-out token accuracy in headless Chromium, pressing Train in the chapter's widget (seed 1, speed "as fast as it goes"; steps/s include the evaluations and the page's drawing), and training steps/s in Node:\n\n` +
        table(
          [
            "attention",
            "time to 99 %",
            "steps",
            "accuracy then",
            "steps/s (Chromium)",
            "steps/s (Node)",
            "load average (1 min, start → end)",
          ],
          rows,
        ),
    );
    tables.push(await determinism(browser, site.origin, failures));
  } finally {
    await site.close();
  }
  return { tables, failures };
}

/** The widget's worker after 20 steps against Node's model after 20 steps: the probe's attention, bit for bit. */
async function determinism(browser: Browser, origin: string, failures: string[]): Promise<string> {
  const file = readdirSync(join(DIST, "_astro")).find((f) => /^reverse\.worker-.*\.js$/.test(f));
  if (!file) {
    failures.push("determinism: no reverse.worker-*.js in dist/_astro");
    return "";
  }
  const lines: string[] = [];
  for (const attention of VARIANTS) {
    const node = createReversalModel(1, { attention });
    for (let i = 0; i < 20; i++) node.trainStep(node.nextBatch());
    const want = node.query(REVERSAL_PROBE);
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const got = await page.evaluate(
      ({ url, attention, probe }) =>
        new Promise<{ output: number[]; attention: number[][] }>((done) => {
          const w = new Worker(url, { type: "module" });
          w.onmessage = (e) => {
            if (e.data.type === "answer") done(e.data.output);
          };
          w.postMessage({ type: "init", seed: 1, options: { attention } });
          for (let i = 0; i < 20; i++) w.postMessage({ type: "step" });
          w.postMessage({ type: "query", id: 1, input: probe });
        }),
      { url: `/_astro/${file}`, attention, probe: REVERSAL_PROBE },
    );
    await page.close();
    const same = JSON.stringify(got.attention) === JSON.stringify(want.attention);
    if (!same)
      failures.push(`determinism: the ${attention} model after 20 steps differs between Node and Chromium`);
    lines.push(
      `- ${attention}: ${same ? "identical to the bit" : "DIFFERENT"} (${want.attention.flat().length} attention weights of the probe after 20 steps, seed 1)`,
    );
  }
  return `Determinism, Node against Chromium's worker:\n\n${lines.join("\n")}`;
}
