/**
 * The contract between a trainable model and the training runtime (`src/training/`: `runner.ts`,
 * `serve.ts`, `useTrainer.ts`). A model knows its task (its seeded data stream and held-out set), one training
 * step, evaluation and how to answer a reader's query; the runtime owns scheduling, speed,
 * progress, history and the worker messages. The same runtime hosts every trained demo
 * (reversal with attention, clipping, pointer networks, …).
 */
import { fingerprint } from "../core/fingerprint";

/** What one training step reports. */
export interface StepStats {
  /** Mean training loss of the batch (nats per token for classification). */
  loss: number;
  /** Named losses when one step trains several variants side by side (e.g. clipping modes). */
  series?: Record<string, number>;
}

/** What an evaluation on the held-out set reports. */
export interface EvalStats {
  /** Mean loss on the held-out set. */
  loss: number;
  /** Held-out accuracy in [0, 1] (token accuracy for sequence tasks). */
  accuracy: number;
  /** Named held-out losses or accuracies when several variants train side by side. */
  series?: Record<string, number>;
}

/**
 * A model together with its task. Every source of randomness (initial weights, training batches)
 * comes from the seed given to its factory, so a seed fixes the run to the bit; `query`, `probe`
 * and `evaluate` consume no randomness, so asking never changes the run.
 */
export interface TrainingModel<Batch = unknown, Input = unknown, Output = unknown> {
  /** Steps in a full run; the state becomes `done` after this many. */
  readonly maxSteps: number;
  /** Evaluate on the held-out set every this many steps (and at step 0 and at the end). */
  readonly evalEvery: number;
  /** The next training batch from the seeded data stream. */
  nextBatch(): Batch;
  /** One optimiser step on `batch`: forward, backward, update. */
  trainStep(batch: Batch): StepStats;
  /** Loss and accuracy on the held-out set (data never trained on). */
  evaluate(): EvalStats;
  /**
   * Run the current model on a reader's input. Throws a `RangeError` with a short message for
   * input the model cannot take (the runtime shows it beside the field).
   */
  query(input: Input): Output;
  /** The model's output on its fixed probe input: what the widget draws while training. */
  probe(): Output;
  /**
   * Every trained parameter's values in a fixed order (the weights only, not the optimiser's
   * state), read without copying; consumes no randomness. {@link parameterFingerprint} hashes them
   * so that a run in Node and one in a browser's worker can be compared to the bit.
   */
  parameterData?(): readonly Float64Array[];
}

/**
 * The fingerprint of a model's parameters as they are now: {@link fingerprint} of
 * `parameterData()` (eight hex digits), or null for a model that does not list its parameters.
 * Equal seeds, options and step counts give equal fingerprints, in Node and in a browser.
 *
 * $$\operatorname{fp}(\theta) = \operatorname{FNV\text{-}1a}_{32}\big(\text{bytes of } \theta_1, \dots, \theta_P\big)$$
 *
 * @example
 * [models.parameterFingerprint({ parameterData: () => [Float64Array.of(1)] }), models.parameterFingerprint({})];
 * // returns ["f3ac2379", null]
 *
 * @see {@link fingerprint}
 */
export function parameterFingerprint(model: Pick<TrainingModel, "parameterData">): string | null {
  return model.parameterData ? fingerprint(model.parameterData()) : null;
}

/** Builds a fresh model from a seed and the reader's options (e.g. the attention variant). */
export type ModelFactory<Options = unknown, Batch = unknown, Input = unknown, Output = unknown> = (
  seed: number,
  options: Options,
) => TrainingModel<Batch, Input, Output>;

/** The four states a training widget reports in `data-state`. */
export type TrainingState = "idle" | "training" | "paused" | "done";

/** One point of the loss and accuracy history. */
export interface HistoryPoint {
  step: number;
  /** Training loss (mean over the steps since the previous point); NaN at step 0, before any step. */
  loss: number;
  /** Held-out accuracy and loss, on points where an evaluation ran. */
  accuracy?: number;
  heldOutLoss?: number;
  /** Named series (training losses of variants, mean since the previous point; none at step 0). */
  series?: Record<string, number>;
}
