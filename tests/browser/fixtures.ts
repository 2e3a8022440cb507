/**
 * The browser tests' `test`: @playwright/test's, with a fixture that fails a test on anything
 * going wrong in the browser. Every page of the test's context is watched for console errors and
 * warnings, page errors, failed requests, HTTP error responses and requests to another origin
 * (those are also blocked); the test fails if any were recorded, unless a pattern given to
 * `allowProblems` in its describe block matches them:
 *
 *     test.describe(() => {
 *       allowProblems(/HTTP 404: .*\/no\/such\/page\//);
 *       test("404 page", async ({ page }) => { … });
 *     });
 *
 * Also exported: `site` (what dist/ contains), `origin` and `url(path)` for the served site, and
 * `note(text)` to print a line under the test's result.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { resolve } from "node:path";
import { ORIGIN } from "./port";
import { readSite } from "./site";

export { expect };

/** What dist/ contains: pages, written chapters, ids per page. */
export const site = readSite(resolve(import.meta.dirname, "../../dist"));

/** The test server's origin, e.g. `http://127.0.0.1:43123`. */
export const origin = ORIGIN;

/** Absolute URL for a site path. */
export const url = (path: string): string => new URL(path, ORIGIN).href;

/** Print a line under the test's result (timings, counts). */
export function note(text: string): void {
  base.info().annotations.push({ type: "note", description: text });
}

function offOrigin(u: string): boolean {
  if (u.startsWith("data:") || u.startsWith("blob:") || u === "about:blank") return false;
  try {
    return new URL(u).origin !== ORIGIN;
  } catch {
    return true;
  }
}

export const test = base.extend<{
  /** Recorded problems matching any of these are expected and do not fail the test (set it with `allowProblems`). */
  allow: RegExp[];
  /** Problems recorded so far in the test's context (checked automatically after the test). */
  problems: string[];
}>({
  allow: [[], { option: true }],
  problems: [
    async ({ context, allow }, use) => {
      const recorded: string[] = [];
      const record = (kind: string, text: string) => {
        const line = `${kind}: ${text}`;
        if (!allow.some((re) => re.test(line))) recorded.push(line);
      };
      await context.route(
        (u) => offOrigin(u.href),
        async (route) => {
          record("request to another origin", route.request().url());
          await route.abort("blockedbyclient");
        },
      );
      const watch = (page: Page) => {
        page.on("console", (msg) => {
          // Playwright's own note that it blocked the service worker (serviceWorkers: "block").
          if (msg.text() === "Service Worker registration blocked by Playwright") return;
          if (msg.type() === "error" || msg.type() === "warning") {
            const loc = msg.location();
            record(
              `console ${msg.type()}`,
              `${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ""}`,
            );
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
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(recorded);
      // Let late console messages and requests arrive before judging.
      const open = context.pages()[0];
      if (open && !open.isClosed()) await open.waitForTimeout(100).catch(() => {});
      if (recorded.length > 0) throw new Error(`problems recorded in the browser:\n${recorded.join("\n")}`);
    },
    { auto: true },
  ],
});

/**
 * Problems matching any of `patterns` (tested against lines like `HTTP 404: <url>` or
 * `console error: <text>`) are expected in the tests of the enclosing describe block (or file).
 */
export function allowProblems(...patterns: RegExp[]): void {
  // The [value, options] form: a bare array of RegExps would be read as a fixture tuple.
  test.use({ allow: [patterns, { scope: "test" }] });
}
