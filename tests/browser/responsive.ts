/**
 * A trap for injected script while a page handles hostile input, and a check that the page's main
 * thread keeps responding: a timer on it must keep firing within 100 ms, unless the delay is the
 * machine's (read from a trace, by the CPU time the thread itself spent; `npm run bench:ui`
 * reports the wall-clock numbers).
 */
import type { Browser, Page } from "@playwright/test";

/** Fail on any dialog, and set up `window.__injected`, which hostile markup would set to true if it ran. */
export async function startWatch(page: Page): Promise<void> {
  page.on("dialog", (d) => {
    void d.dismiss();
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.evaluate(() => {
    (window as unknown as { __injected: boolean }).__injected = false;
  });
}

/** Whether injected script ran since `startWatch`. */
export async function readWatch(page: Page): Promise<{ injected: boolean }> {
  return page.evaluate(() => ({ injected: (window as unknown as { __injected: boolean }).__injected }));
}

/** Name of the performance marks a 10 ms main-thread timer leaves in the trace. */
const TICK = "atlas-responsive-tick";

/**
 * Start watching the main thread: a 10 ms timer on it leaves a performance mark at every tick, and
 * Chromium records a trace (the page's tasks, with the CPU time each took). Stop with
 * {@link readResponsiveness}. The page must stay the same document in between (a fragment change
 * is fine).
 */
export async function startResponsiveness(page: Page, browser: Browser): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { __tick?: number };
    if (w.__tick === undefined) w.__tick = window.setInterval(() => performance.mark(name), 10);
  }, TICK);
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

export interface Responsiveness {
  /** Timer ticks recorded. */
  ticks: number;
  /** Longest time between two ticks, ms. */
  longestGap: number;
  /** CPU time the page's main thread spent in tasks during that gap, ms. */
  busyInLongestGap: number;
  /** Gaps over `limit` in which the main thread itself was busy for more than `limit` (ms each). */
  blocked: { gap: number; busy: number }[];
  /** The gap in which the main thread was busiest (its CPU time, ms). */
  busiest: { gap: number; busy: number };
}

/**
 * Stop the trace begun by {@link startResponsiveness} and read it: the gaps between the timer's
 * ticks, and for each gap longer than `limit` ms, how much CPU time the page's main thread spent in
 * tasks during it. A gap is the page's fault only when that CPU time is over `limit` too; on a
 * shared machine a gap can also be time the operating system gave to other processes, which the
 * wall clock counts and the thread's CPU time does not.
 */
export async function readResponsiveness(browser: Browser, limit = 100): Promise<Responsiveness> {
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const ticks = traceEvents.filter((e) => e.name === TICK).sort((a, b) => a.ts - b.ts);
  if (ticks.length < 2) throw new Error(`the main-thread timer ticked ${ticks.length} times`);
  const { pid, tid } = ticks[0];
  const tasks = traceEvents.filter(
    (e) =>
      e.pid === pid &&
      e.tid === tid &&
      e.ph === "X" &&
      (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask"),
  );
  /** CPU time (ms) of the main thread's tasks overlapping [from, to] (µs), counted in proportion. */
  const busy = (from: number, to: number) =>
    tasks.reduce((sum, t) => {
      const end = t.ts + (t.dur ?? 0);
      const overlap = Math.min(end, to) - Math.max(t.ts, from);
      if (overlap <= 0 || !t.dur) return sum;
      return sum + ((t.tdur ?? t.dur) * (overlap / t.dur)) / 1000;
    }, 0);
  let longest = { gap: 0, busy: 0 };
  let busiest = { gap: 0, busy: 0 };
  const blocked: { gap: number; busy: number }[] = [];
  for (let i = 1; i < ticks.length; i++) {
    const gap = (ticks[i].ts - ticks[i - 1].ts) / 1000;
    // A gap no longer than the timer's period plus a frame holds no long task.
    if (gap < 30) continue;
    const b = busy(ticks[i - 1].ts, ticks[i].ts);
    if (gap > longest.gap) longest = { gap, busy: b };
    if (b > busiest.busy) busiest = { gap, busy: b };
    if (gap > limit && b > limit) blocked.push({ gap, busy: b });
  }
  return { ticks: ticks.length, longestGap: longest.gap, busyInLongestGap: longest.busy, blocked, busiest };
}
