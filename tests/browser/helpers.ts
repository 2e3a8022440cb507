/** Helpers shared by the browser tests: visiting a page like a reader, axe, and polling. */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test, type Locator, type Page, type Request } from "@playwright/test";

/** Scroll from top to bottom in viewport steps (so client:visible islands hydrate), then back up. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const el = document.scrollingElement ?? document.documentElement;
    const step = Math.max(200, Math.floor(innerHeight * 0.8));
    for (let y = 0; y <= el.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
    scrollTo(0, el.scrollHeight);
    await new Promise((r) => setTimeout(r, 60));
    scrollTo(0, 0);
  });
}

/**
 * Wait until every `[data-widget]` on the page has `data-ready="true"`.
 *
 * Islands hydrate when visible, and on a busy machine a widget scrolled into view can be pushed out
 * of it again before its IntersectionObserver runs, after which it would never start. So each
 * widget that is not ready yet is brought back into view every second until it is ready, for at
 * most `timeout` ms in all. The attribute is polled on a timer, not on animation frames, so the
 * wait sees it even when the page draws no frames; when it fails, its message says whether the
 * browser still draws the page ({@link framesRun}).
 */
export async function waitForWidgets(page: Page, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (const w of await page.$$("[data-widget]:not([data-ready='true'])")) {
    for (;;) {
      await w.evaluate((el) => el.scrollIntoView({ block: "center" }));
      const left = deadline - Date.now();
      const ready = await page
        .waitForFunction((el) => el.getAttribute("data-ready") === "true", w, {
          timeout: Math.max(1, Math.min(1000, left)),
          polling: 100,
        })
        .then(
          () => true,
          () => false,
        );
      if (ready) break;
      if (Date.now() >= deadline) {
        const pending = await page.$$eval("[data-widget]:not([data-ready='true'])", (ws) =>
          ws.map((x) => {
            // Whether Astro hydrated the island (it removes `ssr` then) and whether its script arrived.
            const island = x.querySelector("astro-island");
            const url = island?.getAttribute("component-url") ?? "";
            const loaded = performance.getEntriesByType("resource").some((e) => e.name.endsWith(url));
            return `${x.getAttribute("data-widget")} (island ${island?.hasAttribute("ssr") ? "not hydrated" : "hydrated"}, its script ${loaded ? "loaded" : "not loaded"})`;
          }),
        );
        throw new Error(
          `widgets never became ready (data-ready="true") in ${timeout / 1000} s: ${pending.join(", ")}; the page: ${await framesRun(page)}`,
        );
      }
    }
  }
  await page.evaluate(() => scrollTo(0, 0));
}

/**
 * Whether the browser still draws the page: `"frames run"` when an animation frame comes within
 * 2 s, else what the page answered instead (its visibility, no frame), or that its script did not
 * answer within 5 s.
 *
 * `client:visible` islands start from an IntersectionObserver, which runs only when the browser
 * draws a frame; so do requestAnimationFrame, Playwright's "stable" check before a click, and a
 * screenshot. Under heavy load (2 to 8 browsers on 2 cores) headless Chromium sometimes stops
 * drawing one page while its script still runs. In the browser logs kept from Nov 30, 42 of 48
 * failures have their failure screenshot; the 6 without are all hangs (two widgets that never
 * became ready, the memory network's trainer and the induction heads, two clicks that waited
 * for a "stable" element, two test timeouts), four of them in pages whose script still answered.
 * On Dec 1 it was caught in the act 3 times in about 420 fresh visits at load 15–34 (twice on
 * the induction heads page, once on the memory networks page): once every island had hydrated,
 * no frame came, with the page visible and focused (and, where it was checked, another page of
 * the same browser still drawing, and its GPU process the one it started with). Watched for 10 to
 * 20 s it stayed so; bringing the page to the front, resizing it and a screencast did not bring
 * frames back; a reload did, all 3 times.
 */
