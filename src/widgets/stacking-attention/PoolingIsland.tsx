import { useMemo } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { EquationPicker } from "../primitives/EquationPicker";
import { indices } from "../primitives/NumberSelect";
import { NumberTable } from "../primitives/NumberTable";
import { RangeField } from "../primitives/RangeField";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { dec } from "../primitives/parseList";
import { ConvPanel } from "./ConvPanel";
import { ScrollBox } from "../primitives/ScrollBox";
import { ASPECTS, FEATURES } from "./lexicon";
import { type PoolView, computePool, poolSpec, poolTex } from "./poolingModel";
import { SelectField, optionsOf } from "../primitives/SelectField";

type Num = "kappa" | "lambda" | "k";
const SLIDERS: {
  key: Num;
  label: string;
  min: number;
  max: number;
  step: number;
  show: (v: number) => string;
}[] = [
  {
    key: "lambda",
    label: "Memory λ of the recurrent encoder",
    min: 0,
    max: 0.95,
    step: 0.05,
    show: (v) => `λ = ${v}`,
  },
  {
    key: "kappa",
    label: "Strength κ of the context vector",
    min: 0,
    max: 10,
    step: 0.5,
    show: (v) => `κ = ${v}`,
  },
  { key: "k", label: "Convolution width k", min: 1, max: 4, step: 1, show: (v) => `k = ${v}` },
];

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** One sentence, pooled three ways from recurrent states, and max vs attention pooling over a convolution. */
export default function PoolingIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(poolSpec);
  const outcome = useMemo(() => computePool(state), [state]);
  const v = useLastGood<PoolView>(outcome.ok ? outcome.view : undefined);
  const error = outcome.ok ? undefined : outcome.error;
  return (
    <div ref={ref} class="pool">
      <div class="matrix-field">
        <label for="pool-text">Sentence (up to 25 words)</label>
        <input
          id="pool-text"
          type="text"
          value={state.text}
          aria-invalid={error ? "true" : "false"}
          aria-describedby="pool-text-error"
          onInput={(e) => set("text", (e.target as HTMLInputElement).value)}
        />
        <FieldMessage id="pool-text-error" error={error} kept="result" />
      </div>
      <div class="widget-controls">
        <SelectField
          label="Context vector"
          value={state.aspect}
          options={optionsOf(ASPECTS)}
          onValue={(v) => set("aspect", v)}
        />
        {SLIDERS.map((s) => (
          <span class="pool-slider">
            <RangeField
              id={`pool-${s.key}`}
              label={s.label}
              min={s.min}
              max={s.max}
              step={s.step}
              value={state[s.key]}
              output={s.show}
              outputName={s.key}
              onValue={(v) => set(s.key, v)}
            />
          </span>
        ))}
        <button type="button" onClick={() => set("seed", (state.seed + 1) % 100000)}>
          New embedding noise
        </button>
        <span data-output="seed">seed {state.seed}</span>
      </div>
      {v && (
        <>
          <h4 class="pool-sub">Pooling recurrent states</h4>
          <p
            class="pool-words"
            aria-label={`Attention weights over the states: ${v.words.map((w, t) => `${w} ${dec(v.seqWeights[t], 2)}`).join(", ")}`}
          >
            {v.words.map((w, t) => (
              <span
                class="pool-word"
                style={{
                  background: `color-mix(in srgb, var(--accent) ${Math.round(v.seqWeights[t] * 45)}%, transparent)`,
                }}
              >
                {w}
                <small>{dec(v.seqWeights[t], 2)}</small>
              </span>
            ))}
          </p>
          <ScrollBox label="Sentence vectors table">
            <NumberTable
              name="seq-pool"
              caption="Sentence vectors"
              data={v.seq}
              rowLabels={["last state", "mean of states", "attention"]}
              colLabels={[...FEATURES]}
            />
          </ScrollBox>
          <EquationPicker
            selects={[
              {
                label: "Word in the equation",
                value: v.word,
                options: indices(v.words.length),
                show: (t) => `${t + 1}. ${v.words[t]}`,
                onValue: (t) => set("word", t),
              },
            ]}
            tex={poolTex(v)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Equation for word ${v.word + 1}, ${v.words[v.word]}, with its numbers`}
          />
          <h4 class="pool-sub">After a convolution: max pooling or attention pooling</h4>
          {v.convError && (
            <p class="field-error" role="alert">
              {v.convError}
            </p>
          )}
          {v.conv && <ConvPanel conv={v.conv} />}
        </>
      )}
    </div>
  );
}
