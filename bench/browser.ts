/** Chromium for the training benchmarks: the built site served locally, and a reader pressing Train. */
import { type Browser, type Page, chromium } from "playwright-core";
import { serveSite } from "../tests/browser/preview";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Serve dist/ and start headless Chromium; `close` stops both. */
export async function openSiteBrowser(): Promise<{
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}> {
  const server = await serveSite();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return {
    browser,
    origin: server.origin,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Open `url`, wait for the training widget `selector` to be idle, press Train and wait until its
 * held-out accuracy (`data-accuracy`) reaches `target`. Returns the seconds from the press, and
 * the step and accuracy then; `read`, when given, reads more from the page at that moment
 * (its result is `extra`).
 */
export async function timeToAccuracy<T = undefined>(
  browser: Browser,
  url: string,
  selector: string,
  target: number,
  read?: (page: Page) => Promise<T>,
): Promise<{ seconds: number; steps: number; accuracy: number; extra?: T }> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const w = page.locator(selector);
    await w.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute("data-state") === "idle",
      selector,
    );
    const t0 = Date.now();
    await w.getByRole("button", { name: "Train" }).click();
    await page.waitForFunction(
      ([sel, t]) => Number(document.querySelector(sel as string)?.getAttribute("data-accuracy")) >= Number(t),
      [selector, target] as const,
      { timeout: 600_000, polling: 50 },
    );
    const seconds = (Date.now() - t0) / 1000;
    const steps = Number(await w.getAttribute("data-step"));
    const accuracy = Number(await w.getAttribute("data-accuracy"));
    return { seconds, steps, accuracy, extra: read ? await read(page) : undefined };
  } finally {
    await page.close();
  }
}

/**
 * Wait until the site's service worker is activated, that is, until it has saved the offline copy
 * of the whole site (13 MB) that a first visit downloads. Benchmarks call it before measuring: the
 * download is served by `astro preview` on the same two cores, so it competes with the page as a
 * real server far away never would.
 */
export async function waitForOfflineCopy(page: Pick<Page, "evaluate">): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const sw = registration.active!;
    if (sw.state !== "activated") {
      await new Promise<void>((done) =>
        sw.addEventListener("statechange", () => sw.state === "activated" && done()),
      );
    }
  });
}
