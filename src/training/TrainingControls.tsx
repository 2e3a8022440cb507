import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { SeedInput } from "../widgets/primitives/SeedInput";
import { accuracyText, fixed, lossText } from "../widgets/primitives/format";
import { SPEEDS, type Speed } from "./speed";
import type { Progress } from "./protocol";
import type { TrainerCommands } from "./useTrainer";
import { SelectField, optionsOf } from "../widgets/primitives/SelectField";

interface Props {
  trainer: TrainerCommands;
  progress: Progress | null;
  seed: number;
  onSeed: (seed: number) => void;
  /** A prefix for element ids, unique on the page. */
  idPrefix: string;
  /** Extra controls (e.g. the attention variant), shown before the seed. */
  children?: ComponentChildren;
  /** The speed to start at (default "fast"): a short run is easier to watch at a fixed rate. */
  defaultSpeed?: Speed;
}

const SPEED_LABELS: Record<Speed, string> = {
  slow: `slow (${SPEEDS.slow} steps/s)`,
  medium: `medium (${SPEEDS.medium} steps/s)`,
  fast: "as fast as it goes",
};

/** Seconds as "12 s" or "2 min 5 s". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "unknown";
  const r = Math.max(0, Math.round(s));
  return r < 60 ? `${r} s` : `${Math.floor(r / 60)} min ${r % 60} s`;
}

/** One line for the status region: step, losses, accuracy and speed. */
export function progressText(p: Progress | null): string {
  if (!p) return "Starting the training worker…";
  const acc = Number.isFinite(p.accuracy) ? accuracyText(p.accuracy) : "not measured";
  const loss = Number.isFinite(p.loss) ? lossText(p.loss) : "none yet";
  const state = { idle: "Not trained yet", training: "Training", paused: "Paused", done: "Done" }[p.state];
  return `${state}: step ${p.step} of ${p.maxSteps}, training loss ${loss}, held-out accuracy ${acc}.`;
}

/**
 * Train/Pause, Step, Reset, Seed and Speed for a training widget, with a progress bar that shows
 * the steps done and an estimate of the time left.
 */
export function TrainingControls({
  trainer,
  progress,
  seed,
  onSeed,
  idPrefix,
  children,
  defaultSpeed = "fast",
}: Props) {
  const [speed, setSpeed] = useState<Speed>(defaultSpeed);
  // The worker starts at "fast"; once it has answered (so it exists), tell it the starting speed.
  const ready = progress !== null;
  useEffect(() => {
    if (ready && speed !== "fast") trainer.setSpeed(speed);
  }, [ready]);
  const state = progress?.state ?? "idle";
  const running = state === "training";
  const done = state === "done";
  const eta =
    running && Number.isFinite(progress?.etaSeconds)
      ? `about ${formatSeconds(progress!.etaSeconds)} left at ${fixed(progress!.stepsPerSecond, 0)} steps/s`
      : done
        ? "finished"
        : "";
  return (
    <div class="trainer-controls">
      <div class="widget-controls">
        {children}
        <SeedInput label="Seed" value={seed} max={1_000_000} step="1" onSeed={onSeed} />
        <SelectField
          label="Speed"
          value={speed}
          options={optionsOf(Object.keys(SPEEDS) as Speed[], (s) => SPEED_LABELS[s])}
          onValue={(v) => {
            setSpeed(v);
            trainer.setSpeed(v);
          }}
        />
      </div>
      <div class="widget-controls" role="group" aria-label="Training">
        <button
          type="button"
          class="trainer-train"
          aria-pressed={running ? "true" : "false"}
          disabled={!progress || done}
          onClick={() => (running ? trainer.pause() : trainer.train())}
        >
          {running ? "Pause" : state === "paused" ? "Resume" : "Train"}
        </button>
        <button type="button" disabled={!progress || done || running} onClick={() => trainer.step()}>
          Step (one batch)
        </button>
        <button type="button" disabled={!progress} onClick={() => trainer.reset()}>
          Reset weights
        </button>
      </div>
      <div class="trainer-progress">
        <label for={`${idPrefix}-progress`}>Steps</label>
        <progress id={`${idPrefix}-progress`} max={progress?.maxSteps ?? 1} value={progress?.step ?? 0}>
          {progress ? `${progress.step} of ${progress.maxSteps}` : ""}
        </progress>
        <span data-output="steps">
          {progress ? `${progress.step} / ${progress.maxSteps}` : "…"}
          {eta && ` · ${eta}`}
        </span>
      </div>
      <p class="trainer-status" role="status" data-output="status">
        {progressText(progress)}
      </p>
      {trainer.error && (
        <p class="field-message" role="alert">
          {trainer.error}
        </p>
      )}
    </div>
  );
}
