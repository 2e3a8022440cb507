/**
 * Main-thread long tasks (> 50 ms) while a training widget trains, in headless Chromium against
 * the built site served by `astro preview`: `npx tsx bench/longtasks.ts [baseUrl] [seconds]`.
 * Prints count, median and max per widget.
 */
import { chromium } from "playwright-core";

const BASE = process.argv[2] ?? "http://127.0.0.1:4321";
const SECONDS = Number(process.argv[3] ?? 20);
const WIDGETS = [
  { path: "/chapters/seq2seq-attention/", id: '[data-widget="seq2seq-attention/train-reverse"]' },
  { path: "/chapters/training-attention/", id: '[data-widget="training-attention/clipping-lab"]' },
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
for (const { path, id } of WIDGETS) {
  const page = await browser.newPage();
  await page.goto(BASE + path);
  const w = page.locator(id);
  await w.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.getAttribute("data-state") === "idle",
    id,
    {
      timeout: 60_000,
    },
  );
  await page.evaluate(() => {
    const g = globalThis as unknown as { longTasks: number[] };
    g.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => g.longTasks.push(e.duration))).observe({
      type: "longtask",
    });
  });
  await w.getByRole("button", { name: "Train" }).click();
  await page.waitForTimeout(SECONDS * 1000);
  const step = await w.getAttribute("data-step");
  const tasks = (
    await page.evaluate(() => (globalThis as unknown as { longTasks: number[] }).longTasks)
  ).sort((a, b) => a - b);
  const median = tasks.length ? tasks[Math.floor(tasks.length / 2)] : 0;
  console.log(
    `${path}: ${SECONDS} s training to step ${step}: ${tasks.length} long tasks, median ${median.toFixed(0)} ms, max ${(tasks.at(-1) ?? 0).toFixed(0)} ms`,
  );
  await page.close();
}
await browser.close();
