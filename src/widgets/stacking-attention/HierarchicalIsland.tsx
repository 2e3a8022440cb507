import { useMemo } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { EquationPicker } from "../primitives/EquationPicker";
import { indices } from "../primitives/NumberSelect";
import { RangeField } from "../primitives/RangeField";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { ScrollBox } from "../primitives/ScrollBox";
import { dec } from "../primitives/parseList";
import { type HanView, computeHan, hanSpec, hanTex } from "./hierarchicalModel";
import { ASPECTS, FEATURES } from "./lexicon";
import { SelectField, optionsOf } from "../primitives/SelectField";

const shade = (w: number) => ({
  background: `color-mix(in srgb, var(--accent) ${Math.round(Math.min(1, w) * 45)}%, transparent)`,
});

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** Word weights inside each sentence and sentence weights over the document, shown together. */
export default function HierarchicalIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(hanSpec);
  const outcome = useMemo(() => computeHan(state), [state]);
  const v = useLastGood<HanView>(outcome.ok ? outcome.view : undefined);
  const error = outcome.ok ? undefined : outcome.error;
  return (
    <div ref={ref} class="han">
      <div class="matrix-field">
        <label for="han-doc">Document (sentences end with . ! ? or a new line)</label>
        <textarea
          id="han-doc"
          rows={3}
          value={state.doc}
          aria-invalid={error ? "true" : "false"}
          aria-describedby="han-doc-error"
          onInput={(e) => set("doc", (e.target as HTMLTextAreaElement).value)}
        />
        <FieldMessage id="han-doc-error" error={error} kept="result" />
      </div>
      <div class="widget-controls">
        <SelectField
          label="Context vector (what the classifier looks for)"
          value={state.aspect}
          options={optionsOf(ASPECTS)}
          onValue={(v) => set("aspect", v)}
        />
        <RangeField
          id="han-kappa"
          label="Strength κ"
          min="0"
          max="10"
          step="0.5"
          value={state.kappa}
          output={(v) => <>κ = {v}</>}
          outputName="kappa"
          onValue={(v) => set("kappa", v)}
        />
        <button type="button" onClick={() => set("seed", (state.seed + 1) % 100000)}>
          New embedding noise
        </button>
        <span data-output="seed">seed {state.seed}</span>
      </div>
      {v && (
        <>
          <ol class="han-doc" aria-label="Sentences with their weights; word weights are in the table below">
            {v.sentences.map((s, i) => (
              <li data-sentence={i}>
                <span class="han-sw">
                  <span class="han-swbar" style={{ width: `${Math.round(v.sentenceWeights[i] * 100)}%` }} />
                  <span class="han-swnum" data-value={`sentence-${i}`}>
                    {dec(v.sentenceWeights[i], 2)}
                  </span>
                </span>
                <span class="han-words">
                  {s.words.map((w, t) => (
                    <span class="han-word" style={shade(s.weights[t])}>
                      {w}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ol>
          <p data-readout="document">
            Document vector [{FEATURES.join(", ")}] = [
            <span data-value="document">{v.document.map((x) => dec(x, 2)).join(", ")}</span>]
          </p>
          <EquationPicker
            selects={[
              {
                label: "Sentence in the equation",
                value: v.sent,
                options: indices(v.sentences.length),
                show: (i) => `sentence ${i + 1}`,
                onValue: (i) => set("sent", i),
              },
            ]}
            tex={hanTex(v)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Equation for sentence ${v.sent + 1} with its numbers`}
          />
          <details>
            <summary>Word and sentence weights as a table</summary>
            <ScrollBox label="Word and sentence weights table">
              <table class="han-table" data-table="han">
                <thead>
                  <tr>
                    <th scope="col">sentence</th>
                    <th scope="col">weight</th>
                    <th scope="col">word weights</th>
                  </tr>
                </thead>
                <tbody>
                  {v.sentences.map((s, i) => (
                    <tr>
                      <th scope="row">{i + 1}</th>
                      <td>{dec(v.sentenceWeights[i])}</td>
                      <td>{s.words.map((w, t) => `${w} ${dec(s.weights[t])}`).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </details>
        </>
      )}
    </div>
  );
}
