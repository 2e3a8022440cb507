/** Checks that a page stays responsive and runs no injected script while it handles hostile input. */
import type { Page } from "@playwright/test";

/**
 * Start a main-thread timer that records the longest gap between its ticks, and a trap for
 * injected script: `window.__injected` becomes true if any hostile input's markup runs.
 */
export async function startWatch(page: Page): Promise<void> {
  page.on("dialog", (d) => {
    void d.dismiss();
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __injected: boolean };
    w.__maxGap = 0;
    w.__injected = false;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__maxGap = Math.max(w.__maxGap, now - last - 20);
      last = now;
    }, 20);
  });
}

/** The longest the main thread was blocked (ms beyond the 20 ms tick) since `startWatch`, and the trap. */
export async function readWatch(page: Page): Promise<{ maxGap: number; injected: boolean }> {
  return page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __injected: boolean };
    return { maxGap: w.__maxGap, injected: w.__injected };
  });
}

/** The longest gap so far, then start counting again. */
export async function resetWatch(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __maxGap: number };
    const gap = w.__maxGap;
    w.__maxGap = 0;
    return gap;
  });
}
