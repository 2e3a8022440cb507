import { useEffect, useMemo, useState } from "preact/hooks";
import { SeedInput } from "../primitives/SeedInput";
import { Slider } from "../primitives/Slider";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { LineChart } from "../primitives/charts/LineChart";
import { PixelGrid } from "./PixelGrid";
import { PixelView } from "./PixelView";
import { WeightsCanvas } from "./WeightsCanvas";
import { fromHex, toHex } from "./patterns";
import { fixed, sig } from "../primitives/format";
import { NEURONS, type RecallResult, computeRecall, recallSpec } from "./recallModel";
import { EquationPicker } from "../primitives/EquationPicker";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import { useOpenNotebook } from "../primitives/useOpenNotebook";
import { pixelName, recallTex } from "./hopfieldEquations";
import { recallCells } from "./hopfieldNotebook";
import { SelectField } from "../primitives/SelectField";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

const reduced = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

function verdict(r: RecallResult): string {
  const how =
    r.fixedPointAt !== null
      ? `a fixed point after ${r.fixedPointAt} step(s)`
      : r.twoCycle
        ? "a two-cycle (it oscillates)"
        : "no fixed point within 12 steps";
  if (r.match.pattern !== null) return `Reached ${how}: stored pattern ${r.match.pattern + 1}.`;
  if (r.match.negated !== null)
    return `Reached ${how}: the inverse of pattern ${r.match.negated + 1}, a spurious attractor.`;
  return `Reached ${how}: not a stored pattern (a spurious state).`;
}

/** The energy E as the status line, the chart and its table print it. */
const energyText = (e: number) => sig(e, 4);

