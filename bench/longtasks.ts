/**
 * Main-thread long tasks (> 50 ms, the browser's Long Tasks API) while each training widget
 * trains, in headless Chromium against the built site (`npm run build` first):
 * `npx tsx bench/longtasks.ts [seconds] [filter] [--first-visit]`. The page is scrolled to the
 * widget, Train is pressed, and every long task during the next `seconds` (default 20) is recorded; the reader's
 * interaction is simulated too (the page is scrolled a little every second), since a responsive
 * page is the point. Prints a Markdown table with the load average beside it: on a shared
 * machine a starved main thread stretches every task, so the table also gives each task's CPU
 * time on the main thread from a Chromium trace (what the page's own code took), and the load.
 *
 * Each widget gets a fresh browser context, so its page is a first visit, and on a first visit
 * the service worker downloads the whole site for offline reading (13 MB, 20–40 s here). Here that
 * download is served by `astro preview` on the same two cores, so it competes with the page as it
 * never would from a real server. So Train is pressed once the offline copy is saved (the service
 * worker is activated), unless `--first-visit` is given, which presses it at once.
 */
import { loadavg } from "node:os";
import { openSiteBrowser, waitForOfflineCopy } from "./browser";

/**
 * The main thread's top-level tasks from a Chromium trace: their CPU time (`tdur`, µs), sorted,
 * in ms. Wall time (`dur`) includes the time the OS gave other processes; CPU time is what the
 * page's own code took.
 */
function mainThreadTasks(trace: Buffer): number[] {
  const { traceEvents } = JSON.parse(trace.toString()) as {
    traceEvents: {
      name: string;
      ph: string;
      pid: number;
      tid: number;
      dur?: number;
      tdur?: number;
      args?: { name?: string };
    }[];
  };
  const main = traceEvents.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return [];
  return traceEvents
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && /(^|::)RunTask$/.test(e.name))
    .map((e) => (e.tdur ?? 0) / 1000)
    .sort((a, b) => a - b);
}

const FIRST_VISIT = process.argv.includes("--first-visit");
const [seconds, filter] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const SECONDS = Number(seconds ?? 20);
const FILTER = filter ?? "";
const WIDGETS = [
  "seq2seq-attention/train-reverse",
  "pointer-networks/train-pointer",
  "multi-head-attention/induction",
  "memory-networks/train-memn2n",
  "graph-attention/train-karate",
  "training-attention/clipping-lab",
].filter((id) => id.includes(FILTER));

const site = await openSiteBrowser();
const rows: string[][] = [];
const failures: string[] = [];
try {
  for (const id of WIDGETS) {
    const page = await site.browser.newPage();
    const sel = `[data-widget="${id}"]`;
    await page.goto(`${site.origin}/chapters/${id.split("/")[0]}/`);
    const w = page.locator(sel);
    await w.scrollIntoViewIfNeeded();
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("data-state") === "idle", sel, {
      timeout: 60_000,
    });
    if (!FIRST_VISIT) await waitForOfflineCopy(page);
    await page.evaluate(() => {
      const g = globalThis as unknown as { longTasks: number[] };
      g.longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => g.longTasks.push(e.duration))).observe({
        type: "longtask",
      });
    });
    const load = loadavg()[0];
    await site.browser.startTracing(page, { categories: ["toplevel", "devtools.timeline"] });
    await w.getByRole("button", { name: "Train" }).click();
    for (let s = 0; s < SECONDS; s++) {
      await page.mouse.wheel(0, s % 2 ? 120 : -120);
      await page.waitForTimeout(1000);
    }
    const step = await w.getAttribute("data-step");
    const cpu = mainThreadTasks(await site.browser.stopTracing());
    const tasks = (
      await page.evaluate(() => (globalThis as unknown as { longTasks: number[] }).longTasks)
    ).sort((a, b) => a - b);
    const median = tasks.length ? tasks[Math.floor(tasks.length / 2)] : 0;
    const max = tasks.at(-1) ?? 0;
    rows.push([
      id,
      String(step),
      String(tasks.length),
      tasks.length ? `${median.toFixed(0)} ms` : "–",
      tasks.length ? `${max.toFixed(0)} ms` : "–",
      String(cpu.filter((t) => t > 50).length),
      `${(cpu.at(-1) ?? 0).toFixed(0)} ms`,
      load.toFixed(1),
    ]);
    if (tasks.length) failures.push(`${id}: ${tasks.length} long tasks, the longest ${max.toFixed(0)} ms`);
    console.error(`done: ${rows.at(-1)!.join("  ")}`);
    await page.close();
  }
} finally {
  await site.close();
}
const header = [
  "widget",
  `step after ${SECONDS} s`,
  "long tasks (wall)",
  "median",
  "longest",
  "tasks > 50 ms of main-thread CPU",
  "longest in CPU",
  "load average",
];
console.log(
  (FIRST_VISIT
    ? "First visit: Train pressed at once, while the service worker saves the offline copy.\n\n"
    : "Train pressed once the offline copy was saved (service worker activated).\n\n") +
    [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n") +
    (failures.length ? `\n\nOver 50 ms:\n${failures.map((f) => `- ${f}`).join("\n")}` : "\n\nNo long task."),
);
