/**
 * The worker side of the training runtime. A model's worker entry is two lines:
 *
 * ```ts
 * import { serveTraining } from "../../training/serve";
 * serveTraining(createMyModel);
 * ```
 *
 * and its widget starts it with
 * `new Worker(new URL("./my.worker.ts", import.meta.url), { type: "module" })` (see `useTrainer`).
 * Training runs in slices of about 40 ms, so a `pause` or a `query` is answered within one slice.
 */
import type { ModelFactory } from "../../lib/models/trainingModel";
import { SPEEDS, type Speed } from "./speed";
import type { FromWorker, ToWorker } from "./protocol";
import { TrainingRunner } from "./runner";

/** How long one slice of training runs before the worker reads its messages again. */
const SLICE_MS = 40;
/** Progress messages are posted at most this often while training. */
const REPORT_MS = 100;

/** The parts of a worker's global scope the runtime uses (so tests can pass a fake). */
export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (e: MessageEvent) => void): void;
}

export function serveTraining<Options, Input, Output>(
  factory: ModelFactory<Options, unknown, Input, Output>,
  scope: WorkerScope = self as unknown as WorkerScope,
  clock: () => number = () => performance.now(),
): void {
  let runner: TrainingRunner<Output> | null = null;
  let run = 0;
  let speed: Speed = "fast";
  let scheduled = false;
  let lastReport = 0;
  let stepDebt = 0;
  let lastTick = 0;

  const post = (m: FromWorker<Output>) => scope.postMessage(m);
  const report = () => {
    if (!runner) return;
    lastReport = clock();
    post({ type: "progress", run, ...runner.report() });
  };
  const fail = (err: unknown) => {
    runner?.pause();
    post({ type: "error", message: err instanceof Error ? err.message : String(err) });
    report();
  };

  // A MessageChannel yields to pending messages without the 4 ms clamp of nested timeouts.
  const channel = typeof MessageChannel === "function" ? new MessageChannel() : null;
  const yieldThen = (fn: () => void, delay: number) => {
    if (delay <= 0 && channel) {
      channel.port1.onmessage = () => fn();
      channel.port2.postMessage(null);
    } else setTimeout(fn, delay);
  };

  const tick = () => {
    scheduled = false;
    if (!runner || runner.state !== "training") return;
    const rate = SPEEDS[speed];
    try {
      if (rate === Infinity) runner.runFor(SLICE_MS);
      else {
        // Spread the steps evenly: steps owed since the last tick, at most one slice's worth.
        const now = clock();
        stepDebt = Math.min(stepDebt + ((now - lastTick) * rate) / 1000, rate);
        lastTick = now;
        const n = Math.floor(stepDebt);
        if (n > 0) {
          stepDebt -= runner.runFor(SLICE_MS, n);
        }
      }
    } catch (err) {
      fail(err);
      return;
    }
    if (runner.state !== "training" || clock() - lastReport >= REPORT_MS) report();
    schedule();
  };

  const schedule = () => {
    if (scheduled || !runner || runner.state !== "training") return;
    scheduled = true;
    const rate = SPEEDS[speed];
    yieldThen(tick, rate === Infinity ? 0 : Math.max(10, Math.min(100, 1000 / rate)));
  };

  scope.addEventListener("message", (e: MessageEvent) => {
    const m = e.data as ToWorker<Options, Input>;
    try {
      switch (m.type) {
        case "init":
          run++;
          runner = new TrainingRunner(factory(m.seed, m.options), clock);
          report();
          break;
        case "train":
          if (!runner) return;
          runner.train();
          lastTick = clock();
          stepDebt = 1;
          report();
          schedule();
          break;
        case "pause":
          runner?.pause();
          report();
          break;
        case "step":
          runner?.stepOnce();
          report();
          break;
        case "speed":
          speed = m.speed;
          stepDebt = 0;
          lastTick = clock();
          break;
        case "query":
          if (!runner) return;
          try {
            post({ type: "answer", id: m.id, output: runner.model.query(m.input) });
          } catch (err) {
            post({ type: "answer", id: m.id, error: err instanceof Error ? err.message : String(err) });
          }
          break;
      }
    } catch (err) {
      fail(err);
    }
  });
}