/** Draw, store (Hebb), corrupt and recall: the binary Hopfield network step by step with its energy. */
export default function HopfieldRecallIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set, setState } = useWidget(recallSpec);
  const outcome = useMemo(
    () => computeRecall(state),
    [state.patterns, state.target, state.noise, state.seed, state.mode],
  );
  const r = useLastGood<RecallResult>(outcome.ok ? outcome.result : undefined);
  const draft = fromHex(state.draft) ?? new Array(NEURONS).fill(-1);
  const last = r ? r.states.length - 1 : 0;
  const [step, setStep] = useState(last);
  const [playing, setPlaying] = useState(false);

  // A new run animates from the corrupted input, unless the reader prefers reduced motion.
  useEffect(() => {
    if (reduced()) return setStep(last);
    setStep(0);
    setPlaying(true);
  }, [r]);
  useEffect(() => {
    if (!playing) return;
    if (step >= last) return setPlaying(false);
    const id = setTimeout(() => setStep(step + 1), 450);
    return () => clearTimeout(id);
  }, [playing, step, last]);

  const shown = Math.min(step, last);
  useOpenNotebook(
    ref,
    () => (r ? recallCells(r.patterns, r.states[shown], state.neuron, shown, state.mode) : null),
    "the Hopfield recall widget",
  );
  const count = r?.patterns.length ?? 0;
  const store = () =>
    setState((s) => ({
      ...s,
      patterns: `${s.patterns}${s.patterns ? "," : ""}${toHex(draft)}`,
      target: count,
    }));
  const remove = (i: number) =>
    setState((s) => ({
      ...s,
      patterns: s.patterns
        .split(",")
        .filter((_, j) => j !== i)
        .join(","),
      target: 0,
    }));

  return (
    <div ref={ref} class="hop">
      <div class="hop-row">
        <div>
          <p class="hop-title" id="hop-draw-label">
            Draw a pattern (click or drag; arrow keys and Space)
          </p>
          <PixelGrid value={draft} label="Drawing grid, 10 by 10" onChange={(p) => set("draft", toHex(p))} />
          <div class="widget-controls">
            <button type="button" onClick={store} disabled={count >= 8}>
              Store this pattern
            </button>
            <button type="button" onClick={() => set("draft", toHex(new Array(NEURONS).fill(-1)))}>
              Clear drawing
            </button>
          </div>
          {count >= 8 && <p class="field-error">At most 8 patterns can be stored here; remove one first.</p>}
        </div>
        <div>
          <p class="hop-title">
            Stored patterns ({count}; load P/N = {fixed(count / NEURONS, 2)})
          </p>
          <p class="hop-note">Each is 10 × 10 neurons: dark is +1 (on), light −1 (off).</p>
          <ul class="hop-stored">
            {r?.patterns.map((p, i) => (
              <li>
                <PixelView value={p} label={`Stored pattern ${i + 1}`} size={48} />
                <button
                  type="button"
                  onClick={() => set("draft", toHex(p))}
                  aria-label={`Edit pattern ${i + 1} in the drawing grid`}
                >
                  Edit
                </button>
                <button
                  type="button"
                  onClick={() => remove(i)}
                  aria-label={`Remove pattern ${i + 1}`}
                  disabled={count <= 1}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {!outcome.ok && (
            <p class="field-error" role="alert" data-error="compute">
              {outcome.error} The last valid result is still shown.
            </p>
          )}
          {r && (
            <div class="hop-figure">
              <WeightsCanvas data={r.weights} n={NEURONS} label="Hebbian weights wᵢⱼ" />
              <p class="hop-note">
                Row i, column j is the weight between pixels i and j, numbered row by row. Blue is positive
                (the two pixels mostly agree across the patterns), orange negative (they mostly disagree), the
                neutral middle colour zero, as on the diagonal.
              </p>
            </div>
          )}
        </div>
      </div>
      <div class="widget-controls">
        <NumberSelect
          label="Corrupt pattern"
          // The pattern the shown result corrupted (the last good result may be older than state).
          value={r?.target ?? 0}
          options={indices(r?.patterns.length ?? 0)}
          show={(i) => i + 1}
          onValue={(i) => set("target", i)}
        />
        <Slider
          id="hop-noise"
          label="Noise"
          value={state.noise}
          min={0}
          max={0.5}
          step={0.01}
          text={(v) => `${Math.round(v * 100)}% of pixels flipped`}
          onInput={(v) => set("noise", v)}
        />
        <SeedInput
          label="Seed"
          value={state.seed}
          max={99999}
          style={{ width: "6rem" }}
          onSeed={(v) => set("seed", v)}
        />
        <SelectField
          label="Update"
          value={state.mode}
          options={[
            { value: "async", label: "Asynchronous: one at a time" },
            { value: "sync", label: "Synchronous: all at once" },
          ]}
          onValue={(v) => set("mode", v)}
        />
      </div>
      {r && (
        <div class="hop-row">
          <figure class="hop-figure">
            <PixelView name="start" value={r.start} label="Corrupted input s₀" size={110} />
            <figcaption>
              Start s₀: pattern {r.target + 1} with {Math.round(state.noise * 100)}% of pixels flipped. Dark
              is +1 (on), light −1 (off).
            </figcaption>
          </figure>
          <div>
            <figure class="hop-figure">
              <PixelView
                name="state"
                value={r.states[shown]}
                label={`State after step ${shown}`}
                size={110}
              />
              <figcaption>State after step {shown}, in the same colours.</figcaption>
            </figure>
            <div class="widget-controls">
              <button type="button" onClick={() => setStep(Math.max(0, shown - 1))} disabled={shown === 0}>
                ◀
              </button>
              <output data-output="step">
                step {shown} / {last}
              </output>
              <button
                type="button"
                onClick={() => setStep(Math.min(last, shown + 1))}
                disabled={shown >= last}
              >
                ▶
              </button>
              <button
                type="button"
                onClick={() => (reduced() ? setStep(last) : (setStep(0), setPlaying(true)))}
              >
                Replay
              </button>
            </div>
          </div>
          <LineChart
            name="energy"
            series={[
              {
                id: "energy",
                label: `energy E (dark dot: step ${shown})`,
                dots: true,
                current: shown,
                points: r.energies.map((e, t) => ({ x: t, y: e })),
              },
            ]}
            x={{ label: "step", domain: [0, Math.max(1, r.energies.length - 1)], integer: true }}
            y={{ label: "energy E", format: energyText }}
            label="Energy per step"
          />
        </div>
      )}
      {r && (
        <>
          <EquationPicker
            selects={[
              {
                label: "Neuron in the equation",
                value: state.neuron,
                options: indices(NEURONS),
                show: pixelName,
                onValue: (i) => set("neuron", i),
              },
            ]}
            tex={recallTex(r.weights, r.patterns.length, r.states[shown], state.neuron, shown, state.mode)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Update of neuron ${pixelName(state.neuron)} in the state after step ${shown}, with its numbers`}
          />
          <p class="hop-note">
            wᵢⱼ = (1/P) Σ xᵢxⱼ, so every term wᵢⱼsⱼ is a whole number over P = {r.patterns.length}: the sum
            counts how many of the {NEURONS - 1} terms take each value.
          </p>
        </>
      )}
      {r && (
        <p data-output="verdict" aria-live="polite">
          Step {shown}: energy {energyText(r.energies[shown])}, {r.errors[shown]} pixel(s) differ from pattern{" "}
          {r.target + 1}. {shown === last ? verdict(r) : ""}
        </p>
      )}
    </div>
  );
}
