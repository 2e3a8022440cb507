import { RangeField } from "../primitives/RangeField";
import { EquationPicker } from "../primitives/EquationPicker";
import { indices } from "../primitives/NumberSelect";
import { useWidget } from "../primitives/useWidget";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { SEGMENTS, computeXL, xlSpec, xlTex } from "./xlModel";

interface Props {
  /** Build-time KaTeX HTML of the default state's equation, and the TeX it was typeset from. */
  initialEquationHtml: string;
  initialEquationTex: string;
}

/** Segments stream past; the previous segment is cached as memory; context grows with depth. */
export default function XLIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(xlSpec);
  const { seg, layers, step } = state;
  const v = computeXL(state);
  const { mem, mask } = v;
  const ctx = { reach: v.reach, total: v.total };
  const start = step * seg;
  // The stream: which tokens are in the segment, the memory and the multi-layer reach of the last token.
  const reachStart = Math.max(0, start + seg - 1 - ctx.total + 1);
  const range = (key: "seg" | "layers", label: string, min: number, max: number) => (
    <span class="control-range">
      <RangeField
        id={`xl-${key}`}
        label={label}
        min={min}
        max={max}
        value={state[key]}
        valueText={(v) => `${label} ${v}`}
        output={(v) => v}
        onValue={(v) => set(key, v)}
      />
    </span>
  );
  const total = SEGMENTS * seg;
  return (
    <div ref={ref} class="xl">
      <div class="widget-controls">
        {range("seg", "Segment length N", 2, 8)}
        {range("layers", "Layers L", 1, 6)}
        <button type="button" disabled={step === 0} onClick={() => set("step", step - 1)}>
          ← Previous segment
        </button>
        <button type="button" disabled={step === SEGMENTS - 1} onClick={() => set("step", step + 1)}>
          Next segment →
        </button>
      </div>
      <p data-output="xl" aria-live="polite">
        Segment {step + 1} of {SEGMENTS} (tokens {start + 1}–{start + seg}); memory:{" "}
        {mem === 0 ? "empty" : `tokens ${start - seg + 1}–${start}`}. With L = {layers} layers, the last token
        can depend on <strong>{ctx.total}</strong> tokens ({seg} in its segment + L × N = {ctx.reach} before
        it), versus {seg} for a vanilla Transformer trained on segments.
      </p>
      <svg
        class="xl-stream"
        viewBox={`0 0 ${total * 14 + 4} 34`}
        width={total * 14 + 4}
        role="img"
        aria-label={`Token stream: segment ${start + 1}–${start + seg}, memory ${mem ? `${start - seg + 1}–${start}` : "none"}, reach of the last token from token ${reachStart + 1}.`}
      >
        {Array.from({ length: total }, (_, t) => {
          const inSeg = t >= start && t < start + seg;
          const inMem = t >= start - mem && t < start;
          return (
            <rect
              x={2 + t * 14}
              y={4}
              width={12}
              height={16}
              rx="2"
              fill={inSeg ? "var(--accent)" : inMem ? "var(--fg-soft)" : "none"}
              stroke="var(--border)"
            />
          );
        })}
        <line
          x1={2 + reachStart * 14}
          x2={2 + (start + seg) * 14 - 2}
          y1={30}
          y2={30}
          stroke="currentColor"
          stroke-width="2"
        />
      </svg>
      <p class="xl-stream-key">
        Blue: this segment; grey: the cached memory; line: the last token's reach over {layers} layers.
      </p>
      <MatrixGrid
        name="xl"
        label="Attention mask of this segment over [memory; segment]"
        data={mask}
        rows={Array.from({ length: seg }, (_, i) => `s${i + 1}`)}
        cols={[
          ...Array.from({ length: mem }, (_, j) => `m${j + 1}`),
          ...Array.from({ length: seg }, (_, j) => `s${j + 1}`),
        ]}
        rowTitle="query (segment token)"
        colTitle="key (memory, then segment)"
        palette="binary"
        legend={["allowed (segment)", "blocked"]}
        altLegend="allowed (memory)"
        cellClass={(_, j) => (j < mem ? "cell-alt" : undefined)}
      />
      <EquationPicker
        selects={[
          {
            label: "Query in the equation",
            value: v.row,
            options: indices(seg),
            show: (i) => `s${i + 1}`,
            onValue: (i) => set("row", i),
          },
        ]}
        tex={xlTex(v)}
        initialHtml={initialEquationHtml}
        initialTex={initialEquationTex}
        label={`Mask and reach for query s${v.row + 1} of segment ${step + 1}, with their numbers`}
      />
    </div>
  );
}
