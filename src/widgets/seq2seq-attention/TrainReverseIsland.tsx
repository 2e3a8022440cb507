import type { ReversalAttention, ReversalOptions, ReversalOutput } from "../../../lib/models/reversal";
import { parseDigits } from "../../../lib/models/reversalTask";
import { AttentionView } from "../../training/AttentionView";
import { QueryField } from "../../training/QueryField";
import { TrainerFrame, useTrainedQuery, useTrainingWidget } from "../../training/TrainerFrame";
import { useThrottled } from "../../training/useThrottled";
import { VariantChoice } from "../../training/VariantChoice";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { fields, limited } from "../primitives/urlState";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { reverseCells, reverseSummary, reverseTex } from "./reverseEquation";

export const spec = {
  attention: fields.choice<ReversalAttention>("luong", ["bahdanau", "luong"]),
  seed: fields.int(1, 0, 1_000_000),
  input: fields.text("3 1 4 1 5 9 2 6", { maxLength: 40, ascii: true }),
  /** The output step whose equation is written out (1-based; at most the longest output, 8 + EOS). */
  step: fields.int(1, 1, 9),
};

const createWorker = () =>
  new Worker(new URL("./reverse.worker.ts", import.meta.url), { type: "module", name: "reversal" });

/** Train a GRU encoder-decoder with attention to reverse digit sequences, in a Web Worker. */
export default function TrainReverseIsland() {
  const w = useTrainingWidget<typeof spec, ReversalOptions, number[], ReversalOutput>(
    spec,
    createWorker,
    (s) => ({ attention: s.attention }),
  );
  const { state, set, progress } = w;
  // The probe sequence needs no query: every progress report carries the model's output on it.
  const isProbe = (d: number[]) => progress !== null && d.join(" ") === progress.view.input.join(" ");
  const q = useTrainedQuery(
    w.trainer,
    state.input,
    limited(spec.input, "The sequence", parseDigits),
    (d) => d.join(" "),
    isProbe,
  );
  const shown = (q.input && isProbe(q.input) ? progress?.view : q.answer) ?? progress?.view ?? null;
  const outTokens = shown ? [...shown.output.map(String), ...(shown.ended ? ["EOS"] : [])] : [];
  const want = shown ? [...shown.input].reverse() : [];
  const right = shown ? want.filter((d, i) => shown.output[i] === d).length : 0;
  const exact = shown !== null && shown.ended && shown.output.length === want.length && right === want.length;
  const rows = shown?.attention.length ?? 0;
  const t = Math.min(state.step, rows);
  // Typesetting is the page's largest task: while the model trains, the equation follows it at most
  // once a second (paused or done, at once).
  const equationTex = useThrottled(
    shown && t >= 1 ? reverseTex(shown, t, state.attention) : "",
    progress?.state === "training" ? 1000 : 0,
  );
  useOpenNotebook(
    w.ref,
    () => (shown && t >= 1 ? reverseCells(shown, t, progress?.step ?? 0) : null),
    "the trained reversal model",
    "The model has not answered yet; wait for the first report, then open it in the notebook.",
  );

  return (
    <TrainerFrame
      widget={w}
      idPrefix="rev"
      controls={
        <VariantChoice
          legend="Attention (changing it starts again)"
          name="rev-attention"
          value={state.attention}
          options={[
            ["bahdanau", "Bahdanau (additive)"],
            ["luong", "Luong (general)"],
          ]}
          onChange={(v) => set("attention", v)}
        />
      }
      chart={{ label: "Loss and held-out accuracy", lossLabel: "cross-entropy (nats)" }}
      figures={
        shown && (
          <AttentionView
            weights={shown.attention}
            rows={
              outTokens.length === shown.attention.length
                ? outTokens
                : shown.attention.map((_, t) => String(t + 1))
            }
            cols={shown.input.map(String)}
            rowLabel="output"
            colLabel="input"
            label="Attention weights"
            caption={`Attention while writing each output token, at step ${progress?.step ?? 0}. A trained model reads the input backwards: the anti-diagonal.`}
          />
        )
      }
    >
      <QueryField
        id="rev-input-msg"
        label="Your sequence"
        value={state.input}
        error={q.error}
        onValue={(v) => set("input", v)}
        input={{ inputMode: "numeric" }}
      />
      {shown && (
        <p class="trainer-answer" data-output="answer">
          {shown.input.join(" ")} → {outTokens.join(" ") || "(nothing)"}{" "}
          <span data-output="verdict">
            {exact
              ? "(correct)"
              : `(${right} of ${want.length} digits in the right place${shown.ended ? "" : ", no EOS"})`}
          </span>
        </p>
      )}
      {shown && t >= 1 && (
        <div class="trainer-equation">
          <div class="widget-controls">
            <RangeField
              id="rev-step"
              label="Output step"
              min={1}
              max={rows}
              value={t}
              valueText={(v) => `output step ${v} of ${rows}`}
              output={(v) => (
                <>
                  {v} of {rows}
                </>
              )}
              outputName="out-step"
              onValue={(v) => set("step", v)}
            />
          </div>
          <p data-output="step-summary">{reverseSummary(shown, t)}</p>
          <LiveEquation
            tex={equationTex}
            label={`Output step ${t}: energies and weights with the model's numbers. ${reverseSummary(shown, t)}`}
          />
        </div>
      )}
    </TrainerFrame>
  );
}
