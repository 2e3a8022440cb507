import { describe, expect, it } from "vitest";
import type { TrainingModel } from "../../../lib/models/trainingModel";
import type { FromWorker } from "../../../src/training/protocol";
import { TrainingRunner } from "../../../src/training/runner";
import { type WorkerScope, serveTraining } from "../../../src/training/serve";

/** A model whose loss after k steps is 1/(k+1) and whose accuracy is k/maxSteps. */
function countingModel(
  maxSteps = 10,
  evalEvery = 3,
): TrainingModel<number, number, number> & { evals: number } {
  let k = 0;
  return {
    maxSteps,
    evalEvery,
    evals: 0,
    nextBatch: () => k,
    trainStep(batch) {
      expect(batch).toBe(k);
      k++;
      return { loss: 1 / k };
    },
    evaluate() {
      this.evals++;
      return { loss: 1 / (k + 1), accuracy: k / maxSteps };
    },
    query(x) {
      if (x < 0) throw new RangeError("Give a number ≥ 0.");
      return x + k;
    },
    probe: () => k,
  };
}

/** A clock that advances 1 ms every time it is read. */
const tickingClock = () => {
  let t = 0;
  return () => t++;
};

describe("TrainingRunner", () => {
  it("goes idle → training → paused → done, evaluating on schedule", () => {
    const m = countingModel(10, 3);
    const r = new TrainingRunner(m, tickingClock());
    expect(r.state).toBe("idle");
    // Step 0: the held-out evaluation only; no step has run, so there is no training loss.
    expect(r.report().points).toEqual([{ step: 0, loss: NaN, accuracy: 0, heldOutLoss: 1 }]);
    r.stepOnce();
    expect(r.state).toBe("paused");
    expect(r.step).toBe(1);
    // A step taken by hand is evaluated at once, though step 1 is not on the schedule.
    expect(m.evals).toBe(2);
    expect(r.report().points).toEqual([{ step: 1, loss: 1, accuracy: 0.1, heldOutLoss: 0.5 }]);
    r.train();
    expect(r.runFor(1000, 4)).toBe(4);
    expect(r.state).toBe("training");
    const { progress, points } = r.report();
    expect(progress.step).toBe(5);
    expect(points.map((p) => p.step)).toEqual([3]);
    // The point's training loss is the mean over the steps since the previous point (steps 2–3).
    expect(points[0].loss).toBeCloseTo((1 / 2 + 1 / 3) / 2, 12);
    expect(progress.view).toBe(5);
    r.pause();
    expect(r.runFor(1000)).toBe(0);
    r.train();
    r.runFor(1000);
    expect(r.state).toBe("done");
    expect(r.step).toBe(10);
    expect(r.report().points.map((p) => p.step)).toEqual([6, 9, 10]);
    expect(r.report().progress.accuracy).toBe(1);
    r.train();
    expect(r.state).toBe("done");
  });

  it("stops a slice when its time is up and estimates the time left", () => {
    const r = new TrainingRunner(countingModel(1000, 100), tickingClock());
    r.train();
    const n = r.runFor(5);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(10);
    const p = r.report().progress;
    expect(p.stepsPerSecond).toBeGreaterThan(0);
    expect(p.etaSeconds).toBeCloseTo((1000 - p.step) / p.stepsPerSecond, 9);
  });
});

describe("TrainingRunner series", () => {
  it("averages each named series over the steps that reported it (a stopped variant reports none)", () => {
    let k = 0;
    const m: TrainingModel<number, number, number> = {
      maxSteps: 4,
      evalEvery: 4,
      nextBatch: () => k,
      trainStep: () => {
        k++;
        // "b" stops after step 1, as a diverged run does.
        const series: Record<string, number> = k === 1 ? { a: k, b: 10 } : { a: k };
        return { loss: k, series };
      },
      // Held-out losses of the variants: never drawn as training losses, not even at step 0.
      evaluate: () => ({ loss: 0, accuracy: 0, series: { a: 100, b: 100 } }),
      query: (x) => x,
      probe: () => k,
    };
    const r = new TrainingRunner(m, tickingClock());
    r.train();
    r.runFor(1e9);
    const points = r.report().points;
    expect(points.map((p) => p.step)).toEqual([0, 4]);
    expect(points[0].series).toBeUndefined();
    expect(points[0].loss).toBeNaN();
    expect(points[1].series).toEqual({ a: (1 + 2 + 3 + 4) / 4, b: 10 });
  });
});

describe("serveTraining", () => {
  function fakeWorker() {
    const sent: FromWorker<number>[] = [];
    let listener: (e: MessageEvent) => void = () => {};
    const scope: WorkerScope = {
      postMessage: (m) => sent.push(m as FromWorker<number>),
      addEventListener: (_t, l) => (listener = l),
    };
    serveTraining((seed: number) => countingModel(5 + seed, 2), scope, tickingClock());
    return { sent, send: (data: unknown) => listener({ data } as MessageEvent) };
  }

  it("answers init, step and query, numbering runs so stale progress can be dropped", () => {
    const w = fakeWorker();
    w.send({ type: "init", seed: 0, options: {} });
    w.send({ type: "step" });
    w.send({ type: "query", id: 7, input: 10 });
    w.send({ type: "query", id: 8, input: -1 });
    w.send({ type: "init", seed: 1, options: {} });
    const progress = w.sent.filter((m) => m.type === "progress");
    expect(progress.map((m) => [m.run, m.progress.state, m.progress.step, m.progress.maxSteps])).toEqual([
      [1, "idle", 0, 5],
      [1, "paused", 1, 5],
      [2, "idle", 0, 6],
    ]);
    expect(w.sent.filter((m) => m.type === "answer")).toEqual([
      { type: "answer", id: 7, output: 11 },
      { type: "answer", id: 8, error: "Give a number ≥ 0." },
    ]);
  });

  it("trains to done in slices, reporting every evaluation once", async () => {
    const w = fakeWorker();
    w.send({ type: "init", seed: 3, options: {} });
    w.send({ type: "train" });
    const deadline = Date.now() + 5000;
    while (
      !w.sent.some((m) => m.type === "progress" && m.progress.state === "done") &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const progress = w.sent.filter((m) => m.type === "progress");
    expect(progress.at(-1)?.progress.step).toBe(8);
    expect(progress.flatMap((m) => m.points.map((p) => p.step))).toEqual([0, 2, 4, 6, 8]);
  });
});
