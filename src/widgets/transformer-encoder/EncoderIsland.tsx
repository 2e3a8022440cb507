import { useMemo, useRef } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { EquationPicker } from "../primitives/EquationPicker";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { NumberTable } from "../primitives/NumberTable";
import { useWidget } from "../primitives/useWidget";
import { SeedInput } from "../primitives/SeedInput";
import { type EncoderParts, type Stage, computeEncoder, encoderSpec, encoderTex } from "./encoderModel";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** Step through one encoder layer, stage by stage, with the numbers of each stage. */
export default function EncoderIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(encoderSpec);
  const outcome = useMemo(() => computeEncoder(state), [state]);
  const last = useRef<{ stages: Stage[]; tokens: string[]; parts: EncoderParts } | null>(null);
  if (outcome.ok) last.current = outcome;
  const { stages, tokens, parts } = last.current!;
  const tokenRow = Math.min(state.row, tokens.length - 1);
  const st = stages[state.step];
  const rows =
    st.data.length === tokens.length
      ? tokens
      : [...tokens.map((t) => `h1: ${t}`), ...tokens.map((t) => `h2: ${t}`)];
  return (
    <div ref={ref} class="enc">
      <div class="widget-controls">
        <label>
          Words (2–6)
          <input
            type="text"
            value={state.text}
            aria-invalid={outcome.ok ? "false" : "true"}
            aria-describedby="enc-error"
            onInput={(e) => set("text", (e.target as HTMLInputElement).value)}
          />
        </label>
        <SeedInput label="Seed" value={state.seed} max={99999} onSeed={(v) => set("seed", v)} />
      </div>
      <FieldMessage id="enc-error" error={outcome.ok ? undefined : outcome.error} kept="input" />
      <div class="widget-controls">
        <button type="button" disabled={state.step === 0} onClick={() => set("step", state.step - 1)}>
          ← Previous stage
        </button>
        <NumberSelect
          label="Stage"
          value={state.step}
          options={indices(stages.length)}
          show={(i) => `${i + 1}. ${stages[i].name}`}
          onValue={(i) => set("step", i)}
        />
        <button
          type="button"
          disabled={state.step === stages.length - 1}
          onClick={() => set("step", state.step + 1)}
        >
          Next stage →
        </button>
      </div>
      <ol class="enc-pipeline" aria-label="Stages of the layer">
        {stages.map((s, i) => (
          <li aria-current={i === state.step ? "step" : undefined}>{s.name}</li>
        ))}
      </ol>
      <div
        class="enc-stage"
        aria-live="polite"
        data-stage={state.step}
        role="region"
        aria-label="Numbers of the current stage"
        tabIndex={0}
      >
        <p>
          <strong>{st.name}</strong>: <code>{st.formula}</code>
        </p>
        <NumberTable name="stage" caption={st.note} data={st.data} rowLabels={rows} colLabels={st.cols} />
      </div>
      <EquationPicker
        selects={[
          {
            label: "Token in the equation",
            value: tokenRow,
            options: indices(tokens.length),
            show: (i) => `${i + 1}. ${tokens[i]}`,
            onValue: (i) => set("row", i),
          },
        ]}
        tex={encoderTex(parts, tokens, state.step, tokenRow)}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Equation of stage ${state.step + 1}, ${st.name}, for token ${tokenRow + 1}, ${tokens[tokenRow]}, with its numbers`}
      />
    </div>
  );
}
