/**
 * `npm run bench:ui` (after `npm run build`): how quickly every widget answers a reader, as
 * interaction to next paint (INP) read from Chromium's Event Timing entries
 * (`PerformanceObserver` type "event", `durationThreshold` 16 ms).
 *
 * On every chapter, for every `[data-widget]`: arrow keys on every slider (`role="slider"` or
 * `input[type=range]`: →, →, ←, ←) and typing into every text or number field (a character, then
 * Backspace), 50 ms apart, like a reader holding a key, then a Shift press 50 ms later to catch work
 * that runs after the last paint. Each widget's worst interaction is printed, once unthrottled and
 * once with the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`, a mid-range phone).
 * Targets: ≤ 50 ms unthrottled, ≤ 150 ms at 4×. Entries under 16 ms are not reported by the
 * browser, so those read "< 16".
 *
 * Then the notebook page (bench/notebookUi.ts): editing the first cell of a 20-cell attention
 * notebook until every dependent is redrawn (target ≤ 100 ms), and the main thread while a link of
 * hostile cells is opened.
 *
 * `BENCH_UI_FILTER=<text>` measures only widgets whose id contains the text (and the notebook if
 * "notebook" contains it).
 */
import { chromium, type Page } from "@playwright/test";
import { resolve } from "node:path";
import { cpus } from "node:os";
import { serveSite } from "../tests/browser/preview";
import { readSite } from "../tests/browser/site";
import { visit } from "../tests/browser/helpers";
import { waitForOfflineCopy } from "./browser";
import { benchNotebook } from "./notebookUi";
import { READER_KEYS } from "./uiKeys";

const TARGET_1X = 50;
const TARGET_4X = 150;
const GAP_MS = 50;
const filter = process.env.BENCH_UI_FILTER ?? "";

interface Worst {
  /** Worst interaction's duration in ms (0: none reached 16 ms). */
  ms: number;
  /**
   * Worst time from a key to the frame that draws the widget's recomputed result (ms): from a key
   * that set `data-pending` on the `[data-widget]` root to the first animation frame after the
   * root lost it (useWidget's deferred render committed). 0 when no change was deferred.
   */
  resultMs: number;
  /** The control and key of the worst interaction. */
  what: string;
  interactions: number;
}

const root = resolve(import.meta.dirname, "..");
const site = readSite(resolve(root, "dist"));
const server = await serveSite();
const origin = server.origin;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

/** Start collecting Event Timing entries in the page (into `window.__inp`). */
async function observe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __inp: { id: number; start: number; ms: number }[];
      __drawn: number[];
    };
    w.__inp = [];
    w.__drawn = [];
    // When a widget's deferred render commits, the next frame draws it.
    new MutationObserver((records) => {
      for (const r of records) {
        const now = (r.target as HTMLElement).dataset.pending;
        // A change starts waiting: recorded as a negative time.
        if (now === "true" && r.oldValue !== "true") w.__drawn.push(-performance.now());
        if (now === undefined && r.oldValue === "true") requestAnimationFrame((t) => w.__drawn.push(t));
      }
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ["data-pending"],
      attributeOldValue: true,
    });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        if (e.interactionId) w.__inp.push({ id: e.interactionId, start: e.startTime, ms: e.duration });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
}

