import { useMemo, useState } from "preact/hooks";
import { LiveEquation } from "../primitives/LiveEquation";
import { fmt } from "../primitives/matrixText";
import { fixed } from "../primitives/format";
import { BarChart } from "../primitives/charts/BarChart";
import { useWidget } from "../primitives/useWidget";
import { SPREAD_PAIRS, computeWorked, scoreSpread, workedSpec } from "./workedModel";
import { f4, workedTex } from "./workedEquation";
import { SelectField, optionsOf } from "../primitives/SelectField";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** The chapter's worked example, live: raw scores → ÷√d_k → softmax. */
export default function WorkedExampleIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(workedSpec);
  const r = useMemo(() => computeWorked(state), [state]);
  const spread = useMemo(() => scoreSpread(Number(state.dk)), [state.dk]);
  const tex = useMemo(() => workedTex(r, Number(state.dk), spread), [r, state.dk, spread]);
  const [bad, setBad] = useState<Partial<Record<"s1" | "s2", string>>>({});
  const numberField = (key: "s1" | "s2", label: string) => {
    const v = state[key];
    return (
      <label>
        {label}
        <input
          type="number"
          step="1"
          value={v}
          onInput={(e) => {
            const t = (e.target as HTMLInputElement).value;
            const x = Number(t);
            const ok = t.trim() !== "" && Number.isFinite(x) && Math.abs(x) <= 1000;
            setBad((b) => ({
              ...b,
              [key]: ok ? undefined : `${label} must be a number between −1000 and 1000.`,
            }));
            if (ok) set(key, x);
          }}
          aria-invalid={bad[key] ? "true" : "false"}
        />
      </label>
    );
  };
  return (
    <div ref={ref} class="we">
      <div class="widget-controls">
        {numberField("s1", "q·k₁")}
        {numberField("s2", "q·k₂")}
        <SelectField
          label="dₖ"
          value={state.dk}
          options={optionsOf(["4", "16", "64", "256", "1024"] as const)}
          onValue={(v) => set("dk", v)}
        />
      </div>
      <p class="field-error" role="alert" hidden={!bad.s1 && !bad.s2}>
        {[bad.s1, bad.s2].filter(Boolean).join(" ")} The last valid numbers are still used.
      </p>
      <ol class="we-steps" data-output="worked">
        <li>
          Raw scores: q·k₁ = <strong>{fmt(r.raw[0])}</strong>, q·k₂ = <strong>{fmt(r.raw[1])}</strong>
        </li>
        <li>
          Divide by √{state.dk} = <strong>{fmt(r.root)}</strong>: <strong>{fmt(r.scaled[0])}</strong> and{" "}
          <strong>{fmt(r.scaled[1])}</strong>
        </li>
        <li>
          Softmax: α₁ = <strong data-output="w1">{f4(r.weights[0])}</strong>, α₂ ={" "}
          <strong data-output="w2">{f4(r.weights[1])}</strong>
        </li>
      </ol>
      <BarChart
        orientation="horizontal"
        name="worked-weights"
        label="Softmax weights of the two keys"
        labels={["k₁", "k₂"]}
        values={r.weights}
        categoryTitle="key"
        valueTitle="weight α"
        domain={[0, 1]}
        format={f4}
        tickFormat={(t) => fixed(t, 1)}
      />
      <p data-output="spread">
        Where raw scores come from: for a query and a key of size {state.dk} with independent entries of mean
        0 and variance 1, q·k has standard deviation √{state.dk} = {fmt(Math.sqrt(Number(state.dk)))}.
        Measured over {SPREAD_PAIRS.toLocaleString("en")} random pairs:{" "}
        <strong>{fixed(spread.raw, 1)}</strong>, and <strong>{fixed(spread.scaled, 2)}</strong> after dividing
        by √{state.dk}.
      </p>
      <LiveEquation
        tex={tex}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`The worked example's equation at key size ${state.dk}: the scaled scores, the two weights and the spread of q·k, with the numbers`}
      />
    </div>
  );
}
