import { useMemo, useRef } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { LinkErrors } from "../primitives/LinkErrors";
import { NumberTable } from "../primitives/NumberTable";
import { useWidget } from "../primitives/useWidget";
import { SeedInput } from "../primitives/SeedInput";
import { type Stage, computeEncoder, encoderSpec } from "./encoderModel";

/** Step through one encoder layer, stage by stage, with the numbers of each stage. */
export default function EncoderIsland() {
  const { ref, state, set, linkErrors } = useWidget("enc", encoderSpec);
  const outcome = useMemo(() => computeEncoder(state), [state]);
  const last = useRef<{ stages: Stage[]; tokens: string[] } | null>(null);
  if (outcome.ok) last.current = outcome;
  const { stages, tokens } = last.current!;
  const st = stages[state.step];
  const rows =
    st.data.length === tokens.length
      ? tokens
      : [...tokens.map((t) => `h1: ${t}`), ...tokens.map((t) => `h2: ${t}`)];
  return (
    <div ref={ref} class="enc">
      <LinkErrors errors={linkErrors} />
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
        <label>
          Stage
          <select
            value={String(state.step)}
            onChange={(e) => set("step", Number((e.target as HTMLSelectElement).value))}
          >
            {stages.map((s, i) => (
              <option value={String(i)}>
                {i + 1}. {s.name}
              </option>
            ))}
          </select>
        </label>
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
    </div>
  );
}
