import { useMemo } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { BarChart } from "../primitives/charts/BarChart";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { fixed as dec, sig } from "../primitives/format";
import { type PointerView, computePointer, pointerSpec } from "./pointerModel";
import { pointerTex } from "./pointerEquation";
import { SelectField, optionsOf } from "../primitives/SelectField";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

const num = (x: number) => sig(x, 6);

/** Type numbers; step through a pointer decoder that points at the next element of the sorted order. */
export default function PointerSortIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(pointerSpec);
  const outcome = useMemo(() => computePointer(state), [state]);
  const v = useLastGood<PointerView>(outcome.ok ? outcome.view : undefined);
  const error = outcome.ok ? undefined : outcome.error;
  if (!v) return <div ref={ref} />;
  const n = v.xs.length;
  const step = Math.min(state.step, n);
  const t = step - 1;
  const chosen = v.order[t];
  const go = (k: number) => set("step", Math.max(1, Math.min(n, k)));
  return (
    <div ref={ref} class="ptr">
      <div class="matrix-field">
        <label for="ptr-xs">Numbers to sort (1 to 12, separated by spaces or commas)</label>
        <input
          id="ptr-xs"
          type="text"
          spellcheck={false}
          autocomplete="off"
          value={state.xs}
          aria-invalid={error ? "true" : "false"}
          aria-describedby="ptr-xs-error"
          onInput={(e) => set("xs", (e.target as HTMLInputElement).value)}
        />
        <FieldMessage id="ptr-xs-error" error={error} kept="list" />
      </div>
      <div class="widget-controls">
        <RangeField
          id="ptr-beta"
          label="Sharpness β"
          min="0"
          max="40"
          step="0.5"
          value={state.beta}
          output={(v) => <>β = {v}</>}
          outputName="beta"
          onValue={(v) => set("beta", v)}
        />
        <SelectField
          label="Order"
          value={state.order}
          options={optionsOf(["ascending", "descending"] as const)}
          onValue={(v) => set("order", v)}
        />
      </div>
      <div class="widget-controls" role="group" aria-label="Decoder steps">
        <button type="button" onClick={() => go(1)} disabled={step === 1}>
          First
        </button>
        <button type="button" onClick={() => go(step - 1)} disabled={step === 1}>
          Previous step
        </button>
        <button type="button" onClick={() => go(step + 1)} disabled={step === n}>
          Next step
        </button>
        <button type="button" onClick={() => go(n)} disabled={step === n}>
          Last
        </button>
        <span data-output="step" aria-live="polite">
          Step {step} of {n}
        </span>
      </div>
      <p data-readout="step">
        Step {step} points at position <strong data-value="choice">#{chosen + 1}</strong> (value{" "}
        <strong data-value="value">{num(v.xs[chosen])}</strong>) with probability{" "}
        <strong data-value="prob">{dec(v.probs[t][chosen])}</strong>.
      </p>
      <LiveEquation
        tex={pointerTex(v, state, step)}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Equation of step ${step}: the hand-set scores, the masked softmax and the position pointed at, with the numbers`}
      />
      <BarChart
        name="pointer-step"
        values={v.probs[t]}
        labels={v.xs.map((x, j) => (v.allow[t][j] ? num(x) : "×"))}
        highlight={chosen}
        categoryTitle="input value (× = already chosen)"
        valueTitle="pointer probability"
        label={`Step ${step}: pointer distribution over input positions`}
      />
      <p data-readout="output">
        Output so far:{" "}
        <span data-value="output">
          {v.order
            .slice(0, step)
            .map((j) => num(v.xs[j]))
            .join(", ")}
        </span>
        {step === n && (
          <>
            {" "}
            — complete. The model gives this whole output probability{" "}
            <strong data-value="total">{dec(v.probability, 4)}</strong>.
          </>
        )}
      </p>
      <MatrixGrid
        name="pointer"
        label={`Pointer distributions so far: ${step} of ${n} steps (— : already chosen, masked; outlined: the choice)`}
        data={v.probs.slice(0, step).map((row, s) => row.map((p, j) => (v.allow[s][j] ? p : null)))}
        rows={v.probs.slice(0, step).map((_, s) => String(s + 1))}
        cols={v.xs.map((x, j) => `#${j + 1} ${num(x)}`)}
        rowTitle="step"
        colTitle="input position and value"
        palette="sequential"
        domain={[0, 1]}
        legend="probability"
        format={(p) => dec(p, 2)}
        outline={(s, j) => v.order[s] === j}
      />
    </div>
  );
}
