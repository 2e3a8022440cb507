/**
 * Regenerate docs/screenshot.png (the README's picture of chapter 4) from the built site:
 * `npm run build && npx tsx tests/browser/screenshot.ts`.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "@playwright/test";
import { visit } from "./helpers";
import { serveSite } from "./preview";

const root = resolve(import.meta.dirname, "../..");
const server = await serveSite();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: "light" });
  await visit(page, `${server.origin}/chapters/queries-keys-values/?qkv-explorer.row=1`);
  const widget = page.locator('[data-widget="queries-keys-values/qkv-explorer"]');
  await widget.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.evaluate(() => scrollBy(0, -70));
  await page.waitForTimeout(300);
  const out = resolve(root, "docs/screenshot.png");
  await page.screenshot({ path: out });
  console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KB`);
} finally {
  await browser.close();
  await server.close();
}
