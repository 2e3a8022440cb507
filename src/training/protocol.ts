/**
 * Messages between a training widget (main thread) and its Web Worker (`serve.ts`).
 */
import type { HistoryPoint, TrainingState } from "../../lib/models/trainingModel";
import type { Speed } from "./speed";

/** Main thread → worker. */
export type ToWorker<Options = unknown, Input = unknown> =
  /** Build a fresh model (also Reset, a new seed or new options); state becomes idle. */
  | { type: "init"; seed: number; options: Options }
  | { type: "train" }
  | { type: "pause" }
  /** One batch, then paused. */
  | { type: "step" }
  | { type: "speed"; speed: Speed }
  /** Run the current model on the reader's input; answered by an `answer` with the same id. */
  | { type: "query"; id: number; input: Input };

/** The state of a run, as the widget shows it. */
export interface Progress<Output = unknown> {
  state: TrainingState;
  step: number;
  maxSteps: number;
  /** Latest training loss (mean over the last report's steps); NaN before the first step. */
  loss: number;
  /** Latest held-out accuracy and loss; NaN before the first evaluation. */
  accuracy: number;
  heldOutLoss: number;
  /** Measured training speed while running; 0 when not measured yet. */
  stepsPerSecond: number;
  /** Estimated seconds to finish at the current speed; NaN when unknown. */
  etaSeconds: number;
  /** The model's output on its probe input (attention and all), as of this step. */
  view: Output;
  /**
   * `parameterFingerprint` of the model's weights (eight hex digits), computed in the worker
   * whenever the run is not training (idle, paused or done); null while it trains, or for a model
   * that does not list its parameters. The same seed, options and steps give the same fingerprint
   * in Node and in the browser.
   */
  fingerprint: string | null;
}

/** Worker → main thread. */
export type FromWorker<Output = unknown> =
  /** `points` are the history points added since the previous progress message. */
  | { type: "progress"; run: number; progress: Progress<Output>; points: HistoryPoint[] }
  | { type: "answer"; id: number; output?: Output; error?: string }
  | { type: "error"; message: string };
