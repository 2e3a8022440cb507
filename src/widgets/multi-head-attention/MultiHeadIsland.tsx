import { useMemo } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { fixed } from "../primitives/format";
import { EquationPicker } from "../primitives/EquationPicker";
import { indices } from "../primitives/NumberSelect";
import { NumberTable } from "../primitives/NumberTable";
import { RangeField } from "../primitives/RangeField";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { SeedInput } from "../primitives/SeedInput";
import {
  D_MODEL,
  HEAD_CHOICES,
  type MultiHeadView,
  computeMultiHead,
  multiHeadSpec,
  multiHeadTex,
  tokenLabels,
} from "./multiHeadModel";
import { SelectField, optionsOf } from "../primitives/SelectField";

const dimLabels = (H: number) =>
  Array.from(
    { length: D_MODEL },
    (_, c) => `h${Math.floor(c / (D_MODEL / H)) + 1}.${(c % (D_MODEL / H)) + 1}`,
  );

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** Split d_model = 8 into 1, 2, 4 or 8 heads and watch each head's weights, the concat and Wᴼ. */
export default function MultiHeadIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(multiHeadSpec);
  const outcome = useMemo(() => computeMultiHead(state), [state]);
  const v = useLastGood<MultiHeadView>(outcome.ok ? outcome.view : undefined);
  const labels = v ? tokenLabels(v.tokens) : [];

  return (
    <div ref={ref} class="mh">
      <div class="mh-field">
        <label for="mh-text">Sentence (3–8 words)</label>
        <input
          id="mh-text"
          type="text"
          value={state.text}
          aria-invalid={outcome.ok ? "false" : "true"}
          aria-describedby="mh-text-error"
          onInput={(e) => set("text", (e.target as HTMLInputElement).value)}
        />
        <FieldMessage id="mh-text-error" error={outcome.ok ? undefined : outcome.error} kept="sentence" />
      </div>
      <div class="widget-controls">
        <SelectField
          label="Number of heads H"
          value={state.heads}
          options={optionsOf(HEAD_CHOICES)}
          onValue={(v) => set("heads", v)}
        />
        <RangeField
          id="mh-beta"
          label="Sharpness β"
          min="0"
          max="120"
          step="5"
          value={state.beta}
          valueText={(v) => `β = ${v}`}
          output={(v) => <>β = {v}</>}
          onValue={(v) => set("beta", v)}
        />
        <SeedInput
          label={
            <>
              Seed of W<sub>v</sub> and Wᴼ
            </>
          }
          value={state.seed}
          max={99999}
          onSeed={(v) => set("seed", v)}
        />
      </div>
      {v && (
        <>
          <p class="mh-count" data-output="params">
            d<sub>model</sub> = {D_MODEL}, H = {v.heads}, d<sub>head</sub> = {D_MODEL}/{v.heads} = {v.dHead}.
            Parameters (W<sub>q</sub>, W<sub>k</sub>, W<sub>v</sub>, Wᴼ and biases):{" "}
            <strong>{v.params}</strong>. The original Transformer (d<sub>model</sub> = 512, H = 8):{" "}
            <strong>{v.paramsPaper.toLocaleString("en")}</strong>.
          </p>
          <div class="mh-heads">
            {v.weightsPerHead.map((w, h) => (
              <div class="mh-head" data-head={h + 1}>
                <p class="mh-head-title">
                  Head {h + 1}: {v.headRules[h]}
                </p>
                <MatrixGrid
                  name={`head-${h + 1}`}
                  palette="sequential"
                  legend="weight"
                  format={(x) => fixed(x, 2)}
                  data={w}
                  label={`Head ${h + 1} weights (${v.headRules[h]})`}
                  rows={labels}
                  cols={labels}
                  rowTitle="query"
                  colTitle="key"
                  domain={[0, 1]}
                />
              </div>
            ))}
          </div>
          <EquationPicker
            selects={[
              {
                label: "Head in the equation",
                value: v.head,
                options: indices(v.headRules.length),
                show: (h) => `head ${h + 1}: ${v.headRules[h]}`,
                onValue: (h) => set("head", h),
              },
              {
                label: "Query in the equation",
                value: v.query,
                options: indices(labels.length),
                show: (i) => `${i + 1}. ${labels[i]}`,
                onValue: (i) => set("query", i),
              },
            ]}
            tex={multiHeadTex(v)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Equation of head ${v.head + 1} for query ${v.query + 1}, ${labels[v.query]}, with its numbers`}
          />
          <div class="mh-tables" role="region" aria-label="Concatenation and output tables" tabIndex={0}>
            <NumberTable
              name="concat"
              caption={`Concat[head₁ … head${v.heads}]: ${v.tokens.length}×${D_MODEL}, columns grouped by head`}
              data={v.concat}
              rowLabels={labels}
              colLabels={dimLabels(v.heads)}
            />
            <NumberTable
              name="output"
              caption="Output = Concat · Wᴼᵀ (mixes the heads)"
              data={v.output}
              rowLabels={labels}
              colLabels={Array.from({ length: D_MODEL }, (_, c) => `o${c + 1}`)}
            />
          </div>
          <details>
            <summary>
              The output projection Wᴼ ({D_MODEL}×{D_MODEL})
            </summary>
            <NumberTable
              name="wo"
              caption="Wᴼ"
              data={v.Wo}
              rowLabels={Array.from({ length: D_MODEL }, (_, c) => `o${c + 1}`)}
              colLabels={dimLabels(v.heads)}
            />
          </details>
        </>
      )}
    </div>
  );
}
