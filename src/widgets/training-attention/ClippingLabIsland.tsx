import { parseAddingSequence } from "../../../lib/models/addingTask";
import type {
  AddingQuery,
  ClipCell,
  ClipMode,
  ClippingOptions,
  ClippingView,
} from "../../../lib/models/clipping";
import { QueryField } from "../../training/QueryField";
import { TrainerFrame, useTrainedQuery, useTrainingWidget } from "../../training/TrainerFrame";
import { useThrottled } from "../../training/useThrottled";
import { LiveEquation } from "../primitives/LiveEquation";
import { NumberSelect } from "../primitives/NumberSelect";
import { RangeField } from "../primitives/RangeField";
import { percentSpaced, roundDecimals, roundSignificant } from "../primitives/format";
import { fields, limited } from "../primitives/urlState";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { clipCells, clipSummary, clipTex, divergedWhy, factor, num } from "./clipEquation";
import { GradNormChart } from "./GradNormChart";
import { SelectField, type SelectOption } from "../primitives/SelectField";

const CELLS: SelectOption<ClipCell>[] = [
  { value: "tanh", label: "tanh RNN" },
  { value: "janet", label: "JANET" },
  { value: "indrnn", label: "IndRNN" },
];

export const clippingSpec = {
  cell: fields.choice<ClipCell>("tanh", ["tanh", "janet", "indrnn"]),
  optimizer: fields.choice<"sgd" | "adam">("sgd", ["sgd", "adam"]),
  /** log10 of the clipping threshold. */
  logThreshold: fields.number(0, -2, 1),
  seed: fields.int(1, 0, 1_000_000),
  /** The reader's own sequence: LENGTH values, two marked with `*`. */
  input: fields.text(
    "0.42 0.17 0.88* 0.05 0.63 0.31 0.74 0.29 0.56 0.91 0.12 0.48 0.37 0.69* 0.83 0.21 0.60 0.08 0.95 0.33",
    { maxLength: 200, ascii: true },
  ),
  /** The run whose clipping at the last step the equation writes out. */
  run: fields.choice<ClipMode>("norm", ["none", "value", "norm"]),
};

/** Time steps of every sequence in the lab. */
const LENGTH = 20;

const LABELS: Record<ClipMode, string> = {
  none: "no clipping",
  value: "clip by value",
  norm: "clip by norm",
};
/** One colour per run, the same in both charts (mid-tone, legible on the light and the dark theme). */
const COLORS: Record<ClipMode, string> = { none: "#f76707", value: "#ae3ec9", norm: "#1c7ed6" };
const SERIES = (Object.keys(LABELS) as ClipMode[]).map((key) => ({
  key,
  label: LABELS[key],
  color: COLORS[key],
}));

/** The clipping threshold c from its slider (log10 c), to two significant digits. */
const thresholdOf = (log: number) => roundSignificant(10 ** log, 2);

const createWorker = () =>
  new Worker(new URL("./clipping.worker.ts", import.meta.url), { type: "module", name: "clipping" });

const pct = (x: number) => (Number.isFinite(x) ? percentSpaced(x, 0) : "–");

