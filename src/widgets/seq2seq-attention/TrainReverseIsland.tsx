import type { ReversalAttention, ReversalOptions, ReversalOutput } from "../../../lib/models/reversal";
import { parseDigits } from "../../../lib/models/reversalTask";
import { AttentionView } from "../../training/AttentionView";
import { TrainingChart } from "../../training/TrainingChart";
import { QueryField } from "../../training/QueryField";
import { TrainingControls } from "../../training/TrainingControls";
import { useModelQuery } from "../../training/useModelQuery";
import { useTrainer } from "../../training/useTrainer";
import { VariantChoice } from "../../training/VariantChoice";
import { LinkErrors } from "../primitives/LinkErrors";
import { fields } from "../primitives/urlState";
import { useWidget } from "../primitives/useWidget";

const spec = {
  attention: fields.choice<ReversalAttention>("luong", ["bahdanau", "luong"]),
  seed: fields.int(1, 0, 1_000_000),
  input: fields.text("3 1 4 1 5 9 2 6", 64),
};

const createWorker = () =>
  new Worker(new URL("./reverse.worker.ts", import.meta.url), { type: "module", name: "reversal" });

/** Train a GRU encoder-decoder with attention to reverse digit sequences, in a Web Worker. */
export default function TrainReverseIsland() {
  const { ref, state, set, linkErrors } = useWidget("rev", spec);
  const trainer = useTrainer<ReversalOptions, number[], ReversalOutput>(ref, createWorker, state.seed, {
    attention: state.attention,
  });
  const { progress } = trainer;
  let digits: number[] | null = null;
  let parseError: string | undefined;
  try {
    digits = parseDigits(state.input);
  } catch (e) {
    parseError = (e as Error).message;
  }
  const key = digits?.join(" ") ?? "";

  // The probe sequence needs no query: every progress report carries the model's output on it.
  const isProbe = progress !== null && key === progress.view.input.join(" ");
  const { answer, error: queryError } = useModelQuery<number[], ReversalOutput>(
    trainer.query,
    isProbe ? null : digits,
    key,
    progress,
  );
  const inputError = parseError ?? queryError;
  const shown = (isProbe ? progress?.view : answer) ?? progress?.view ?? null;
  const outTokens = shown ? [...shown.output.map(String), ...(shown.ended ? ["EOS"] : [])] : [];
  const want = shown ? [...shown.input].reverse() : [];
  const right = shown ? want.filter((d, i) => shown.output[i] === d).length : 0;
  const exact = shown !== null && shown.ended && shown.output.length === want.length && right === want.length;

  return (
    <div ref={ref} class="trainer">
      <LinkErrors errors={linkErrors} />
      <TrainingControls
        trainer={trainer}
        progress={progress}
        seed={state.seed}
        onSeed={(v) => set("seed", v)}
        idPrefix="rev"
      >
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
      </TrainingControls>
      <QueryField
        id="rev-input-msg"
        label="Your sequence"
        value={state.input}
        error={inputError}
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
      <div class="trainer-figures">
        {shown && (
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
        )}
        <TrainingChart
          history={trainer.history}
          label="Loss and held-out accuracy"
          lossLabel="cross-entropy (nats)"
        />
      </div>
    </div>
  );
}
