import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { EquationPicker } from "../primitives/EquationPicker";
import { BarChart } from "../primitives/charts/BarChart";
import { formats } from "../primitives/format";
import { MatrixField } from "../primitives/MatrixField";
import { NumberTable } from "../primitives/NumberTable";
import { indices } from "../primitives/NumberSelect";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { CompareTable } from "./CompareTable";
import { FormulaField } from "./FormulaField";
import { type FormulaOutcome, outcomeKey, scoreFormula } from "./formulaEngine";
import { ParamsPanel } from "./ParamsPanel";
import { scoreEquationLabel, scoreEquationTex } from "./scoreEquation";
import {
  type Kind,
  type ScoreView,
  KINDS,
  KIND_LABELS,
  computeScores,
  parseScoreInput,
  scoreSpec,
} from "./scoreModel";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** Pick a score function (or type one) and see the scores and softmax weights of one query over the keys. */
export default function ScoreExplorerIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(scoreSpec);
  // The reader's formula is scored in the formula worker, so a runaway formula (typed, or from a
  // link) never blocks the page. The worker answers in order; while a formula is being scored or
  // has an error, the scores of the newest formula that worked stay on screen.
  const [results, setResults] = useState<{ latest: FormulaOutcome | null; good: FormulaOutcome | null }>({
    latest: null,
    good: null,
  });
  const lastTex = useRef<string | null>(null);
  const input = useMemo(() => parseScoreInput(state), [state.q, state.K]);
  const key = input.ok ? outcomeKey(state.formula, input.q[0], input.K) : "";
  const empty = state.formula.trim() === "";
  // A formula past the field's limit gets the field's message and is never sent to the engine.
  const tooLong = scoreSpec.formula.message(state.formula, "The formula");
  useEffect(() => {
    if (state.kind !== "formula" || !input.ok || empty || tooLong) return;
    scoreFormula(state.formula, input.q[0], input.K).then((o) =>
      setResults((r) => ({ latest: o, good: o.scores ? o : r.good })),
    );
  }, [state.kind, key]);
  const formula = results.latest?.key === key ? results.latest : null;
  if (formula?.tex) lastTex.current = formula.tex;

  const outcome = useMemo(
    () =>
      computeScores(
        state,
        formula?.scores ? () => Float64Array.from(formula.scores!) : null,
        empty
          ? "Type a formula in q, k and d, for example q' * k."
          : (tooLong ?? formula?.error ?? undefined),
      ),
    [state, formula, empty],
  );
  // The newest formula that worked, on the same q and K, while this one is pending or wrong.
  const good = results.good;
  const fallback = useMemo(() => {
    if (outcome.ok || !good?.scores || !input.ok) return undefined;
    if (good.vectors !== JSON.stringify([input.q[0], input.K])) return undefined;
    const o = computeScores({ ...state, kind: "formula" }, () => Float64Array.from(good.scores!));
    return o.ok && state.kind === "formula" ? o.view : undefined;
  }, [outcome, good, input]);
  const view = useLastGood<ScoreView>(outcome.ok ? outcome.view : fallback);
  const errors = outcome.ok ? {} : outcome.fieldErrors;
  const formulaError = errors.formula;
  const pending = !outcome.ok && outcome.pending;
  const keyLabels = view ? view.K.map((_, j) => `k${j + 1}`) : [];
  const eqKey = view ? Math.min(state.key, view.K.length - 1) : 0;
  const tex = useMemo(
    () => (view ? scoreEquationTex(view, eqKey, state.seed) : ""),
    [view, eqKey, state.seed],
  );

  return (
    <div ref={ref} class="sf">
      <div class="sf-inputs">
        <MatrixField
          id="sf-q"
          label="Query q (one row)"
          hint="d numbers, separated by spaces."
          value={state.q}
          rows={1}
          error={errors.q}
          onInput={(v) => set("q", v)}
        />
        <MatrixField
          id="sf-K"
          label="Keys K (one row per key)"
          hint="2 to 8 rows, each of length d."
          value={state.K}
          rows={5}
          error={errors.K}
          onInput={(v) => set("K", v)}
        />
      </div>
      <fieldset class="sf-kinds">
        <legend>Score function</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="sf-kind"
              value={k}
              checked={state.kind === k}
              onChange={() => set("kind", k as Kind)}
            />{" "}
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {state.kind === "formula" ? (
        <FormulaField
          value={state.formula}
          onInput={(v) => set("formula", v)}
          tex={formula?.tex ?? lastTex.current}
          error={formulaError}
          status={formula || lastTex.current ? "" : "Loading the formula engine (mathjs and KaTeX)…"}
        />
      ) : null}
      {pending && <p class="hint">{lastTex.current ? "Computing…" : "Loading the formula engine…"}</p>}
      {!outcome.ok && !pending && (
        <p class="field-error" data-error="kept">
          Fix the input above; the last valid result is still shown.
        </p>
      )}
      {view && (
        <div class="sf-results">
          <BarChart
            orientation="horizontal"
            name="weights"
            categoryTitle="key"
            valueTitle="weight α"
            label={`Softmax weights of the query over the keys, ${KIND_LABELS[view.kind]} score`}
            labels={keyLabels}
            values={view.weights}
            notes={{ label: "score s", values: view.scores.map((s) => `(s = ${formats.score(s)})`) }}
            highlight={view.weights.indexOf(Math.max(...view.weights))}
          />
          {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it. */}
          <div class="scroll-box" role="region" aria-label="Scores and weights table" tabIndex={0}>
            <NumberTable
              name="scores"
              caption={`${KIND_LABELS[view.kind]}: scores and weights`}
              data={[view.scores, view.weights]}
              rowFormats={[formats.score, formats.weight]}
              rowLabels={["score s", "weight α"]}
              colLabels={keyLabels}
            />
          </div>
          <CompareTable all={view.all} selected={view.kind} keys={view.K.length} />
        </div>
      )}
      {view && (
        <EquationPicker
          selects={[
            {
              label: "Key in the equation",
              value: eqKey,
              options: indices(keyLabels.length),
              show: (j) => keyLabels[j],
              onValue: (j) => set("key", j),
            },
          ]}
          tex={tex}
          initialHtml={initialEquationHtml}
          initialTex={initialEquationTex}
          label={scoreEquationLabel(eqKey)}
        />
      )}
      {view && <ParamsPanel kind={state.kind} d={view.d} seed={state.seed} onSeed={(s) => set("seed", s)} />}
    </div>
  );
}
