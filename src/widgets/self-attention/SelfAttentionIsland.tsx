import { useMemo } from "preact/hooks";
import { FieldMessage } from "../primitives/FieldMessage";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { fixed } from "../primitives/format";
import { LiveEquation } from "../primitives/LiveEquation";
import { NumberTable } from "../primitives/NumberTable";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { SeedInput } from "../primitives/SeedInput";
import { ArcView } from "./ArcView";
import { EquivarianceTable } from "./EquivarianceTable";
import {
  D_K,
  D_MODEL,
  type SelfAttentionResult,
  computeSelfAttention,
  selfAttentionSpec,
  tokenLabels,
} from "./selfAttentionModel";
import { selfAttentionTex } from "./selfAttentionEquation";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

const dims = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);

/** A sentence attending to itself: pick a token, re-seed the weights, shuffle, mask the future. */
export default function SelfAttentionIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set, setState } = useWidget(selfAttentionSpec);
  const outcome = useMemo(() => computeSelfAttention(state), [state]);
  const r = useLastGood<SelfAttentionResult>(outcome.ok ? outcome.result : undefined);
  const labels = r ? tokenLabels(r.tokens) : [];
  const tex = useMemo(() => (r ? selfAttentionTex(r, state.causal) : ""), [r, state.causal]);

  return (
    <div ref={ref} class="sa">
      <div class="sa-field">
        <label for="sa-text">Sentence (2–10 words, separated by spaces)</label>
        <input
          id="sa-text"
          type="text"
          value={state.text}
          aria-invalid={outcome.ok ? "false" : "true"}
          aria-describedby="sa-text-error"
          onInput={(e) => setState((s) => ({ ...s, text: (e.target as HTMLInputElement).value, shuffle: 0 }))}
        />
        <FieldMessage id="sa-text-error" error={outcome.ok ? undefined : outcome.error} kept="sentence" />
      </div>
      {r && (
        <fieldset class="sa-tokens">
          <legend>Query token (whose row of weights is drawn)</legend>
          {r.tokens.map((t, i) => (
            <label>
              <input
                type="radio"
                name="sa-token"
                value={String(i)}
                checked={r.token === i}
                onChange={() => set("token", i)}
              />{" "}
              {t}
            </label>
          ))}
        </fieldset>
      )}
      <div class="widget-controls">
        <SeedInput label="Embedding seed" value={state.seed} max={99999} onSeed={(v) => set("seed", v)} />
        <SeedInput
          label={
            <>
              Weight seed (W<sub>q</sub>, W<sub>k</sub>, W<sub>v</sub>)
            </>
          }
          value={state.wseed}
          max={99999}
          onSeed={(v) => set("wseed", v)}
        />
        <button type="button" onClick={() => set("wseed", (state.wseed + 1) % 100000)}>
          New random weights
        </button>
        <label>
          <input
            type="checkbox"
            checked={state.causal}
            onChange={(e) => set("causal", (e.target as HTMLInputElement).checked)}
          />{" "}
          Causal mask (hide later words)
        </label>
        <button type="button" onClick={() => set("shuffle", state.shuffle + 1)}>
          Shuffle the words
        </button>
        <button type="button" disabled={state.shuffle === 0} onClick={() => set("shuffle", 0)}>
          Original order
        </button>
      </div>
      {r && (
        <>
          <ArcView
            tokens={r.tokens}
            weights={r.weights[r.token]}
            selected={r.token}
            onSelect={(i) => set("token", i)}
          />
          <div class="sa-results">
            <MatrixGrid
              name="weights"
              palette="sequential"
              legend="weight"
              format={(x) => fixed(x, 2)}
              data={r.weights}
              label="Self-attention weights: row i is how token i spreads its attention over the sentence"
              rows={labels}
              cols={labels}
              rowTitle="query"
              colTitle="key"
              domain={[0, 1]}
            />
            <EquivarianceTable
              tokens={r.tokens}
              perm={r.perm}
              output={r.output}
              baseOutput={r.baseOutput}
              maxMoveError={r.maxMoveError}
              causal={state.causal}
            />
          </div>
          <LiveEquation
            tex={tex}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Equation for query token ${r.token + 1} (${labels[r.token]}): its query, scaled scores, weights and output, with the numbers`}
          />
          <details class="sa-weights">
            <summary>
              The projection matrices ({D_MODEL}×{D_K}, seed {state.wseed})
            </summary>
            <div class="sa-results">
              <NumberTable
                name="wq"
                caption={
                  <>
                    W<sub>q</sub>
                  </>
                }
                data={r.Wq}
                rowLabels={dims("x", D_MODEL)}
                colLabels={dims("q", D_K)}
              />
              <NumberTable
                name="wk"
                caption={
                  <>
                    W<sub>k</sub>
                  </>
                }
                data={r.Wk}
                rowLabels={dims("x", D_MODEL)}
                colLabels={dims("k", D_K)}
              />
              <NumberTable
                name="wv"
                caption={
                  <>
                    W<sub>v</sub>
                  </>
                }
                data={r.Wv}
                rowLabels={dims("x", D_MODEL)}
                colLabels={dims("v", D_K)}
              />
            </div>
          </details>
        </>
      )}
    </div>
  );
}
