/**
 * The one frame of every training widget. `useTrainingWidget` ties the widget's URL state to its
 * worker (`useWidget` → `useTrainer`), so the `[data-widget]` root always carries `data-state`,
 * `data-step`, `data-loss` and `data-accuracy`; `TrainerFrame` draws what every training widget
 * shows around its own figures: Train/Pause, Step, Reset, Seed and Speed, the progress bar with
 * the time left, the status line and the live loss and held-out accuracy chart (a corrupted
 * link's message is the widget frame's, as for every island: `useWidget`). `useTrainedQuery` runs the reader's own input through the model.
 *
 * @example
 * const w = useTrainingWidget(spec, createWorker, (s) => ({ attention: s.attention }));
 * const q = useTrainedQuery(w.trainer, w.state.input, parseDigits, (d) => d.join(" "));
 * return (
 *   <TrainerFrame widget={w} idPrefix="rev" chart={{ label: "Loss and held-out accuracy" }}>
 *     <QueryField id="rev-input-msg" label="Your sequence" value={w.state.input} error={q.error} onValue={…} />
 *   </TrainerFrame>
 * );
 */
import type { ComponentChildren } from "preact";
import { useLastGood } from "../widgets/primitives/useLastGood";
import type { Field, StateOf, StateSpec } from "../widgets/primitives/urlState";
import { useWidget } from "../widgets/primitives/useWidget";
import type { Progress } from "./protocol";
import type { Speed } from "./speed";
import { TrainingChart } from "./TrainingChart";
import { TrainingControls } from "./TrainingControls";
import { useModelQuery } from "./useModelQuery";
import { type Trainer, useTrainer } from "./useTrainer";

/** A training widget's state table: any fields, one of them the seed. */
export type TrainingSpec = StateSpec & { seed: Field<number> };

/**
 * What `useTrainingWidget` returns: `useWidget`'s state and setters, the options the model is
 * training with, the trainer and its progress.
 */
export type TrainingWidget<S extends TrainingSpec, Input, Output, Options = unknown> = ReturnType<
  typeof useWidget<S>
> & {
  options: Options;
  trainer: Trainer<Input, Output>;
  progress: Progress<Output> | null;
};

/**
 * A training widget's state (restored from and written to the URL under its frame's prefix, as
 * for every island: `useWidget`) and its worker.
 * A change of the seed or of the options starts a fresh run.
 *
 * @param options the model's options from the state; when it throws (the reader typed something
 *   the model cannot train from), the last good options keep running and the widget shows the
 *   message beside its field
 */
export function useTrainingWidget<S extends TrainingSpec, Options, Input, Output>(
  spec: S,
  createWorker: () => Worker,
  options: (state: StateOf<S>) => Options,
): TrainingWidget<S, Input, Output, Options> {
  const widget = useWidget(spec);
  let next: Options | undefined;
  try {
    next = options(widget.state);
  } catch {
    next = undefined;
  }
  const kept = useLastGood(next) ?? options(defaultsOf(spec));
  const trainer = useTrainer<Options, Input, Output>(widget.ref, createWorker, widget.state.seed, kept);
  return { ...widget, options: kept, trainer, progress: trainer.progress };
}

function defaultsOf<S extends StateSpec>(spec: S): StateOf<S> {
  return Object.fromEntries(Object.entries(spec).map(([k, f]) => [k, f.default])) as StateOf<S>;
}

/**
 * The reader's own input for a trained model: parsed from the field's text, then run through the
 * current model (again as it trains, see `useModelQuery`).
 *
 * @param parse the model task's parser; it throws a short message for malformed text
 * @param key a string identifying a parsed input (equal inputs, equal keys)
 * @param skip true when the model need not be asked (e.g. the input is the probe every report carries)
 * @returns the parsed input (null when malformed), the message for a malformed or refused input,
 *   and the model's latest answer with the input it answers
 */
export function useTrainedQuery<Parsed extends Input, Input, Output>(
  trainer: Trainer<Input, Output>,
  text: string,
  parse: (text: string) => Parsed,
  key: (input: Parsed) => string,
  skip: (input: Parsed) => boolean = () => false,
): { input: Parsed | null; error: string | undefined; answer: Output | null; answered: Input | null } {
  let input: Parsed | null = null;
  let parseError: string | undefined;
  try {
    input = parse(text);
  } catch (e) {
    parseError = (e as Error).message;
  }
  const k = input === null ? "" : key(input);
  const asked = input !== null && !skip(input) ? input : null;
  const { answer, answered, error } = useModelQuery<Input, Output>(trainer.query, asked, k, trainer.progress);
  return { input, error: parseError ?? error, answer, answered };
}

interface FrameProps<S extends TrainingSpec, Input, Output> {
  widget: TrainingWidget<S, Input, Output, unknown>;
  /** A prefix for element ids, unique on the page. */
  idPrefix: string;
  /** Extra classes of the widget's root element (beside `trainer`). */
  class?: string;
  /** The widget's own controls (variant, options), shown before the seed. */
  controls?: ComponentChildren;
  /** The speed to start at (default "fast"). */
  defaultSpeed?: Speed;
  /** The loss and accuracy chart: its accessible name, loss axis title, and named series if any. */
  chart: {
    label: string;
    lossLabel?: string;
    series?: { key: string; label: string; color?: string }[];
    accuracy?: boolean;
  };
  /** Figures drawn beside the chart (e.g. the live attention matrix). */
  figures?: ComponentChildren;
  /** What comes after the chart. */
  after?: ComponentChildren;
  /** The widget's body: query field, answer, figures of its own. */
  children?: ComponentChildren;
}

/**
 * The root element of a training widget, with the frame's parts around `children`: controls,
 * progress and status on top; `figures` and the live chart below; then `after`.
 */
export function TrainerFrame<S extends TrainingSpec, Input, Output>({
  widget,
  idPrefix,
  class: extra,
  controls,
  defaultSpeed,
  chart,
  figures,
  after,
  children,
}: FrameProps<S, Input, Output>) {
  const { ref, trainer, progress, state, set } = widget;
  return (
    <div ref={ref} class={extra ? `trainer ${extra}` : "trainer"}>
      <TrainingControls
        trainer={trainer}
        progress={progress}
        seed={state.seed}
        onSeed={(v) => set("seed", v as StateOf<S>["seed"])}
        idPrefix={idPrefix}
        defaultSpeed={defaultSpeed}
      >
        {controls}
      </TrainingControls>
      {children}
      <div class="trainer-figures">
        {figures}
        <TrainingChart history={trainer.history} {...chart} />
      </div>
      {after}
    </div>
  );
}
