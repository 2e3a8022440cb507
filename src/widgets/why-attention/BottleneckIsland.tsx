import { useRef } from "preact/hooks";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { NumberSelect } from "../primitives/NumberSelect";
import { SeedInput } from "../primitives/SeedInput";
import { MeasureProgress } from "../primitives/MeasureProgress";
import { useWidget } from "../primitives/useWidget";
import { useWorkerMeasure } from "../primitives/useWorkerMeasure";
import { LineChart, type LineSeries } from "../primitives/charts/LineChart";
import { fixed } from "../primitives/format";
import {
  type BnMeasureInput,
  type BnMeasured,
  type BnPoint,
  HIDDEN_SIZES,
  MAX_LENGTH,
  TOKEN_SIZE,
  bnHidden,
  bnKey,
  bnSpec,
  chartY,
} from "./bnModel";
import { bnEquationTex } from "./bnEquation";
import { SelectField } from "../primitives/SelectField";

interface Props {
  /** The default curves, measured at build time. */
  initial: BnMeasured;
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

const f2 = (x: number) => fixed(x, 2);
const yAxis = (label: string) => ({
  domain: [0, 1] as [number, number],
  ticks: [0, 0.25, 0.5, 0.75, 1],
  label,
});

/** What one fixed-size vector keeps about each input, against what attention over all states can read. */
export default function BottleneckIsland({ initial, initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(bnSpec);
  // The curves take a few hundred regressions: measured in a Web Worker, one length at a time, so
  // the page never waits and the curves fill in. The default curves come precomputed from the build.
  const measure = useWorkerMeasure<BnMeasureInput, BnPoint>(
    () => new Worker(new URL("./bnWorker.ts", import.meta.url), { type: "module" }),
    bnKey(state),
    { summary: state.summary, hidden: state.hidden, seed: state.seed },
    MAX_LENGTH,
    { key: initial.key, parts: initial.points },
  );
  const { busy } = measure;
  const points = measure.parts;
  const hidden = bnHidden(state.hidden);
  const L = state.length;
  // While the points stream in, length L may not be measured yet.
  const at = points[L - 1] as BnPoint | undefined;
  // The equation of the selected length, once it is measured (until then, the last one stays).
  const texRef = useRef(initialEquationTex);
  if (at) texRef.current = bnEquationTex(state, hidden, at);
  const lastLabel =
    state.summary === "last" ? "single vector (last state)" : "single vector (mean of states)";

  const byLength: LineSeries[] = [
    {
      id: "a",
      label: "attention over all states",
      dots: true,
      points: points.map((p) => ({ x: p.length, y: chartY(p.attention) })),
    },
    {
      id: "b",
      label: lastLabel,
      dots: true,
      points: points.map((p) => ({ x: p.length, y: chartY(p.single) })),
    },
    {
      id: "ref",
      tone: 3,
      label: `linear bound d/(mL), d = ${hidden}`,
      dashed: true,
      points: points.map((p) => ({ x: p.length, y: p.bound })),
    },
  ];
  const byPosition: LineSeries[] = [
    {
      id: "a",
      label: "attention",
      dots: true,
      points: Array.from(at?.attentionByPosition ?? [], (v, i) => ({ x: i + 1, y: chartY(v) })),
    },
    {
      id: "b",
      label: lastLabel,
      dots: true,
      points: Array.from(at?.singleByPosition ?? [], (v, i) => ({ x: i + 1, y: chartY(v) })),
    },
  ];
  const lengthTicks = [1, 4, 8, 12, 16, 20, 24];

  return (
    <div ref={ref} class="bn" data-busy={busy ? "true" : "false"}>
      <div class="widget-controls">
        <SelectField
          label="Single vector"
          value={state.summary}
          options={[
            { value: "last", label: "the encoder's last state" },
            { value: "mean", label: "the mean of its states" },
          ]}
          onValue={(v) => set("summary", v)}
        />
        <NumberSelect
          label="State size d"
          value={state.hidden}
          options={HIDDEN_SIZES}
          onValue={(v) => set("hidden", v)}
        />
        <SeedInput label="Seed" value={state.seed} max={1_000_000} step="1" onSeed={(v) => set("seed", v)} />
      </div>
      <p class="hint" role="status">
        {busy ? "Measuring: encoding 600 fresh random sequences and fitting the read-outs…" : ""}
      </p>
      <MeasureProgress measure={measure} total={MAX_LENGTH} id="bn-progress" unit="lengths" />
      <p class="hint" data-output="summary">
        {at ? (
          <>
            Sequences of L = {L} random tokens (m = {TOKEN_SIZE} numbers each): a linear read-out recovers R²
            = <strong>{f2(at.single)}</strong> of each token on average from the single vector of size{" "}
            {hidden}, and <strong>{f2(at.attention)}</strong> through attention.
          </>
        ) : (
          <>Sequences of L = {L} random tokens: not measured yet.</>
        )}
      </p>
      <div class="bn-charts">
        <LineChart
          name="by-length"
          series={byLength}
          x={{ domain: [1, MAX_LENGTH], ticks: lengthTicks, label: "sequence length L" }}
          y={yAxis("held-out R², mean over positions")}
          rules={[{ x: L, label: `selected length L = ${L}` }]}
          label="Held-out R², mean over positions, against sequence length"
          table={{
            name: "bottleneck",
            columns: ["L", "single vector", "attention", "bound d/(mL)"],
            rows: points.map((p) => [p.length, fixed(p.single, 3), fixed(p.attention, 3), fixed(p.bound, 3)]),
          }}
          summary={`Mean recoverability against length. Single vector: ${points.map((p) => f2(p.single)).join(", ")}. Attention: ${points.map((p) => f2(p.attention)).join(", ")}.`}
        />
        <div>
          <span class="control-range">
            <RangeField
              id="bn-length"
              label="Look inside length L"
              min="1"
              max={MAX_LENGTH}
              step="1"
              value={L}
              valueText={(v) => `L = ${v}`}
              output={(v) => `L = ${v}`}
              outputName="length"
              onValue={(v) => set("length", v)}
            />
          </span>
          <LineChart
            name="by-position"
            series={byPosition}
            x={{
              domain: [1, Math.max(2, L)],
              ticks: [1, Math.ceil(L / 2), L].filter((v, i, a) => a.indexOf(v) === i),
              label: `position i in a sequence of length ${L}`,
            }}
            y={yAxis("held-out R² of token i")}
            label={`Held-out R² of each position at L = ${L}`}
            summary={
              at
                ? `Recoverability of each position at L = ${L}. Single vector: ${Array.from(at.singleByPosition, f2).join(", ")}. Attention: ${Array.from(at.attentionByPosition, f2).join(", ")}.`
                : `Recoverability of each position at L = ${L}: not measured yet.`
            }
          />
        </div>
      </div>
      <LiveEquation
        tex={texRef.current}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Equation at L = ${L}, d = ${hidden}: the mean held-out R² from the single vector beside the bound d/(mL), and through attention`}
      />
    </div>
  );
}
