import { useMemo } from "preact/hooks";
import { modernHopfield } from "../../../lib";
import { LinkErrors } from "../primitives/LinkErrors";
import { fmt } from "../primitives/matrixText";
import { fields } from "../primitives/urlState";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { Bars } from "../neural-turing-machines/Bars";
import { Slider } from "../primitives/Slider";
import { PixelView } from "./PixelView";
import { PRESET_LIST, corrupt, parsePatternList } from "./patterns";

/** The state a link reproduces; patterns as hex bitstrings, seed included. */
export const modernSpec = {
  patterns: fields.text(PRESET_LIST, 300),
  target: fields.int(0, 0, 7),
  noise: fields.number(0.2, 0, 0.5),
  seed: fields.int(1, 0, 99999),
  logBeta: fields.number(-1, -3, 0),
};

interface Result {
  X: number[][];
  query: number[];
  p: number[];
  xi: number[];
}

/** Modern Hopfield retrieval: one update ξ ← Xᵀ softmax(β X ξ), which is attention over the stored patterns. */
export default function ModernHopfieldIsland() {
  const { ref, state, set, setState, linkErrors } = useWidget("mhop", modernSpec);
  const beta = 10 ** state.logBeta;
  const outcome = useMemo(() => {
    const parsed = parsePatternList(state.patterns);
    if (!parsed.ok) return parsed;
    const X = parsed.value;
    const query = corrupt(X[Math.min(state.target, X.length - 1)], state.noise, state.seed);
    try {
      const run = modernHopfield(X, [query], { beta });
      return {
        ok: true as const,
        result: { X, query, p: Array.from(run.p.row(0)), xi: Array.from(run.xi.row(0)) },
      };
    } catch (err) {
      return { ok: false as const, error: (err as Error).message };
    }
  }, [state, beta]);
  const r = useLastGood<Result>(outcome.ok ? outcome.result : undefined);
  const count = r?.X.length ?? 0;
  const fromAbove = () => {
    const p = new URLSearchParams(location.search).get("hop.patterns");
    setState((s) => ({ ...s, patterns: p ?? PRESET_LIST, target: 0 }));
  };
  const top = r ? r.p.indexOf(Math.max(...r.p)) : 0;
  return (
    <div ref={ref} class="mhop">
      <LinkErrors errors={linkErrors} />
      <div class="widget-controls">
        <button type="button" onClick={fromAbove}>
          Use the patterns stored in the widget above
        </button>
        <label>
          Query: corrupted pattern{" "}
          <select
            value={String(Math.min(state.target, count - 1))}
            onChange={(e) => set("target", Number((e.target as HTMLSelectElement).value))}
          >
            {r?.X.map((_, i) => (
              <option value={String(i)}>{i + 1}</option>
            ))}
          </select>
        </label>
        <Slider
          id="mhop-noise"
          label="Noise"
          value={state.noise}
          min={0}
          max={0.5}
          step={0.01}
          text={`${Math.round(state.noise * 100)}% flipped`}
          onInput={(v) => set("noise", v)}
        />
        <Slider
          id="mhop-beta"
          label="Inverse temperature β"
          value={state.logBeta}
          min={-3}
          max={0}
          step={0.05}
          text={`β = ${fmt(beta, 3)}`}
          onInput={(v) => set("logBeta", v)}
        />
      </div>
      {!outcome.ok && (
        <p class="field-error" role="alert">
          {outcome.error} The last valid result is still shown.
        </p>
      )}
      {r && (
        <div class="hop-row">
          <figure>
            <figcaption>Stored patterns X (rows = keys = values)</figcaption>
            <div class="hop-row">
              {r.X.map((x, i) => (
                <PixelView value={x} label={`Stored pattern ${i + 1}`} size={48} />
              ))}
            </div>
          </figure>
          <figure>
            <figcaption>Query ξ</figcaption>
            <PixelView name="query" value={r.query} label="Query ξ, a corrupted pattern" size={90} />
          </figure>
          <figure>
            <figcaption>softmax(β X ξ): weight per stored pattern</figcaption>
            <Bars
              name="softmax"
              values={r.p}
              labels={r.X.map((_, i) => `x${i + 1}`)}
              label="Attention weights over the stored patterns"
              width={180}
            />
          </figure>
          <figure>
            <figcaption>Retrieved ξ_new = Xᵀ p (grey = between ±1)</figcaption>
            <PixelView
              name="retrieved"
              value={r.xi}
              label="Retrieved state ξ_new, pixels above 0 shown as on"
              size={90}
            />
          </figure>
        </div>
      )}
      {r && (
        <p data-output="regime" aria-live="polite">
          Largest weight {fmt(r.p[top], 3)} on pattern {top + 1}.{" "}
          {r.p[top] > 0.99
            ? "One pattern is retrieved."
            : r.p[top] < 1.5 / count
              ? "Near the global average of all patterns."
              : "A metastable mixture of several patterns."}{" "}
          This is attention with query ξ, keys and values X, and scale β: softmax(β ξ Xᵀ) X.
        </p>
      )}
    </div>
  );
}
