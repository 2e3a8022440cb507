import { useEffect, useState } from "preact/hooks";
import type {
  PointerNetAnswer,
  PointerNetOptions,
  PointerNetOutput,
  PointerNetQuery,
  PointerNetReport,
} from "../../../lib/models/pointerNet";
import { parseUnitList } from "../../../lib/models/sortTask";
import { AttentionView } from "../../training/AttentionView";
import { QueryField } from "../../training/QueryField";
import { TrainerFrame, useTrainedQuery, useTrainingWidget } from "../../training/TrainerFrame";
import { useThrottled } from "../../training/useThrottled";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { accuracyText, formats } from "../primitives/format";
import { fields, limited } from "../primitives/urlState";
import { ScrollBox } from "../primitives/ScrollBox";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { PointerArrows, short } from "./PointerArrows";
import { ptrNetCells, ptrNetSummary, ptrNetTex } from "./trainPointerEquation";

export const spec = {
  mask: fields.bool(true),
  seed: fields.int(1, 0, 1_000_000),
  input: fields.text("0.62 0.18 0.91 0.44 0.07", { maxLength: 160, ascii: true }),
  step: fields.int(1, 1, 12),
};

const createWorker = () =>
  new Worker(new URL("./pointer.worker.ts", import.meta.url), { type: "module", name: "pointer" });

const pct = accuracyText;

