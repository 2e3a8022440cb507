import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { LinkErrors } from "../primitives/LinkErrors";
import { MatrixField } from "../primitives/MatrixField";
import { NumberTable } from "../primitives/NumberTable";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { CompareTable } from "./CompareTable";
import { FormulaField } from "./FormulaField";
import { type FormulaEngine, loadFormulaEngine } from "./formulaEngine";
import { ParamsPanel } from "./ParamsPanel";
import { WeightBars } from "./WeightBars";
import { type Kind, type ScoreView, KINDS, KIND_LABELS, computeScores, scoreSpec } from "./scoreModel";

interface Props {
  /** Build-time KaTeX HTML of each built-in score's formula. */
  kindHtml: Record<string, string>;
}

type Compiled = { ok: true; scorer: ReturnType<FormulaEngine["scorer"]> } | { ok: false; error: string };

/** Pick a score function (or type one) and see the scores and softmax weights of one query over the keys. */
export default function ScoreExplorerIsland({ kindHtml }: Props) {
  const { ref, state, set, linkErrors } = useWidget("sf", scoreSpec);
  const [engine, setEngine] = useState<FormulaEngine | null>(null);
  const [engineError, setEngineError] = useState<string | null>(null);
  const wantEngine = () => {
    if (engine) return;
    loadFormulaEngine().then(setEngine, (err: Error) =>
      setEngineError(`The formula engine could not load: ${err.message}`),
    );
  };
  useEffect(() => {
    if (state.kind === "formula") wantEngine();
  }, [state.kind]);

  // The typeset formula follows the reader's typing; a formula that does not parse keeps the last one.
  const lastTex = useRef<string | null>(null);
  const texResult = useMemo(() => {
    if (!engine) return null;
    if (state.formula.trim() === "") return { error: "Type a formula in q, k and d, for example q' * k." };
    try {
      const html = engine.typeset(engine.tex(state.formula));
      lastTex.current = html;
      return { html };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [engine, state.formula]);
  const compiled = useMemo<Compiled | null>(() => {
    if (!engine) return null;
    if (texResult?.error) return { ok: false, error: texResult.error };
    try {
      return { ok: true, scorer: engine.scorer(state.formula) };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }, [engine, state.formula, texResult]);

  const outcome = useMemo(
    () =>
      computeScores(
        state,
        compiled?.ok ? compiled.scorer : null,
        compiled && !compiled.ok ? compiled.error : undefined,
      ),
    [state, compiled],
  );
  const view = useLastGood<ScoreView>(outcome.ok ? outcome.view : undefined);
  const errors = outcome.ok ? {} : outcome.fieldErrors;
  const formulaError = errors.formula ?? (compiled && !compiled.ok ? compiled.error : undefined);
  const pending = !outcome.ok && outcome.pending;
  const keyLabels = view ? view.K.map((_, j) => `k${j + 1}`) : [];

  return (
    <div ref={ref} class="sf">
      <LinkErrors errors={linkErrors} />
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
          onFocus={wantEngine}
          html={texResult && "html" in texResult ? (texResult.html ?? null) : lastTex.current}
          error={engineError ?? formulaError}
          status={engine ? "" : "Loading the formula engine (mathjs and KaTeX)…"}
        />
      ) : (
        <div
          class="sf-tex"
          data-output="kind-tex"
          dangerouslySetInnerHTML={{ __html: kindHtml[state.kind] ?? "" }}
        />
      )}
      {pending && <p class="hint">Loading the formula engine…</p>}
      {!outcome.ok && !pending && (
        <p class="field-error" data-error="kept">
          Fix the input above; the last valid result is still shown.
        </p>
      )}
      {view && (
        <div class="sf-results">
          <WeightBars
            name="weights"
            label={`Softmax weights of the query over the keys, ${KIND_LABELS[view.kind]} score`}
            labels={keyLabels}
            values={view.weights}
            notes={view.scores.map((s) => `(s = ${s.toFixed(3)})`)}
            highlight={view.weights.indexOf(Math.max(...view.weights))}
          />
          <NumberTable
            name="scores"
            caption={`${KIND_LABELS[view.kind]}: scores and weights`}
            data={[
              view.scores.map((x) => Number(x.toFixed(4))),
              view.weights.map((x) => Number(x.toFixed(4))),
            ]}
            rowLabels={["score s", "weight α"]}
            colLabels={keyLabels}
          />
          <CompareTable all={view.all} selected={view.kind} keys={view.K.length} />
        </div>
      )}
      {view && <ParamsPanel kind={state.kind} d={view.d} seed={state.seed} onSeed={(s) => set("seed", s)} />}
    </div>
  );
}
