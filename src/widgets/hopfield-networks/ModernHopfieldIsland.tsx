import { useMemo } from "preact/hooks";
import { modernHopfield } from "../../../lib";
import { fmt } from "../primitives/matrixText";
import { sig } from "../primitives/format";
import { fields } from "../primitives/urlState";
import { linkKeys } from "../primitives/linkKeys";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { BarChart } from "../primitives/charts/BarChart";
import { Slider } from "../primitives/Slider";
import { PixelView } from "./PixelView";
import { PRESET_LIST, corrupt, parsePatternList } from "./patterns";
import { EquationPicker } from "../primitives/EquationPicker";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { modernTex, pixelName } from "./hopfieldEquations";
import { modernCells } from "./hopfieldNotebook";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

/** The most updates the widget runs; β ≈ 0.06 is the slowest setting and needs several hundred. */
const MAX_STEPS = 2000;
/** ξ counts as a fixed point once one more update moves no pixel by more than this. */
const FIXED_TOLERANCE = 1e-6;

/** β from its slider, which moves log10 β. */
export const betaOf = (logBeta: number) => 10 ** logBeta;

/** The state a link reproduces; patterns as hex bitstrings, seed included. */
export const modernSpec = {
  patterns: fields.text(PRESET_LIST, { maxLength: 300, ascii: true }),
  target: fields.int(0, 0, 7),
  noise: fields.number(0.2, 0, 0.5),
  seed: fields.int(1, 0, 99999),
  logBeta: fields.number(-1, -3, 0),
  steps: fields.int(1, 1, MAX_STEPS),
  /** The pixel the equation writes out (0-based; pixel 1 is on in the T, off in the I and the ring). */
  pixel: fields.int(0, 0, 99),
};

interface Result {
  X: number[][];
  query: number[];
  /** Weights and state after the chosen number of updates. */
  p: number[];
  xi: number[];
  /** The state before the last update (the query after one update). */
  prev: number[];
  /** Weights after the first update, for comparison. */
  pFirst: number[];
  /** How far the next update would move ξ: max over pixels of |Δξ|. */
  nextChange: number;
}

/** The largest |a_i − b_i|. */
const maxChange = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/**
 * Modern Hopfield retrieval: the update ξ ← Xᵀ softmax(β X ξ), which is attention over the stored
 * patterns, applied a chosen number of times, with a button that iterates to the fixed point.
 */
