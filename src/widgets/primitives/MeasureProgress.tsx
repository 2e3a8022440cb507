import type { WorkerMeasure } from "./useWorkerMeasure";

interface Props {
  /** The measurement from `useWorkerMeasure`. */
  measure: WorkerMeasure<unknown>;
  total: number;
  /** A unique id for the progress bar (its label points at it). */
  id: string;
  /** What one part is, plural, e.g. "lengths" → "12 of 24 lengths measured". */
  unit: string;
}

/**
 * A worker measurement's progress: a labelled progress bar, "n of N <unit> measured", a Cancel
 * button while it runs, and "Measure again" after Cancel or an error.
 */
export function MeasureProgress({ measure, total, id, unit }: Props) {
  const done = measure.parts.length;
  const status = measure.error
    ? `Stopped: ${measure.error}`
    : measure.cancelled
      ? `Cancelled: ${done} of ${total} ${unit} measured`
      : `${done} of ${total} ${unit} measured`;
  return (
    <p class="measure-progress">
      <label for={id}>Progress</label> <progress id={id} max={total} value={done} />{" "}
      <output data-output="progress">{status}</output>{" "}
      {measure.busy ? (
        <button type="button" onClick={() => measure.cancel()}>
          Cancel
        </button>
      ) : measure.cancelled || measure.error ? (
        <button type="button" onClick={() => measure.restart()}>
          Measure again
        </button>
      ) : null}
    </p>
  );
}
