import { BarChart, type BarChartProps } from "../primitives/charts/BarChart";
import { NumberTable } from "../primitives/NumberTable";
import { ScrollBox } from "../primitives/ScrollBox";
import { dec } from "../primitives/parseList";
import { fixed } from "../primitives/format";
import type { ShlInput, ShlResult } from "./softHardLocalModel";
import { RangeField } from "../primitives/RangeField";

type Set = <K extends keyof ShlInput>(key: K, value: ShlInput[K]) => void;

/** Position labels; positions count from 1 on this site, as in the formulas. */
const pos = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

/** A bar chart of weights over positions. */
const Bars = (p: Omit<BarChartProps, "categoryTitle" | "valueTitle"> & { valueTitle?: string }) => (
  <BarChart categoryTitle="position" valueTitle="weight" {...p} />
);

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
          output={(v) => <>n = {v}</>}
          outputName="n"
          onValue={(v) => set("n", v)}
        />
        <button type="button" onClick={() => set("seed", (state.seed + 1) % 100000)}>
          Draw new samples
        </button>
        <span data-output="seed">seed {state.seed}</span>
      </div>
      <div class="shl-row">
        <Bars
          name="argmax"
          values={r.soft.map((_, j) => (j === r.argmax ? 1 : 0))}
          labels={labels}
          label="Argmax (deterministic hard attention): one-hot"
          highlight={r.argmax}
        />
        <Bars
          name="freq"
          values={r.freq}
          labels={labels}
          valueTitle="share of samples"
          reference={{ label: "soft weight", values: r.soft }}
          label={`How often each position was sampled, over ${state.n} samples`}
        />
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
          valueText={(v) => `τ = ${v}`}
          output={(v) => <>τ = {fixed(v, 2)}</>}
          outputName="tau"
          onValue={(v) => set("tau", v)}
        />
      </div>
      <div class="shl-row">
        {r.gumbel.map((g, k) => (
          <Bars name={`gumbel-${k}`} values={g} labels={labels} label={`Gumbel-softmax sample ${k + 1}`} />
        ))}
        <Bars
          name="gumbel-mean"
          values={r.gumbelMean}
          labels={labels}
          reference={{ label: "soft weight", values: r.soft }}
          label={`Average of ${state.n} Gumbel-softmax samples`}
        />
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
  // The slider stops at the last position; a linked pₜ past it is shown as it is (with the error).
  const pAt = Math.min(state.p, S - 1);
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
          output={(v) => (
            <>
              D = {v} (σ = {dec(v / 2, 1)})
            </>
          )}
          outputName="D"
          onValue={(v) => set("D", v)}
        />
        <RangeField
          id="shl-p"
          label="Aligned position pₜ"
          min="0"
          max={String(S - 1)}
          step="0.5"
          value={pAt}
          output={(v) => <>pₜ = {(v === pAt ? state.p : v) + 1}</>}
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
            name="local-weights"
            values={loc.weights}
            labels={pos(S)}
            curve={{ label: "Gaussian", values: loc.gaussian }}
            reference={{ label: "softmax in window", values: loc.align }}
            window={{ label: "window", range: loc.window }}
            marker={{ label: "pₜ", at: state.p }}
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
