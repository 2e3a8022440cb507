import { useEffect, useMemo, useState } from "preact/hooks";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { SeedInput } from "../primitives/SeedInput";
import { useWidget } from "../primitives/useWidget";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { fixed } from "../primitives/format";
import { AttentionLines } from "./AttentionLines";
import { StepDetail } from "./StepDetail";
import { SOURCE, STEPS, TARGET, type Variant, computeS2s, s2sSpec, stepSummary, stepTex } from "./s2sModel";
import { SelectField } from "../primitives/SelectField";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

const TICK_MS = 1200;
const reducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/** Step through a decoder with attention over A B C <EOS>; Bahdanau or Luong; the alignment fills row by row. */
export default function StepDecoderIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(s2sSpec);
  const tr = useMemo(() => computeS2s(state), [state.variant, state.weights, state.seed]);
  const alignment = useMemo(() => tr.result.alignment.toArray(), [tr]);
  const [playing, setPlaying] = useState(false);
  const step = state.step;

  useEffect(() => {
    if (!playing) return;
    if (step >= STEPS) {
      setPlaying(false);
      return;
    }
    const id = setTimeout(() => set("step", step + 1), TICK_MS);
    return () => clearTimeout(id);
  }, [playing, step]);

  const play = () => {
    // With reduced motion, Play shows the end state at once instead of animating through the steps.
    if (reducedMotion()) {
      set("step", STEPS);
      return;
    }
    if (step >= STEPS) set("step", 0);
    setPlaying(true);
  };
  const go = (to: number) => {
    setPlaying(false);
    set("step", Math.max(0, Math.min(STEPS, to)));
  };
  const summary = stepSummary(tr, step);

  return (
    <div ref={ref} class="s2s" data-playing={playing ? "true" : "false"}>
      <div class="widget-controls">
        <fieldset class="s2s-variant">
          <legend>Attention</legend>
          {(
            [
              ["bahdanau", "Bahdanau (additive, previous state)"],
              ["luong", "Luong (general, current state)"],
            ] as [Variant, string][]
          ).map(([v, label]) => (
            <label key={v}>
              <input
                type="radio"
                name="s2s-variant"
                value={v}
                checked={state.variant === v}
                onChange={() => set("variant", v)}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        <SelectField
          label="Weights"
          value={state.weights}
          options={[
            { value: "hand", label: "set by hand (aligned)" },
            { value: "random", label: "random, untrained" },
          ]}
          onValue={(v) => set("weights", v)}
        />
        {state.weights === "random" && (
          <SeedInput
            label="Seed"
            value={state.seed}
            max={1_000_000}
            step="1"
            onSeed={(v) => set("seed", v)}
          />
        )}
      </div>
      <div class="widget-controls s2s-player" role="group" aria-label="Play the decoder">
        <button type="button" onClick={play} aria-pressed={playing ? "true" : "false"}>
          Play
        </button>
        <button type="button" onClick={() => setPlaying(false)}>
          Pause
        </button>
        <button type="button" onClick={() => go(step - 1)} aria-disabled={step === 0 ? "true" : "false"}>
          Back
        </button>
        <button type="button" onClick={() => go(step + 1)} aria-disabled={step === STEPS ? "true" : "false"}>
          Step
        </button>
        <RangeField
          id="s2s-step"
          label="Decoder step"
          min="0"
          max={STEPS}
          step="1"
          value={step}
          valueText={(v) => `${v} of ${STEPS} steps`}
          output={(v) => (
            <>
              {v} / {STEPS}
            </>
          )}
          outputName="step"
          onValue={go}
        />
      </div>
      <p class="s2s-status" role="status" data-output="summary">
        {summary}
      </p>
      <div class="s2s-figures">
        <AttentionLines alignment={alignment} step={step} label={summary} />
        <MatrixGrid
          name="alignment"
          label={`Alignment matrix after ${step} of ${TARGET.length} steps: row t is αₜ over the source words`}
          data={TARGET.map((_, t) => (t < step ? alignment[t] : SOURCE.map(() => null)))}
          rows={[...TARGET]}
          cols={[...SOURCE]}
          rowTitle="target word"
          colTitle="source word"
          palette="sequential"
          domain={[0, 1]}
          legend="weight α"
          format={(a) => fixed(a, 2)}
          missing={{ cell: "·", table: "not yet" }}
          currentRow={step - 1}
        />
      </div>
      <StepDetail tr={tr} step={step} />
      {step > 0 && (
        <LiveEquation
          tex={stepTex(tr, step)}
          initialHtml={initialEquationHtml}
          initialTex={initialEquationTex}
          label={`Equations of step ${step} with their numbers`}
        />
      )}
    </div>
  );
}