export default function ModernHopfieldIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set, setState } = useWidget(modernSpec);
  const beta = betaOf(state.logBeta);
  const outcome = useMemo(() => {
    const parsed = parsePatternList(state.patterns);
    if (!parsed.ok) return parsed;
    const X = parsed.value;
    const query = corrupt(X[Math.min(state.target, X.length - 1)], state.noise, state.seed);
    try {
      // One update more than shown, to measure how far the next one would move ξ.
      const run = modernHopfield(X, [query], { beta, steps: state.steps + 1 });
      const xi = run.history.xi[state.steps - 1].row(0);
      return {
        ok: true as const,
        result: {
          X,
          query,
          p: Array.from(run.history.p[state.steps - 1].row(0)),
          xi: Array.from(xi),
          prev: state.steps === 1 ? query : Array.from(run.history.xi[state.steps - 2].row(0)),
          pFirst: Array.from(run.history.p[0].row(0)),
          nextChange: maxChange(run.xi.row(0), xi),
        },
      };
    } catch (err) {
      return { ok: false as const, error: (err as Error).message };
    }
  }, [state, beta]);
  const r = useLastGood<Result>(outcome.ok ? outcome.result : undefined);
  useOpenNotebook(
    ref,
    () => (r ? modernCells(r.X, r.query, r.prev, beta, state.steps, state.pixel) : null),
    "the modern Hopfield widget",
  );
  const count = r?.X.length ?? 0;
  const fromAbove = () => {
    // The classic widget's stored patterns, from its link keys (it writes them as they change).
    const link = new URLSearchParams(location.search);
    const { prefix, old } = linkKeys("hopfield-networks/recall");
    const p = link.get(`${prefix}.patterns`) ?? link.get(`${old}.patterns`);
    setState((s) => ({ ...s, patterns: p ?? PRESET_LIST, target: 0 }));
  };
  const top = r ? r.p.indexOf(Math.max(...r.p)) : 0;
  const topFirst = r ? r.pFirst.indexOf(Math.max(...r.pFirst)) : 0;
  const fixed = r ? r.nextChange <= FIXED_TOLERANCE : false;
  /** The fewest updates after which ξ is a fixed point (MAX_STEPS if it has not settled by then). */
  const toFixedPoint = () => {
    if (!outcome.ok) return;
    const { X, query } = outcome.result;
    const run = modernHopfield(X, [query], { beta, steps: MAX_STEPS });
    // history.xi[t] is ξ after t + 1 updates.
    let t = 1;
    while (
      t < MAX_STEPS &&
      maxChange(run.history.xi[t].row(0), run.history.xi[t - 1].row(0)) > FIXED_TOLERANCE
    )
      t++;
    set("steps", t);
  };
  return (
    <div ref={ref} class="mhop">
      <div class="widget-controls">
        <button type="button" onClick={fromAbove}>
          Use the patterns stored in the widget above
        </button>
        <NumberSelect
          label="Query: corrupted pattern"
          value={Math.min(state.target, count - 1)}
          options={indices(r?.X.length ?? 0)}
          show={(i) => i + 1}
          onValue={(i) => set("target", i)}
        />
        <Slider
          id="mhop-noise"
          label="Noise"
          value={state.noise}
          min={0}
          max={0.5}
          step={0.01}
          text={(v) => `${Math.round(v * 100)}% flipped`}
          onInput={(v) => set("noise", v)}
        />
        <Slider
          id="mhop-beta"
          label="Inverse temperature β"
          value={state.logBeta}
          min={-3}
          max={0}
          step={0.05}
          text={(v) => `β = ${fmt(betaOf(v), 3)}`}
          onInput={(v) => set("logBeta", v)}
        />
        <label>
          Updates{" "}
          <input
            type="number"
            min={1}
            max={MAX_STEPS}
            step={1}
            value={state.steps}
            onInput={(e) => {
              const v = Number((e.target as HTMLInputElement).value);
              if (Number.isInteger(v) && v >= 1 && v <= MAX_STEPS) set("steps", v);
            }}
          />
        </label>
        <button type="button" onClick={toFixedPoint}>
          Iterate to the fixed point
        </button>
      </div>
      {!outcome.ok && (
        <p class="field-error" role="alert">
          {outcome.error} The last valid result is still shown.
        </p>
      )}
      {r && (
        <div class="hop-row">
          <figure>
            <figcaption>Stored patterns X, one per row (keys and values). Dark is +1, light −1.</figcaption>
            <div class="hop-row">
              {r.X.map((x, i) => (
                <PixelView value={x} label={`Stored pattern ${i + 1}`} size={48} />
              ))}
            </div>
          </figure>
          <figure>
            <figcaption>
              Query ξ: pattern {Math.min(state.target, count - 1) + 1} with {Math.round(state.noise * 100)}%
              of pixels flipped.
            </figcaption>
            <PixelView name="query" value={r.query} label="Query ξ, a corrupted pattern" size={90} />
          </figure>
          <BarChart
            name="softmax"
            values={r.p}
            labels={r.X.map((_, i) => `x${i + 1}`)}
            label="Weights softmax(β X ξ) of the last update, one bar per stored pattern"
            categoryTitle="stored pattern"
            valueTitle="weight"
          />
          <figure>
            <figcaption>
              Retrieved ξ = Xᵀp after the last update. Grey pixels lie between −1 and +1.
            </figcaption>
            <PixelView
              name="retrieved"
              value={r.xi}
              label="Retrieved state ξ, pixels above 0 shown as on"
              size={90}
            />
          </figure>
        </div>
      )}
      {r && (
        <>
          <EquationPicker
            selects={[
              {
                label: "Pixel in the equation",
                value: state.pixel,
                options: indices(r.query.length),
                show: pixelName,
                onValue: (i) => set("pixel", i),
              },
            ]}
            tex={modernTex(r.X, r.prev, r.p, beta, state.pixel, state.steps)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Update ${state.steps} at pixel ${pixelName(state.pixel)}, with its numbers`}
          />
        </>
      )}
      {r && (
        <p data-output="regime" aria-live="polite">
          After {state.steps === 1 ? "one update" : `${state.steps} updates`}: largest weight{" "}
          {fmt(r.p[top], 3)} on pattern {top + 1}
          {state.steps > 1 && ` (after one update: ${fmt(r.pFirst[topFirst], 3)} on pattern ${topFirst + 1})`}
          .{" "}
          {fixed
            ? r.p[top] > 0.99
              ? "This is a fixed point that retrieves one pattern."
              : r.p[top] < 1.5 / count
                ? "This is a fixed point near the global average of all patterns."
                : "This is a metastable state: a fixed point that mixes several patterns."
            : `Not yet a fixed point: the next update moves a pixel by up to ${sig(r.nextChange, 2)}.`}{" "}
          Each update is attention with query ξ, keys and values X, and scale β: softmax(β ξ Xᵀ) X.
        </p>
      )}
    </div>
  );
}