/** Wait two frames and a moment, so that pending Event Timing entries are delivered. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))),
      ),
  );

/** Drive one widget; return its worst interaction. */
async function drive(page: Page, id: string): Promise<Worst> {
  const w = page.locator(`[data-widget="${id}"]`);
  await w.scrollIntoViewIfNeeded();
  await settle(page);
  await page.evaluate(() => {
    const w = window as unknown as { __inp: unknown[]; __drawn: unknown[] };
    w.__inp = [];
    w.__drawn = [];
  });
  const actions: { start: number; what: string }[] = [];
  const now = () => page.evaluate(() => performance.now());
  const press = async (el: ReturnType<typeof w.locator>, key: string, what: string) => {
    actions.push({ start: await now(), what });
    await el.press(key);
    await page.waitForTimeout(GAP_MS);
  };
  const name = (el: ReturnType<typeof w.locator>) =>
    el.evaluate((e) =>
      (
        e.getAttribute("aria-label") ??
        (e as HTMLInputElement).labels?.[0]?.textContent ??
        e.id ??
        e.tagName.toLowerCase()
      )
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 40),
    );
  let count = 0;
  for (const { controls, keys } of READER_KEYS) {
    const group = w.locator(controls);
    const n = await group.count();
    for (let i = 0; i < n; i++) {
      const el = group.nth(i);
      if (!(await el.isVisible()) || !(await el.isEnabled()) || !(await el.isEditable().catch(() => true)))
        continue;
      const label = await name(el);
      await el.focus();
      for (const key of keys) {
        const k = key === "End" && (await el.evaluate((e) => e.tagName === "TEXTAREA")) ? "Control+End" : key;
        await press(el, k, `${label}: ${key}`);
        count++;
      }
      await press(el, "Shift", `${label}: after ${keys.at(-1)}`);
    }
  }
  await settle(page);
  const { entries, drawn } = await page.evaluate(() => {
    const w = window as unknown as {
      __inp: { id: number; start: number; ms: number }[];
      __drawn: number[];
    };
    return { entries: w.__inp, drawn: w.__drawn };
  });
  let worst: Worst = { ms: 0, resultMs: 0, what: "", interactions: count };
  for (const e of entries) {
    if (e.ms <= worst.ms) continue;
    const action = actions.filter((a) => a.start <= e.start + 1).at(-1);
    worst = { ...worst, ms: e.ms, what: action?.what ?? "?" };
  }
  // A key that made a change wait is answered by the next frame drawn after it (later keys made
  // meanwhile are folded into the same render).
  for (const [i, t] of drawn.entries()) {
    if (t >= 0) continue;
    const action = actions.filter((a) => a.start <= -t).at(-1);
    const frame = drawn.slice(i + 1).find((x) => x >= 0);
    if (action && frame !== undefined) worst.resultMs = Math.max(worst.resultMs, frame - action.start);
  }
  return worst;
}

async function pass(rate: number): Promise<Map<string, Worst>> {
  const results = new Map<string, Worst>();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  const cdp = await context.newCDPSession(page);
  let first = true;
  for (const path of site.pages.filter((p) => p.startsWith("/chapters/"))) {
    await visit(page, origin + path);
    // A new context is a first visit: let the offline copy finish downloading before measuring.
    if (first) await waitForOfflineCopy(page);
    first = false;
    const ids = await page
      .locator("[data-widget]")
      .evaluateAll((ws) => ws.map((w) => w.getAttribute("data-widget")!));
    if (!ids.some((id) => id.includes(filter))) continue;
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await observe(page);
    for (const id of ids.filter((x) => x.includes(filter))) {
      const r = await drive(page, id);
      results.set(id, r);
      process.stderr.write(`  ${rate}× ${id}: ${fmt(r.ms)} (${r.what})\n`);
    }
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
  await context.close();
  return results;
}

const fmt = (ms: number) => (ms === 0 ? "< 16" : String(Math.round(ms)));

try {
  const started = Date.now();
  const fast = await pass(1);
  const slow = await pass(4);
  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `\nWorst interaction to next paint per widget (ms), ${date}, Chromium ${browser.version()}, ` +
      `${cpus().length} × ${cpus()[0]?.model.trim()}. Targets: ≤ ${TARGET_1X} ms, ≤ ${TARGET_4X} ms at 4×.\n`,
  );
  console.log(
    "| Widget | Interactions | Unthrottled | CPU 4× slower | Worst at 4× | Result drawn, unthrottled | Result drawn, 4× |",
  );
  console.log("| --- | --: | --: | --: | --- | --: | --: |");
  let misses = 0;
  for (const [id, f] of fast) {
    const s = slow.get(id)!;
    const miss = f.ms > TARGET_1X || s.ms > TARGET_4X;
    if (miss) misses++;
    const mark = (ms: number, t: number) => (ms > t ? `**${fmt(ms)}**` : fmt(ms));
    console.log(
      `| ${id} | ${f.interactions} | ${mark(f.ms, TARGET_1X)} | ${mark(s.ms, TARGET_4X)} | ${s.ms ? s.what : ""} | ${f.resultMs ? Math.round(f.resultMs) : "–"} | ${s.resultMs ? Math.round(s.resultMs) : "–"} |`,
    );
  }
  console.log(`\n${fast.size - misses} of ${fast.size} widgets meet both targets (bold: missed).`);
  // The notebook page (bench/notebookUi.ts): its 20-cell redraw and its main thread under hostile cells.
  if ("notebook".includes(filter)) {
    console.log("");
    for (const line of await benchNotebook(browser, origin)) console.log(line);
  }
  console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  await browser.close();
  await server.close();
}
