import { useMemo } from "preact/hooks";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { fixed } from "../primitives/format";
import { LiveEquation } from "../primitives/LiveEquation";
import { MatrixField } from "../primitives/MatrixField";
import { formatMatrixText } from "../primitives/matrixText";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { NumberTable } from "../primitives/NumberTable";
import { RangeField } from "../primitives/RangeField";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { type QkvResult, computeQkv, qkvPresets, qkvSpec } from "./qkvModel";
import { SelectField } from "../primitives/SelectField";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

/** The three matrix inputs: state key, label, hint. */
const MATRIX_FIELDS: [key: "Q" | "K" | "V", label: string, hint: string][] = [
  ["Q", "Queries Q (one row per query)", "Rows on separate lines; numbers separated by spaces or commas."],
  ["K", "Keys K (one row per key)", "Same number of columns as Q (that is dₖ)."],
  ["V", "Values V (one row per key)", "Same number of rows as K; any number of columns."],
];

const labels = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Edit Q, K and V; see scores, weights (heatmap), outputs, and one query's equation with numbers. */
export default function QkvExplorerIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set, setState } = useWidget(qkvSpec);
  const outcome = useMemo(() => computeQkv(state), [state]);
  // The last good result stays on screen while the input is bad.
  const shown = useLastGood<QkvResult>(outcome.ok ? outcome.result : undefined);
  const fieldErrors = outcome.ok ? {} : outcome.fieldErrors;
  const computeError = outcome.ok ? undefined : outcome.error;

  const applyPreset = (key: string) => {
    const p = qkvPresets[key];
    if (!p) return;
    setState((s) => ({
      ...s,
      Q: formatMatrixText(p.Q),
      K: formatMatrixText(p.K),
      V: formatMatrixText(p.V),
      row: 0,
    }));
  };

  return (
    <div ref={ref} class="qkv">
      <div class="qkv-inputs">
        {MATRIX_FIELDS.map(([key, label, hint]) => (
          <MatrixField
            key={key}
            id={`qkv-${key}`}
            label={label}
            hint={hint}
            value={state[key]}
            error={fieldErrors[key]}
            onInput={(v) => set(key, v)}
          />
        ))}
      </div>
      {computeError && (
        <p class="field-error" role="alert" data-error="compute">
          {computeError} The last valid result is still shown.
        </p>
      )}
      <div class="qkv-controls">
        <SelectField
          label="Preset"
          placeholder="Load a preset…"
          options={Object.entries(qkvPresets).map(([k, p]) => ({ value: k, label: p.label }))}
          onValue={applyPreset}
        />
        <span class="control-range">
          <RangeField
            id="qkv-tau"
            label="Temperature τ"
            min="0.05"
            max="5"
            step="0.05"
            value={state.tau}
            valueText={(v) => `τ = ${v}`}
            output={(v) => <>τ = {fixed(v, 2)}</>}
            outputName="tau"
            onValue={(v) => set("tau", v)}
          />
        </span>
        <NumberSelect
          label="Query row"
          value={shown?.row ?? 0}
          options={indices(shown?.weights.length ?? 1)}
          show={(i) => `q${i + 1}`}
          onValue={(i) => set("row", i)}
        />
      </div>
      {shown && (
        <div class="qkv-results">
          <MatrixGrid
            name="weights"
            palette="sequential"
            legend="weight"
            format={(x) => fixed(x, 2)}
            data={shown.weights}
            label="Attention weights: rows are queries, columns are keys"
            rows={labels("q", shown.weights.length)}
            cols={labels("k", shown.weights[0].length)}
            rowTitle="query"
            colTitle="key"
            domain={[0, 1]}
          />
          <NumberTable
            name="scores"
            caption="Scores QKᵀ (before scaling)"
            data={shown.raw}
            rowLabels={labels("q", shown.raw.length)}
            colLabels={labels("k", shown.raw[0].length)}
          />
          <NumberTable
            name="output"
            caption="Output H = AV (one row per query)"
            data={shown.output}
            rowLabels={labels("h", shown.output.length)}
            colLabels={labels("dim ", shown.output[0].length)}
          />
        </div>
      )}
      {shown && (
        <LiveEquation
          tex={shown.tex}
          initialHtml={initialEquationHtml}
          initialTex={initialEquationTex}
          label={`Equation for query ${shown.row + 1} with its numbers`}
        />
      )}
    </div>
  );
}
