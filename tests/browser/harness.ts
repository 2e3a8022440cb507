/**
 * A minimal test runner for the browser tests (there is no @playwright/test here). Each test gets
 * a fresh browser context and page that record every console error/warning, page error, failed
 * request, HTTP error response and request to another origin; a test fails if any were recorded
 * (unless `allow` matches them). Tests run a few at a time; each prints `ok` or `FAIL`, and the
 * run ends with the line `N passed, N failed`.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import type { SiteInfo } from "./site";

export interface TestOptions {
  /** Milliseconds before the test is failed (default 60 s). */
  timeout?: number;
  /** Options for the test's browser context: viewport, colorScheme, reducedMotion… */
  context?: BrowserContextOptions;
  /** Recorded problems matching any of these are expected and do not fail the test. */
  allow?: RegExp[];
}

export interface TestContext {
  /** A fresh page in a fresh context (no storage shared with other tests). */
  page: Page;
  context: BrowserContext;
  /** The test server's origin, e.g. `http://127.0.0.1:43123`. */
  origin: string;
  /** Absolute URL for a site path. */
  url(path: string): string;
  site: SiteInfo;
  /** Problems recorded so far (checked automatically at the end of the test). */
  problems(): string[];
  /** Log a line under the test's result (for timings and notes). */
  note(message: string): void;
}

export type TestFn = (t: TestContext) => Promise<void>;

export interface TestApi {
  test(name: string, fn: TestFn, options?: TestOptions): void;
  site: SiteInfo;
}

interface Registered {
  name: string;
  fn: TestFn;
  options: TestOptions;
}

export class Harness implements TestApi {
  private tests: Registered[] = [];
  constructor(
    readonly site: SiteInfo,
    private readonly browser: Browser,
    private readonly origin: string,
  ) {}

  test(name: string, fn: TestFn, options: TestOptions = {}): void {
    if (this.tests.some((t) => t.name === name)) throw new Error(`duplicate test name: ${name}`);
    this.tests.push({ name, fn, options });
  }

  /** Run every registered test (optionally only those whose name contains `filter`). */
  async run(concurrency: number, filter?: string): Promise<{ passed: number; failed: number }> {
    const queue = this.tests.filter((t) => !filter || t.name.includes(filter));
    let passed = 0;
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const test = queue[next++];
        const started = Date.now();
        const notes: string[] = [];
        const error = await this.runOne(test, notes);
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        if (error) {
          failed++;
          console.log(`FAIL ${test.name} (${secs}s)`);
          for (const line of error.split("\n")) console.log(`     ${line}`);
        } else {
          passed++;
          console.log(`ok   ${test.name} (${secs}s)`);
        }
        for (const n of notes) console.log(`     # ${n}`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return { passed, failed };
  }

  private async runOne(test: Registered, notes: string[]): Promise<string | null> {
    const timeout = test.options.timeout ?? 60_000;
    // The site registers a service worker that precaches every file; tests that are not about
    // offline use block it, so each test context does not download the whole site.
    const context = await this.browser.newContext({ serviceWorkers: "block", ...test.options.context });
    const recorded: string[] = [];
    const record = (kind: string, text: string) => {
      const line = `${kind}: ${text}`;
      if (!(test.options.allow ?? []).some((re) => re.test(line))) recorded.push(line);
    };
    const origin = this.origin;
    const offOrigin = (url: string) => {
      if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return false;
      try {
        return new URL(url).origin !== origin;
      } catch {
        return true;
      }
    };
    await context.route(
      (url) => offOrigin(url.href),
      async (route) => {
        record("request to another origin", route.request().url());
        await route.abort("blockedbyclient");
      },
    );
    const watch = (page: Page) => {
      page.on("console", (msg) => {
        // Playwright's own note that it blocked the service worker (see serviceWorkers above).
        if (msg.text() === "Service Worker registration blocked by Playwright") return;
        if (msg.type() === "error" || msg.type() === "warning") {
          const loc = msg.location();
          record(`console ${msg.type()}`, `${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ""}`);
        }
      });
      page.on("pageerror", (err) => record("page error", err.stack ?? err.message));
      page.on("requestfailed", (req) => {
        const reason = req.failure()?.errorText ?? "";
        // ERR_ABORTED: the page navigated or reloaded while the request (often the favicon) was in flight.
        if (!offOrigin(req.url()) && reason !== "net::ERR_ABORTED")
          record("failed request", `${req.url()} (${reason})`);
      });
      page.on("response", (res) => {
        if (res.status() >= 400) record(`HTTP ${res.status()}`, res.url());
      });
    };
    context.on("page", watch);
    const page = await context.newPage();
    const ctx: TestContext = {
      page,
      context,
      origin,
      url: (path) => new URL(path, origin).href,
      site: this.site,
      problems: () => [...recorded],
      note: (m) => notes.push(m),
    };
    let timer: NodeJS.Timeout | undefined;
    let error: string | null = null;
    try {
      await Promise.race([
        test.fn(ctx),
        new Promise<never>((_, fail) => {
          timer = setTimeout(() => fail(new Error(`timed out after ${timeout} ms`)), timeout);
        }),
      ]);
      // Let late console messages and requests arrive before judging.
      await page.waitForTimeout(100);
      if (recorded.length > 0) error = `problems recorded in the browser:\n${recorded.join("\n")}`;
    } catch (err) {
      const e = err as Error;
      error = (e.stack ?? e.message).split("\n").slice(0, 8).join("\n");
      if (recorded.length > 0) error += `\nalso recorded in the browser:\n${recorded.join("\n")}`;
      await saveScreenshot(page, test.name);
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => {});
    }
    return error;
  }
}

async function saveScreenshot(page: Page, name: string): Promise<void> {
  try {
    const dir = join(import.meta.dirname, "artifacts");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: false, timeout: 5000 });
  } catch {
    /* the page may already be gone */
  }
}
