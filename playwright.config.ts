/**
 * Browser tests (`npm run test:browser`, after `npm run build`): @playwright/test drives Debian's
 * Chromium against `astro preview` of dist/. See tests/browser/README.md.
 */
import { defineConfig } from "@playwright/test";
import { ORIGIN, PORT } from "./tests/browser/port";

const filter = process.env.BROWSER_TESTS_FILTER;

export default defineConfig({
  testDir: "tests/browser",
  testMatch: ["*.test.ts", "widgets/*.ts"],
  outputDir: "tests/browser/artifacts",
  fullyParallel: true,
  workers: Number(process.env.BROWSER_TESTS_WORKERS ?? 2),
  // Per test. Generous: the machine may be shared, and a page test loads its page twice.
  timeout: 120_000,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // BROWSER_TESTS_FILTER=<text>: only tests whose title contains the text.
  grep: filter ? new RegExp(filter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : undefined,
  reporter: [["./tests/browser/reporter.ts"]],
  use: {
    baseURL: ORIGIN,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
    // The site registers a service worker that precaches every file; tests that are not about
    // offline use block it, so each test context does not download the whole site.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
    trace: "off",
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `${ORIGIN}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
