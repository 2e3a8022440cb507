/**
 * A trap for injected script while a page handles hostile input. How long the main thread is
 * blocked is measured by `npm run bench:ui` (bench/notebookUi.ts), not by tests: a timed check
 * fails on a loaded machine.
 */
import type { Page } from "@playwright/test";

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
