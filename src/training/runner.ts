/**
 * The training loop, without timers or messages: `serve.ts` drives it inside a Web Worker and the
 * unit tests and benchmarks drive it directly. It owns the state machine
 * (idle → training ⇄ paused → done), evaluation on schedule, the history and the speed estimate.
 */
import {
  type HistoryPoint,
  type TrainingModel,
  type TrainingState,
  parameterFingerprint,
} from "../../lib/models/trainingModel";
import type { Progress } from "./protocol";

/** Monotonic milliseconds (performance.now in the browser). */
export type Clock = () => number;

export class TrainingRunner<Output = unknown> {
  state: TrainingState = "idle";
  step = 0;
  private lossSum = 0;
  private lossCount = 0;
  private seriesSum: Record<string, number> = {};
  /** Steps that reported each named series (a variant that stopped reports none). */
  private seriesCount: Record<string, number> = {};
  private lastLoss = NaN;
  private accuracy = NaN;
  private heldOutLoss = NaN;
  private pending: HistoryPoint[] = [];
  /** Exponential moving average of steps per second while training. */
  private rate = 0;
  private view: Output;

  constructor(
    readonly model: TrainingModel<unknown, unknown, Output>,
    private readonly clock: Clock,
  ) {
    this.evaluate();
    this.view = model.probe();
  }

  /** Start or resume training (no-op when done). */
  train(): void {
    if (this.state !== "done") this.state = "training";
  }

  pause(): void {
    if (this.state === "training") this.state = "paused";
  }

  /**
   * One batch, then paused (or done), and a held-out evaluation if that step was not due one: a
   * reader stepping batch by batch sees the held-out numbers of the weights on screen.
   */
  stepOnce(): void {
    if (this.state === "done") return;
    const points = this.pending.length;
    this.runSteps(1);
    if (this.pending.length === points) this.evaluate();
    if ((this.state as TrainingState) !== "done") this.state = "paused";
    this.view = this.model.probe();
  }

  /**
   * Train for up to `budgetMs` milliseconds or `maxSteps` steps, whichever ends first; evaluates
   * when due and refreshes the probe view. Returns the number of steps taken.
   */
  runFor(budgetMs: number, maxSteps = Infinity): number {
    if (this.state !== "training") return 0;
    const t0 = this.clock();
    let n = 0;
    while (this.state === "training" && n < maxSteps && (n === 0 || this.clock() - t0 < budgetMs)) {
      this.runSteps(1);
      n++;
    }
    const dt = this.clock() - t0;
    if (n > 0 && dt > 0) {
      const r = (n * 1000) / dt;
      this.rate = this.rate === 0 ? r : 0.8 * this.rate + 0.2 * r;
    }
    this.view = this.model.probe();
    return n;
  }

  private runSteps(n: number): void {
    const m = this.model;
    for (let i = 0; i < n && this.step < m.maxSteps; i++) {
      const s = m.trainStep(m.nextBatch());
      this.step++;
      this.lossSum += s.loss;
      this.lossCount++;
      for (const [k, v] of Object.entries(s.series ?? {})) {
        this.seriesSum[k] = (this.seriesSum[k] ?? 0) + v;
        this.seriesCount[k] = (this.seriesCount[k] ?? 0) + 1;
      }
      if (this.step % m.evalEvery === 0 || this.step === m.maxSteps) this.evaluate();
    }
    if (this.step >= m.maxSteps) this.state = "done";
  }

  /** Evaluate on the held-out set and close a history point. */
  private evaluate(): void {
    const e = this.model.evaluate();
    this.accuracy = e.accuracy;
    this.heldOutLoss = e.loss;
    // Before any step (step 0) there is no training loss: the point carries the held-out numbers
    // only, never the evaluation's in place of a training loss.
    const loss = this.lossCount ? this.lossSum / this.lossCount : NaN;
    this.lastLoss = loss;
    const series: Record<string, number> = {};
    for (const [k, v] of Object.entries(this.seriesSum)) series[k] = v / this.seriesCount[k];
    this.pending.push({
      step: this.step,
      loss,
      accuracy: e.accuracy,
      heldOutLoss: e.loss,
      ...(Object.keys(series).length ? { series } : {}),
    });
    this.lossSum = 0;
    this.lossCount = 0;
    this.seriesSum = {};
    this.seriesCount = {};
  }

  /** The state for the widget, and the history points added since the last call. */
  report(): { progress: Progress<Output>; points: HistoryPoint[] } {
    const left = this.model.maxSteps - this.step;
    const progress: Progress<Output> = {
      state: this.state,
      step: this.step,
      maxSteps: this.model.maxSteps,
      loss: this.lossCount ? this.lossSum / this.lossCount : this.lastLoss,
      accuracy: this.accuracy,
      heldOutLoss: this.heldOutLoss,
      stepsPerSecond: this.rate,
      etaSeconds: this.rate > 0 ? left / this.rate : NaN,
      view: this.view,
      // Hashed only when the weights hold still: a running model would be out of date at once.
      fingerprint: this.state === "training" ? null : parameterFingerprint(this.model),
    };
    const points = this.pending;
    this.pending = [];
    return { progress, points };
  }
}