/** Train a pointer network to sort in a Web Worker; query it with the reader's own list. */
export default function TrainPointerIsland() {
  const w = useTrainingWidget<typeof spec, PointerNetOptions, PointerNetQuery, PointerNetAnswer>(
    spec,
    createWorker,
    (s) => ({ mask: s.mask }),
  );
  const { state, set, progress, trainer } = w;
  const [report, setReport] = useState<PointerNetReport | null>(null);
  const [measuring, setMeasuring] = useState(false);

  const view = progress?.view.kind === "sort" ? progress.view : null;
  // The probe list needs no query: every progress report carries the model's pointers on it.
  const isProbe = (xs: number[]) => view !== null && xs.join(" ") === view.xs.join(" ");
  const q = useTrainedQuery(
    trainer,
    state.input,
    limited(spec.input, "The list", parseUnitList),
    (xs) => xs.join(" "),
    isProbe,
  );
  const asked = q.answer?.kind === "sort" ? q.answer : null;
  const shown: PointerNetOutput | null = (q.input && isProbe(q.input) ? view : asked) ?? view;
  const n = shown?.xs.length ?? 0;
  const t = Math.min(state.step, n) - 1;
  const heldOut = view?.heldOut ?? null;
  // Typesetting is the page's largest task: while the model trains, the equation follows it at most
  // once a second (paused or done, at once).
  const equationTex = useThrottled(
    shown && t >= 0 ? ptrNetTex(shown, t + 1) : "",
    progress?.state === "training" ? 1000 : 0,
  );
  useOpenNotebook(
    w.ref,
    () => (shown && t >= 0 ? ptrNetCells(shown, t + 1, progress?.step ?? 0) : null),
    "the trained pointer network",
    "The model has not answered yet; wait for the first report, then open it in the notebook.",
  );
  // A report from before a reset (or from another seed or variant) is dropped.
  useEffect(() => setReport(null), [state.seed, state.mask]);
  useEffect(() => {
    if (report && progress && progress.step < report.step) setReport(null);
  }, [progress?.step]);

  const measure = () => {
    setMeasuring(true);
    trainer
      .query("measure")
      .then((r) => r.kind === "report" && setReport(r))
      .finally(() => setMeasuring(false));
  };

  const right = shown ? shown.correct.filter(Boolean).length : 0;
  return (
    <TrainerFrame
      widget={w}
      idPrefix="ptrnet"
      class="ptrnet"
      controls={
        <label>
          <input
            type="checkbox"
            checked={state.mask}
            onChange={(e) => set("mask", (e.target as HTMLInputElement).checked)}
          />{" "}
          Mask the positions already chosen (changing it starts again)
        </label>
      }
      chart={{ label: "Loss and held-out accuracy", lossLabel: "cross-entropy (nats)" }}
      after={
        <div class="ptrnet-failures">
          <button type="button" disabled={!progress || measuring} onClick={measure}>
            {measuring ? "Measuring…" : "Measure where it fails"}
          </button>
          {report && (
            <table data-table="failures">
              <caption>
                The model at step {report.step} on lists it was not trained on ({report.rows[0].lists} lists
                each)
              </caption>
              <thead>
                <tr>
                  <th scope="col">lists</th>
                  <th scope="col">what is special</th>
                  <th scope="col">steps right</th>
                  <th scope="col">lists exactly right</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    <td>{r.note}</td>
                    <td>{pct(r.perStep)}</td>
                    <td>{pct(r.exactOrder)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      }
    >
      {heldOut && (
        <p data-output="held-out">
          Held-out lists of 5 (500 lists, greedy decoding) at step {heldOut.step}: {pct(heldOut.perStep)} of
          the steps point at the right value; {pct(heldOut.exactOrder)} of the lists come out in exactly the
          right order.
        </p>
      )}
      <QueryField
        id="ptrnet-input-msg"
        label="Your list (1 to 12 numbers from 0 to 1)"
        value={state.input}
        error={q.error}
        onValue={(v) => set("input", v)}
        input={{ inputMode: "decimal", spellcheck: false }}
      />
      {shown && t >= 0 && (
        <>
          <div class="widget-controls">
            <RangeField
              id="ptrnet-step"
              label="Output step"
              min={1}
              max={n}
              value={t + 1}
              valueText={(v) => `step ${v} of ${n}`}
              output={(v) => (
                <>
                  {v} of {n}
                </>
              )}
              outputName="step"
              onValue={(v) => set("step", v)}
            />
          </div>
          <p data-output="pointer" aria-live="polite">
            Step {t + 1} points at position <strong data-value="choice">{shown.order[t] + 1}</strong> (value{" "}
            {short(shown.xs[shown.order[t]])}) with probability{" "}
            <strong data-value="prob">{formats.weight(shown.pointers[t][shown.order[t]])}</strong>:{" "}
            <span data-value="verdict">
              {shown.correct[t]
                ? "right"
                : `wrong, the next value in order is ${short(shown.xs[shown.want[t]])}`}
            </span>
            .
          </p>
          <p class="trainer-answer" data-output="answer">
            {shown.xs.map(short).join(" ")} → positions {shown.order.map((j) => j + 1).join(" ")}, values{" "}
            {shown.order.map((j) => short(shown.xs[j])).join(" ")}{" "}
            <span data-output="verdict">{right === n ? "(sorted)" : `(${right} of ${n} steps right)`}</span>
          </p>
          <div class="trainer-figures">
            <figure class="ptr-arrows-figure">
              {/* Drawn at its real size, so its labels stay legible; a long list scrolls sideways. */}
              <ScrollBox label="Pointer arrows (scrolls sideways)">
                <PointerArrows
                  xs={shown.xs}
                  pointers={shown.pointers}
                  order={shown.order}
                  correct={shown.correct}
                  step={t}
                />
              </ScrollBox>
              <figcaption>
                Arrows from output step {t + 1} to the input positions, thicker for more probability (1 % or
                more); earlier steps keep a thin arrow to the position they chose. Model at training step{" "}
                {progress?.step ?? 0}.
              </figcaption>
            </figure>
            <AttentionView
              weights={shown.pointers}
              rows={shown.order.map((_, s) => String(s + 1))}
              cols={shown.xs.map((_, j) => String(j + 1))}
              rowLabel="step"
              colLabel="input position"
              label="Pointer distributions"
              tableName="pointers"
              caption="Every step's pointer distribution: row = output step, column = input position. Training turns the blur into one dark cell per row."
            />
          </div>
          <div class="trainer-equation">
            <LiveEquation
              tex={equationTex}
              label={`The pointer's equation at step ${t + 1}, with the model's numbers. ${ptrNetSummary(shown, t + 1)}`}
            />
          </div>
        </>
      )}
    </TrainerFrame>
  );
}
