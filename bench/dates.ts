/**
 * Chapter 2's pretrained date translator in `npm run bench` (Node): the time to translate one date
 * with the committed weights (as the widget does, one text at a time, alignments included), and
 * the training speed of `npm run train:dates` (steps per second over 200 steps from seed 1, the
 * script's batches and sizes). The widget translates on the main thread; the target is one
 * translation in under 10 ms. In Chromium (needs `dist/`, from `npm run build`): the time from the
 * reader's edit to the first frame after the widget shows it (translation, matrix and status; the
 * equation's KaTeX typesetting runs asynchronously and may or may not land before that frame).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serveSite } from "../tests/browser/preview";
import {
  type StoredDateWeights,
  createDateTranslator,
  dateBatches,
  dateHeldOutDays,
  dateStream,
  decodeDateWeights,
} from "../lib/models";
import { DATE_FORMATS, writeDate } from "../lib/models/dateFormats";
import { rng } from "../lib/core/random";

const TARGET_MS = 10;
const WEIGHTS = resolve(import.meta.dirname, "../public/models/date-translator.json");

const DIST = resolve(import.meta.dirname, "../dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WIDGET = '[data-widget="seq2seq-attention/date-translator"]';

/** Chromium: median ms from an edit of the field to the widget redrawn for it, over `texts` (each twice). */
async function chromiumUpdate(texts: string[]): Promise<number> {
  const server = await serveSite();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/chapters/seq2seq-attention/`);
    await page.locator(WIDGET).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute("data-model") === "ready",
      WIDGET,
    );
    const samples: number[] = [];
    for (const text of [...texts, ...texts]) {
      // A string, not a function: tsx would wrap named arrows in a helper the page does not have.
      const script = `new Promise((done) => {
        const root = document.querySelector(${JSON.stringify(WIDGET)});
        const field = root.querySelector('input[type="text"]');
        const shown = root.querySelector(".dates-in");
        const text = ${JSON.stringify(text)};
        const t0 = performance.now();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(field, text);
        field.dispatchEvent(new Event("input", { bubbles: true }));
        const wait = () =>
          shown.textContent === text.toLowerCase()
            ? requestAnimationFrame(() => done(performance.now() - t0))
            : requestAnimationFrame(wait);
        wait();
      })`;
      samples.push(await page.evaluate<number>(script));
    }
    return median(samples);
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function datesBench(): Promise<{ tables: string[]; failures: string[] }> {
  const failures: string[] = [];
  const stored = JSON.parse(readFileSync(WEIGHTS, "utf8")) as StoredDateWeights;
  const model = createDateTranslator(0, stored.options, decodeDateWeights(stored));
  const r = rng(7);
  const texts0 = DATE_FORMATS.map((_, f) => writeDate({ year: 2026, month: 11, day: 30 }, f, r).text);
  const texts = texts0;
  for (let i = 0; i < 20; i++) for (const t of texts) model.translate(t); // warm-up
  const perFormat = texts.map((t) => {
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      model.translate(t);
      samples.push(performance.now() - t0);
    }
    return { text: t, ms: median(samples) };
  });
  const slowest = perFormat.reduce((a, b) => (b.ms > a.ms ? b : a));
  const all = median(perFormat.map((p) => p.ms));
  if (slowest.ms >= TARGET_MS)
    failures.push(
      `date translator: "${slowest.text}" took ${slowest.ms.toFixed(2)} ms (target < ${TARGET_MS} ms)`,
    );

  const train = createDateTranslator(Number(stored.meta.seed), stored.options);
  const next = dateBatches(dateStream(Number(stored.meta.seed), dateHeldOutDays().all), 32);
  for (let i = 0; i < 10; i++) train.trainStep(next()); // warm-up
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 200; i++) train.trainStep(next());
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rate = 200 / secs;
  const stepsToTarget = Number(stored.meta.steps);
  console.error(`done: date translator ${all.toFixed(2)} ms per date, training ${rate.toFixed(1)} steps/s`);
  const rows = [
    [
      "Node: translate one date (median of 9 formats)",
      `${all.toFixed(2)} ms`,
      `slowest: ${slowest.ms.toFixed(2)} ms ("${slowest.text}")`,
    ],
    [
      "Node: train, steps/s (B=32, H=32, bidirectional)",
      `${rate.toFixed(1)} steps/s`,
      `${(((cpu.user + cpu.system) / 1e6 / 200) * 1000).toFixed(0)} ms CPU per step; the committed run stopped at step ${stepsToTarget}, about ${(stepsToTarget / rate).toFixed(0)} s at this rate`,
    ],
  ];
  if (existsSync(join(DIST, "index.html"))) {
    const texts = [
      ...texts0,
      ...DATE_FORMATS.map((_, f) => writeDate({ year: 1969, month: 7, day: 20 }, f, r).text),
    ];
    const ms = await chromiumUpdate(texts);
    console.error(`done: date translator in Chromium ${ms.toFixed(1)} ms per edit`);
    rows.push([
      "Chromium: edit → widget redrawn (median of 36 edits)",
      `${ms.toFixed(1)} ms`,
      "translation, alignment matrix and status on the main thread, to the next frame",
    ]);
  } else failures.push("date translator in Chromium: dist/ is missing; run `npm run build` first");
  const header = ["date translator", "time", "notes"];
  const table = [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
  return { tables: [table], failures };
}