/** One recurrent network on the adding problem, trained three ways side by side in a Web Worker. */
export default function ClippingLabIsland() {
  const w = useTrainingWidget<typeof clippingSpec, ClippingOptions, AddingQuery, ClippingView>(
    clippingSpec,
    createWorker,
    (s) => ({ cell: s.cell, optimizer: s.optimizer, threshold: thresholdOf(s.logThreshold), length: LENGTH }),
  );
  const { state, set, trainer } = w;
  const threshold = thresholdOf(state.logThreshold);
  const view = trainer.progress?.view;
  const {
    answer,
    answered,
    error: inputError,
  } = useTrainedQuery(
    trainer,
    state.input,
    limited(clippingSpec.input, "The sequence", (text) => parseAddingSequence(text, LENGTH)),
    (i) => `${i.values.join(" ")}|${i.marks.join(" ")}`,
  );
  const predictions = answer?.predictions;
  const step = trainer.progress?.step ?? 0;
  const picked = view && view[state.run].grads.length > 0 ? view[state.run] : null;
  // While the runs train, the equation follows them at most once a second (paused or done, at once).
  const equationTex = useThrottled(
    picked ? clipTex(picked, state.run, threshold, step) : "",
    trainer.progress?.state === "training" ? 1000 : 0,
  );
  useOpenNotebook(
    w.ref,
    () => (picked ? clipCells(picked, state.run, threshold, step, `${LABELS[state.run]} run`) : null),
    `the clipping lab's ${LABELS[state.run]} run`,
    picked?.divergedAt != null
      ? `The ${LABELS[state.run]} run diverged at step ${picked.divergedAt}: ${divergedWhy(picked)}. It takes no more steps, so the notebook has nothing to recompute.`
      : "Take a training step first (Step or Train), then open it in the notebook.",
  );

  return (
    <TrainerFrame
      widget={w}
      idPrefix="clip"
      controls={
        <>
          <SelectField label="Cell" value={state.cell} options={CELLS} onValue={(v) => set("cell", v)} />
          <SelectField
            label="Optimiser"
            value={state.optimizer}
            options={[
              { value: "sgd", label: "SGD, momentum 0.9, lr 0.05" },
              { value: "adam", label: "Adam, lr 0.01" },
            ]}
            onValue={(v) => set("optimizer", v)}
          />
          <span class="clip-threshold">
            <RangeField
              id="clip-threshold"
              label="Threshold c"
              min="-2"
              max="1"
              step="0.1"
              value={state.logThreshold}
              valueText={(v) => `c = ${thresholdOf(v)}`}
              output={(v) => <>c = {thresholdOf(v)}</>}
              outputName="threshold"
              onValue={(v) => set("logThreshold", Math.round(v * 10) / 10)}
            />
          </span>
        </>
      }
      chart={{
        label: "Training loss of the three runs",
        series: SERIES,
        accuracy: false,
        lossLabel: "mean squared error",
      }}
      figures={view && <GradNormChart view={view} labels={LABELS} colors={COLORS} />}
    >
      <p class="clip-note">
        Changing the cell, the optimiser or c starts the three runs again from the same weights.
      </p>
      {view && (
        <div class="clip-runs-wrap" role="region" aria-label="The three runs" tabIndex={0}>
          <table class="clip-runs" data-table="runs">
            <caption>
              The three runs at the last evaluation (held-out: 256 sequences never trained on)
            </caption>
            <thead>
              <tr>
                <th scope="col">run</th>
                <th scope="col">held-out MSE</th>
                <th scope="col">within 0.04</th>
                <th scope="col">‖g‖ of the last step</th>
                <th scope="col">status</th>
              </tr>
            </thead>
            <tbody>
              {SERIES.map(({ key, label }) => (
                <tr key={key} data-run={key}>
                  <th scope="row">{label}</th>
                  <td>{num(view[key].heldOutLoss)}</td>
                  <td>{pct(view[key].accuracy)}</td>
                  <td>{num(view[key].totalNorm)}</td>
                  <td>
                    {view[key].divergedAt !== null
                      ? `diverged at step ${view[key].divergedAt}`
                      : key === "none"
                        ? "unclipped"
                        : Number.isFinite(view[key].totalNorm) &&
                            view[key].totalNorm > threshold &&
                            key === "norm"
                          ? `clipped ×${factor(threshold / view[key].totalNorm)}`
                          : "training"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {picked && (
        <div class="trainer-equation">
          <div class="widget-controls">
            <NumberSelect
              label="Run in the equation"
              value={SERIES.findIndex((r) => r.key === state.run)}
              options={SERIES.map((_, k) => k)}
              show={(k) => SERIES[k].label}
              onValue={(k) => set("run", SERIES[k].key)}
            />
          </div>
          <p data-output="clip-summary">{clipSummary(picked, state.run, threshold, step)}</p>
          <LiveEquation
            tex={equationTex}
            label={`The ${LABELS[state.run]} run's gradient at the last step with its numbers. ${clipSummary(picked, state.run, threshold, step)}`}
          />
        </div>
      )}
      <QueryField
        id="clip-input-msg"
        label={`Your sequence (${LENGTH} values from 0 to 1; mark one in each half with *)`}
        value={state.input}
        error={inputError}
        onValue={(v) => set("input", v)}
        input={{ size: 60, spellcheck: false }}
      />
      {predictions && answered && (
        <p class="trainer-answer" data-output="predictions">
          {answered.values[answered.marks[0]]} + {answered.values[answered.marks[1]]} ={" "}
          {roundDecimals(answered.values[answered.marks[0]] + answered.values[answered.marks[1]], 6)}; the
          three runs predict {SERIES.map(({ key, label }) => `${label} ${num(predictions[key])}`).join(", ")}
          {SERIES.some(({ key }) => !Number.isFinite(predictions[key])) ? " (– : the run diverged)" : ""}.
        </p>
      )}
    </TrainerFrame>
  );
}