async function framesRun(page: Page): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve("its script did not answer in 5 s"), 5000);
  });
  const frame = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const t = setTimeout(() => resolve(`${document.visibilityState}, no animation frame in 2 s`), 2000);
        requestAnimationFrame(() => {
          clearTimeout(t);
          resolve("frames run");
        });
      }),
  );
  try {
    return await Promise.race([frame, silent]);
  } catch (err) {
    return `its script failed (${(err as Error).message.split("\n")[0]})`;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * {@link waitForWidgets}, and if a widget has not become ready after 30 s, or the browser no longer
 * draws the page once they are ready ({@link framesRun}), the page is loaded once more (a reader's
 * reload) and waited for again; the note under the test says why. A page the browser has stopped
 * drawing starts no `client:visible` island and never passes a click's "stable" check, and only a
 * reload was seen to bring its frames back. Returns why it reloaded, or null.
 */
async function waitForWidgetsOrReload(page: Page): Promise<string | null> {
  let reason: string;
  try {
    await waitForWidgets(page, 30_000);
    const frames = await framesRun(page);
    if (frames === "frames run") return null;
    reason = `every widget was ready, but the page: ${frames}`;
  } catch (err) {
    reason = (err as Error).message;
  }
  await page.reload({ waitUntil: "load" });
  await scrollThrough(page);
  await waitForWidgets(page, 60_000);
  return reason;
}

/** Open a site path (or URL) like a reader: load it, scroll through it, wait for every widget. */
export async function visit(page: Page, url: string, options: { expectStatus?: number } = {}): Promise<void> {
  const network = watchRequests(page);
  try {
    const res = await page.goto(url, { waitUntil: "load" });
    const status = res?.status() ?? 0;
    const expected = options.expectStatus ?? 200;
    if (status !== expected) throw new Error(`${url} answered ${status}, expected ${expected}`);
    await scrollThrough(page);
    const reloaded = await waitForWidgetsOrReload(page);
    if (reloaded) test.info().annotations.push({ type: "note", description: `reloaded once: ${reloaded}` });
    await network.quiet();
  } finally {
    network.stop();
  }
}

/**
 * Count the page's requests in flight (its workers' included). `quiet()` resolves once none has
 * been in flight for `ms` (or after `timeout`: a page may poll forever). Playwright's own
 * "networkidle" never comes on a page that has started a module worker, so it is not used.
 */
function watchRequests(page: Page): { quiet(ms?: number, timeout?: number): Promise<void>; stop(): void } {
  // In flight, per URL. A module worker's script is requested twice and Chromium reports only one
  // of the two as finished, so when a URL finishes, every request for it counts as finished
  // (counting requests one by one kept such pages "busy" until the timeout, 30 s per visit).
  const inFlight = new Map<string, number>();
  let changed = Date.now();
  const start = (req: Request) => {
    inFlight.set(req.url(), (inFlight.get(req.url()) ?? 0) + 1);
    changed = Date.now();
  };
  const end = (req: Request) => {
    inFlight.delete(req.url());
    changed = Date.now();
  };
  page.on("request", start);
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  return {
    async quiet(ms = 500, timeout = 30_000) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline && (inFlight.size > 0 || Date.now() - changed < ms)) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop() {
      page.off("request", start);
      page.off("requestfinished", end);
      page.off("requestfailed", end);
    },
  };
}

/** The axe rules (of those it runs by default) whose result depends on colours: the only ones a change of theme can change. */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Run axe-core on the page (every rule, or `only` those rules, or every rule but `except`); return
 * one readable line per violation (empty when clean).
 *
 * Uses @axe-core/playwright's legacy mode: one `axe.run` in the page. Its default calls
 * `axe.runPartial` in every frame and `axe.finishRun` in a new blank page, which exists for
 * cross-origin iframes; the site has no iframe at all, and that path took 5.3–5.9 s per run on a
 * chapter of 14,000 elements against 2.3 s for `axe.run` (same rules, same result).
 */
export async function axeViolations(
  page: Page,
  rules: { only?: string[]; except?: string[] } = {},
): Promise<string[]> {
  const frames = page.frames().length;
  if (frames > 1)
    throw new Error(
      `axeViolations runs axe in the top document only, and the page has ${frames - 1} iframe(s)`,
    );
  let axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
  if (rules.only) axe = axe.withRules(rules.only);
  if (rules.except) axe = axe.disableRules(rules.except);
  const { violations } = await axe.analyze();
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 4)
      .map(
        (n) =>
          `    ${n.target.join(" ")}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`,
      )
      .join("\n");
    const more = v.nodes.length > 4 ? `\n    …and ${v.nodes.length - 4} more` : "";
    return `${v.id} (${v.impact}): ${v.help}\n${nodes}${more}`;
  });
}

/** Poll `fn` until it returns a truthy value; fail with `message` (and the last value) after `timeout`. */
export async function waitFor<T>(fn: () => Promise<T> | T, message: string, timeout = 5000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const detail = lastError
    ? ` (last error: ${(lastError as Error).message})`
    : ` (last value: ${JSON.stringify(last)})`;
  throw new Error(`${message}${detail}`);
}

/** Throw with `message` unless `cond` holds. */
export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/**
 * Whether a widget has drawn the reader's last change: its `[data-widget]` root no longer carries
 * `data-pending="true"`. A slider's own output and value text change in the key's task, a frame
 * before the widget, so a wait on them alone does not mean the widget shows the new value.
 */
export async function settled(widget: Locator): Promise<boolean> {
  return (await widget.getAttribute("data-pending")) !== "true";
}

/** Whitespace-collapsed text of a locator. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** Replace the value of a text field as a reader would (select all, type), firing input events. */
export async function typeInto(locator: Locator, text: string): Promise<void> {
  await locator.click();
  await locator.press("ControlOrMeta+a");
  if (text === "") await locator.press("Delete");
  else await locator.pressSequentially(text, { delay: 0 });
}

/**
 * Open a training widget as a reader finds it: visit `path`, wait until the widget at `selector`
 * holds an idle, untrained model. `attr(name)` reads its `data-<name>` (state, step, loss, accuracy).
 */
export async function openTrainer(
  page: Page,
  path: string,
  selector: string,
): Promise<{ w: Locator; attr: (name: string) => Promise<string> }> {
  await visit(page, path);
  const w = page.locator(selector);
  const attr = async (name: string) => (await w.getAttribute(`data-${name}`)) ?? "";
  await waitFor(async () => (await attr("state")) === "idle", "an idle model after load", 30_000);
  check((await attr("step")) === "0", "no steps yet");
  return { w, attr };
}

/** Press a save button with the keyboard and read the downloaded file. */
export async function savedDownload(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const path = await download.path();
  check(path !== null, "the download was saved");
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}
