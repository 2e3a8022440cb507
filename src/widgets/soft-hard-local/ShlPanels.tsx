import { Bars } from "./Bars";
import { NumberTable } from "../primitives/NumberTable";
import { ScrollBox } from "./ScrollBox";
import { dec } from "./parseList";
import type { ShlInput, ShlResult } from "./softHardLocalModel";
import { RangeField } from "../primitives/RangeField";

type Set = <K extends keyof ShlInput>(key: K, value: ShlInput[K]) => void;

/** Position labels; positions count from 1 on this site, as in the formulas. */
const pos = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

interface PanelProps {
  r: ShlResult;
  state: ShlInput;
  set: Set;
}

/** Soft attention: a softmax over every position. */
export function SoftPanel({ r }: { r: ShlResult }) {
  return (
    <div class="shl-panel">
      <Bars name="soft" values={r.soft} labels={pos(r.soft.length)} label="Soft weights over positions" />
      <p data-readout="soft">
        Every one of the {r.soft.length} positions gets a weight; the largest is{" "}
        <strong>{dec(Math.max(...r.soft))}</strong> at position {r.argmax + 1}. The weights sum to 1.
      </p>
    </div>
  );
}

/** Hard attention: argmax, categorical samples, and Gumbel-softmax with a temperature. */
export function HardPanel({ r, state, set }: PanelProps) {
  const labels = pos(r.soft.length);
  return (
    <div class="shl-panel">
      <div class="widget-controls">
        <RangeField
          id="shl-n"
          label="Samples n"
          min="1"
          max="500"
          step="1"
          value={state.n}
          output={<>n = {state.n}</>}
          outputName="n"
          onValue={(v) => set("n", v)}
        />
        <button type="button" onClick={() => set("seed", (state.seed + 1) % 100000)}>
          Draw new samples
        </button>
        <span data-output="seed">seed {state.seed}</span>
      </div>
      <div class="shl-row">
        <figure>
          <figcaption>Argmax (deterministic hard attention)</figcaption>
          <Bars
            name="argmax"
            values={r.soft.map((_, j) => (j === r.argmax ? 1 : 0))}
            labels={labels}
            label="Argmax one-hot"
            highlight={r.argmax}
          />
        </figure>
        <figure>
          <figcaption>How often each position was sampled (ticks: soft weights)</figcaption>
          <Bars
            name="freq"
            values={r.freq}
            labels={labels}
            ticks={r.soft}
            label={`Frequency over ${state.n} samples`}
          />
        </figure>
      </div>
      <h4 class="shl-sub">Gumbel-softmax</h4>
      <div class="widget-controls">
        <RangeField
          id="shl-tau"
          label="Temperature τ"
          min="0.05"
          max="5"
          step="0.05"
          value={state.tau}
          valueText={`τ = ${state.tau}`}
          output={<>τ = {state.tau.toFixed(2)}</>}
          outputName="tau"
          onValue={(v) => set("tau", v)}
        />
      </div>
      <div class="shl-row">
        {r.gumbel.map((g, k) => (
          <figure>
            <figcaption>Sample {k + 1}</figcaption>
            <Bars
              name={`gumbel-${k}`}
              values={g}
              labels={labels}
              label={`Gumbel-softmax sample ${k + 1}`}
              height={110}
            />
          </figure>
        ))}
        <figure>
          <figcaption>Average of {state.n} samples (ticks: soft weights)</figcaption>
          <Bars
            name="gumbel-mean"
            values={r.gumbelMean}
            labels={labels}
            ticks={r.soft}
            label="Average of Gumbel-softmax samples"
            height={110}
          />
        </figure>
      </div>
      <p data-readout="gumbel" aria-live="polite">
        Mean largest entry per sample: <strong data-value="onehot">{dec(r.oneHotness)}</strong> (1 means every
        sample is one-hot). Distance from the average to the soft weights (total variation):{" "}
        <strong data-value="tv">{dec(r.tv)}</strong>.
      </p>
    </div>
  );
}

/** Local attention (Luong): a window of half-width D around p_t, damped by a Gaussian with σ = D/2. */
export function LocalPanel({ r, state, set }: PanelProps) {
  const S = r.soft.length;
  const loc = r.local;
  return (
    <div class="shl-panel">
      <div class="widget-controls">
        <RangeField
          id="shl-D"
          label="Window half-width D"
          min="1"
          max="6"
          step="1"
          value={state.D}
          output={
            <>
              D = {state.D} (σ = {dec(state.D / 2, 1)})
            </>
          }
          outputName="D"
          onValue={(v) => set("D", v)}
        />
        <RangeField
          id="shl-p"
          label="Aligned position pₜ"
          min="0"
          max={String(S - 1)}
          step="0.5"
          value={Math.min(state.p, S - 1)}
          output={<>pₜ = {state.p + 1}</>}
          outputName="p"
          onValue={(v) => set("p", v)}
        />
      </div>
      {r.localError && (
        <p class="field-error" role="alert">
          {r.localError}
        </p>
      )}
      {loc && (
        <>
          <Bars
            name="local"
            values={loc.weights}
            labels={pos(S)}
            curve={loc.gaussian}
            ticks={loc.align}
            window={loc.window}
            marker={state.p}
            label={`Local weights, window ${loc.window[0] + 1} to ${loc.window[1] + 1}`}
          />
          <p data-readout="local" aria-live="polite">
            Window: positions{" "}
            <strong data-value="window">
              {loc.window[0] + 1}–{loc.window[1] + 1}
            </strong>
            . Bars: final weights (softmax inside the window × Gaussian); ticks: the softmax before the
            Gaussian; curve: the Gaussian. The weights sum to{" "}
            <strong data-value="mass">{dec(loc.mass)}</strong>, less than 1, because the Gaussian is not
            renormalised.
          </p>
          <ScrollBox label="Local attention table">
            <NumberTable
              name="local"
              caption="Local attention, stage by stage"
              data={[r.scores, loc.align, loc.gaussian, loc.weights]}
              rowLabels={["score", "softmax in window", "Gaussian", "weight"]}
              colLabels={pos(S)}
            />
          </ScrollBox>
        </>
      )}
    </div>
  );
}
