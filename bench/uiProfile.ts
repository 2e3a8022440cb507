/**
 * `npx tsx bench/uiProfile.ts <widget-id> [rate] [train-seconds]` (after `npm run build`): where
 * one widget's interactions spend their time. Drives the widget as `bench:ui` does (arrow keys on
 * sliders, a character typed and erased in fields, 50 ms apart) under the CPU throttling `rate`
 * (default 4), with Chromium's sampling profiler on; with `train-seconds`, presses Train instead
 * and profiles that long while the model trains. Then prints:
 * - each Event Timing entry split into input delay, processing and presentation (ms);
 * - the functions with the most self time (ms) while the widget was driven.
 */
import { chromium } from "@playwright/test";
import { resolve } from "node:path";
import { serveSite } from "../tests/browser/preview";
import { readSite } from "../tests/browser/site";
import { visit } from "../tests/browser/helpers";
import { waitForOfflineCopy } from "./browser";
import { READER_KEYS } from "./uiKeys";

const id = process.argv[2] ?? "";
const rate = Number(process.argv[3] ?? 4);
const root = resolve(import.meta.dirname, "..");
const site = readSite(resolve(root, "dist"));
const server = await serveSite();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  const chapter = id.split("/")[0];
  const path = site.pages.find((p) => p.includes(`/${chapter}`))!;
  await visit(page, server.origin + path);
  await waitForOfflineCopy(page);
  const w = page.locator(`[data-widget="${id}"]`);
  await w.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const g = window as unknown as { __ev: unknown[] };
    g.__ev = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[])
        if (e.interactionId)
          g.__ev.push({
            name: e.name,
            target:
              (e.target as HTMLElement | null)?.getAttribute?.("aria-label") ??
              (e.target as HTMLElement | null)?.id ??
              "",
            delay: Math.round(e.processingStart - e.startTime),
            processing: Math.round(e.processingEnd - e.processingStart),
            presentation: Math.round(e.startTime + e.duration - e.processingEnd),
            duration: e.duration,
          });
    }).observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const trainSeconds = Number(process.argv[4] ?? 0);
  if (trainSeconds > 0) {
    await w.getByRole("button", { name: /^Train/ }).click();
    await page.waitForTimeout(trainSeconds * 1000);
  }
  // While a model trains, only the training is profiled.
  for (const { controls, keys } of trainSeconds > 0 ? [] : READER_KEYS) {
    const group = w.locator(controls);
    for (let i = 0; i < (await group.count()); i++) {
      const el = group.nth(i);
      if (!(await el.isVisible()) || !(await el.isEnabled())) continue;
      await el.focus();
      for (const key of keys) {
        await el.press(key);
        await page.waitForTimeout(50);
      }
    }
  }
  await page.waitForTimeout(300);
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const ev = await page.evaluate(() => (window as unknown as { __ev: unknown[] }).__ev);
  console.table(ev);
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((s, i) => {
    const n = byId.get(s)!;
    const f = n.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`total sampled ${total.toFixed(0)} ms`);
  for (const [k, ms] of [...self]
    .filter(([k]) => !k.startsWith("(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log(ms.toFixed(1).padStart(8), k);
} finally {
  await browser.close();
  await server.close();
}
