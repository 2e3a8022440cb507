/**
 * paintThrottle: redraws that follow a stream run once per burst, after the paint (outside a
 * browser, a timeout), no sooner than the gap after the last run unless asked to, and never after
 * a cancel.
 */
import { describe, expect, it } from "vitest";
import { paintThrottle } from "../../../../src/widgets/primitives/afterNextPaint";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("paintThrottle", () => {
  it("folds a burst into one run, and keeps the gap between runs", async () => {
    const runs: number[] = [];
    const t = paintThrottle(() => runs.push(performance.now()), 80);
    t.schedule();
    t.schedule();
    t.schedule();
    await sleep(30);
    expect(runs).toHaveLength(1);
    t.schedule();
    t.schedule();
    await sleep(30);
    expect(runs).toHaveLength(1); // within the gap: waits
    await sleep(120);
    expect(runs).toHaveLength(2);
    expect(runs[1] - runs[0]).toBeGreaterThanOrEqual(79);
  });

  it("runs at once, within the gap, when not throttled", async () => {
    let runs = 0;
    const t = paintThrottle(() => runs++, 1000);
    t.schedule();
    await sleep(20);
    t.schedule();
    t.schedule(false);
    await sleep(20);
    expect(runs).toBe(2);
  });

  it("does not run after a cancel, and can be scheduled again", async () => {
    let runs = 0;
    const t = paintThrottle(() => runs++, 0);
    t.schedule();
    t.cancel();
    await sleep(20);
    expect(runs).toBe(0);
    t.schedule();
    await sleep(20);
    expect(runs).toBe(1);
  });
});
