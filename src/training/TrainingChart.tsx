import type { HistoryPoint } from "../../lib/models/trainingModel";
import { LineChart, type LineSeries } from "../widgets/primitives/charts/LineChart";
import { lossText, percent } from "../widgets/primitives/format";

interface Props {
  history: HistoryPoint[];
  /** Accessible name, e.g. "Loss and held-out accuracy of the reversal model". */
  label: string;
  /** Draw the named `series` (variants trained side by side) instead of training/held-out loss. */
  series?: { key: string; label: string; color?: string }[];
  /** Draw the held-out accuracy panel (default true). */
  accuracy?: boolean;
  /** What the loss is, for the axis, e.g. "cross-entropy (nats)". */
  lossLabel?: string;
}

/** The loss axis before any step: a log scale needs positive bounds. */
const EMPTY_LOSS: [number, number] = [0.1, 10];

/**
 * The live loss (log scale) and held-out accuracy curves of a run, drawn with the site's
 * `LineChart` (each chart's summary and table are its text alternative). A sentence under the
 * charts gives the latest numbers.
 */
export function TrainingChart({ history, label, series, accuracy = true, lossLabel = "loss" }: Props) {
  const lossSeries: LineSeries[] = series
    ? series.map((s, i) => ({
        id: s.key,
        label: s.label,
        tone: ((i % 3) + 1) as 1 | 2 | 3,
        colour: s.color,
        points: history.flatMap((p) => {
          const v = p.series?.[s.key];
          return v !== undefined && v > 0 && Number.isFinite(v) ? [{ x: p.step, y: v }] : [];
        }),
      }))
    : [
        {
          id: "training",
          label: "training",
          points: history.filter((p) => p.step > 0 && p.loss > 0).map((p) => ({ x: p.step, y: p.loss })),
        },
        {
          id: "held-out",
          label: "held-out",
          tone: 2,
          points: history.flatMap((p) =>
            p.heldOutLoss !== undefined && p.heldOutLoss > 0 ? [{ x: p.step, y: p.heldOutLoss }] : [],
          ),
        },
      ];
  const hasLoss = lossSeries.some((s) => s.points.length > 0);
  const accPoints = history.flatMap((p) => (p.accuracy === undefined ? [] : [{ x: p.step, y: p.accuracy }]));

  const last = history[history.length - 1];
  const heldOut = [
    ...(!series && last?.heldOutLoss !== undefined ? [`held-out loss ${fmt(last.heldOutLoss)}`] : []),
    ...(accuracy && last?.accuracy !== undefined ? [`held-out accuracy ${percent(last.accuracy, 1)}`] : []),
  ];
  // Step 0 has no training loss (no step has run): only the held-out evaluation, if drawn.
  const summary =
    !last || last.step === 0
      ? `No training steps yet${heldOut.length ? `; before training: ${heldOut.join(", ")}` : ""}.`
      : `After ${last.step} steps: ` +
        [
          ...(series
            ? series.map((s) => `${s.label} loss ${fmt(last.series?.[s.key])}`)
            : [`training loss ${fmt(last.loss)}`]),
          ...heldOut,
        ].join(", ") +
        ".";
  // The tables list at most about a dozen points, the latest always among them; a point with
  // nothing to show in them (step 0 of named series without accuracy) is left out.
  const listed = history.filter((p) => !series || accuracy || p.step > 0);
  const shown =
    listed.length > 12
      ? listed.filter((_, i) => i % Math.ceil(listed.length / 12) === 0 || i === listed.length - 1)
      : listed;
  const stepAxis = { label: "step", integer: true, domain: last ? undefined : ([0, 1] as [number, number]) };
  return (
    <div class="trainer-chart">
      <LineChart
        name="loss"
        label={`${label}: ${series ? "training loss" : "loss"} (log scale)`}
        summary={`${label}. ${summary}`}
        series={lossSeries}
        x={stepAxis}
        y={{ label: lossLabel, type: "log", domain: hasLoss ? undefined : EMPTY_LOSS }}
        table={{
          name: "history",
          columns: [
            "step",
            ...(series ? series.map((s) => `${s.label} loss`) : ["training loss", "held-out loss"]),
            ...(accuracy ? ["held-out accuracy"] : []),
          ],
          rows: shown.map((p) => [
            p.step,
            ...(series ? series.map((s) => fmt(p.series?.[s.key])) : [fmt(p.loss), fmt(p.heldOutLoss)]),
            ...(accuracy ? [p.accuracy === undefined ? "" : percent(p.accuracy, 1)] : []),
          ]),
        }}
      />
      {accuracy && (
        <LineChart
          name="accuracy"
          label={`${label}: held-out accuracy`}
          summary={
            accPoints.length
              ? `Held-out accuracy: ${shown
                  .flatMap((p) =>
                    p.accuracy === undefined ? [] : [`${percent(p.accuracy, 1)} at step ${p.step}`],
                  )
                  .join(", ")}.`
              : "Held-out accuracy: not evaluated yet."
          }
          series={[{ id: "accuracy", label: "held-out accuracy", points: accPoints }]}
          x={stepAxis}
          y={{
            label: "held-out accuracy",
            domain: [0, 1],
            ticks: [0, 0.25, 0.5, 0.75, 1],
            format: (v) => percent(v),
          }}
          table={{
            name: "accuracy",
            columns: ["step", "held-out accuracy"],
            rows: shown.flatMap((p) => (p.accuracy === undefined ? [] : [[p.step, percent(p.accuracy, 1)]])),
          }}
        />
      )}
      <p class="trainer-chart-summary">{summary}</p>
    </div>
  );
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "–" : lossText(v);
}
