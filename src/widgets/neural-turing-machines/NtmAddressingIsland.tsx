import { useMemo } from "preact/hooks";
import { MatrixField } from "../primitives/MatrixField";
import { fmt } from "../primitives/matrixText";
import { fixed } from "../primitives/format";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { BarChart } from "../primitives/charts/BarChart";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { memoryGridProps } from "./memoryGrid";
import { Slider } from "../primitives/Slider";
import { EquationPicker } from "../primitives/EquationPicker";
import { NumberSelect, indices } from "../primitives/NumberSelect";
import {
  type AddressingResult,
  SHIFT_KERNELS,
  addressingSpec,
  addressingTex,
  computeAddressing,
} from "./ntmModel";
import { SelectField } from "../primitives/SelectField";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

/** The head's vector inputs: state key, label, hint. */
const VECTOR_FIELDS: [key: "key" | "erase" | "add", label: string, hint: string][] = [
  ["key", "Key k", "One number per memory column."],
  ["erase", "Erase vector e", "Entries in [0, 1]."],
  ["add", "Add vector a", "Any numbers."],
];

const slots = (n: number) => Array.from({ length: n }, (_, i) => String(i));
const slotName = (i: number) => `slot ${i}`;
const cols = (n: number) => Array.from({ length: n }, (_, j) => `c${j}`);
const vec = (v: number[]) => `[${v.map((x) => fmt(x, 3)).join(", ")}]`;

/** The NTM addressing pipeline stage by stage, then a read and a write with the chosen weighting. */
export default function NtmAddressingIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(addressingSpec);
  const outcome = useMemo(() => computeAddressing(state), [state]);
  const r = useLastGood<AddressingResult>(outcome.ok ? outcome.result : undefined);
  const errs = outcome.ok ? {} : outcome.fieldErrors;
  const n = r?.memory.length ?? 6;
  const stages: [string, string, number[] | undefined][] = [
    ["content", "1. Content: softmax(β cos(M, k))", r?.content],
    ["gated", "2. Interpolation: g·content + (1−g)·previous", r?.gated],
    ["shifted", "3. Shift: convolve with s", r?.shifted],
    ["sharpened", "4. Sharpen: wᵞ, renormalised", r?.sharpened],
  ];
  return (
    <div ref={ref} class="ntm">
      <div class="ntm-inputs">
        <MatrixField
          id="ntm-memory"
          label="Memory M (one row per slot)"
          hint="2 to 10 slots, up to 8 numbers each."
          rows={6}
          value={state.memory}
          error={errs.memory}
          onInput={(v) => set("memory", v)}
        />
        <div class="ntm-fields">
          {VECTOR_FIELDS.map(([key, label, hint]) => (
            <MatrixField
              key={key}
              id={`ntm-${key}`}
              label={label}
              hint={hint}
              rows={1}
              value={state[key]}
              error={errs[key]}
              onInput={(v) => set(key, v)}
            />
          ))}
        </div>
      </div>
      {!outcome.ok && outcome.error && (
        <p class="field-error" role="alert" data-error="compute">
          {outcome.error} The last valid result is still shown.
        </p>
      )}
      <div class="widget-controls">
        <Slider
          id="ntm-beta"
          label="Key strength β"
          value={state.beta}
          min={0}
          max={50}
          step={0.5}
          text={(v) => `β = ${v}`}
          onInput={(v) => set("beta", v)}
        />
        <Slider
          id="ntm-g"
          label="Gate g"
          value={state.g}
          min={0}
          max={1}
          step={0.05}
          text={(v) => `g = ${fixed(v, 2)}`}
          onInput={(v) => set("g", v)}
        />
        <NumberSelect
          label="Previous focus"
          // The model clamps the previous focus to the last slot; show the slot it uses.
          value={Math.min(state.prev, n - 1)}
          options={indices(n)}
          show={slotName}
          onValue={(v) => set("prev", v)}
        />
        <SelectField
          label="Shift s"
          value={state.shift}
          options={[
            ...Object.entries(SHIFT_KERNELS).map(([k, v]) => ({
              value: k as typeof state.shift,
              label: v.label,
            })),
            { value: "custom", label: "Custom…" },
          ]}
          onValue={(v) => set("shift", v)}
        />
        {state.shift === "custom" && (
          <span class="ntm-custom">
            <label for="ntm-custom">Custom shift (forward, stay, back)</label>
            <input
              id="ntm-custom"
              type="text"
              size={12}
              value={state.custom}
              aria-invalid={errs.custom ? "true" : "false"}
              aria-describedby="ntm-custom-error"
              onInput={(e) => set("custom", (e.target as HTMLInputElement).value)}
            />
            <span id="ntm-custom-error" class={errs.custom ? "field-error" : "field-ok"} aria-live="polite">
              {errs.custom ?? ""}
            </span>
          </span>
        )}
        <Slider
          id="ntm-gamma"
          label="Sharpening γ"
          value={state.gamma}
          min={1}
          max={20}
          step={0.1}
          text={(v) => `γ = ${fixed(v, 1)}`}
          onInput={(v) => set("gamma", v)}
        />
      </div>
      {r && (
        <>
          <p class="ntm-kernel" data-output="kernel">
            Shift kernel in use (forward, stay, back): {vec(r.s)}
          </p>
          <div class="ntm-stages">
            {stages.map(([name, title, w]) => (
              <BarChart
                name={name}
                values={w ?? []}
                labels={slots(n)}
                label={title}
                categoryTitle="memory slot"
                valueTitle="weight"
              />
            ))}
          </div>
          <EquationPicker
            selects={[
              {
                label: "Slot in the equation",
                value: r.slot,
                options: indices(n),
                show: slotName,
                onValue: (v) => set("slot", v),
              },
            ]}
            tex={addressingTex(r)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`The four stages for slot ${r.slot} with their numbers: final weight ${fmt(r.sharpened[r.slot], 3)}`}
          />
          <p class="ntm-read" data-output="read">
            Read r = wᵀM = {vec(r.read)}
          </p>
          <div class="ntm-mems">
            <MatrixGrid
              {...memoryGridProps(r.memory)}
              name="before"
              label="Memory before the write (bars: final weighting w)"
              rows={slots(n)}
              cols={cols(r.memory[0].length)}
              rowWeights={{ label: "weighting w", values: r.sharpened }}
            />
            <MatrixGrid
              {...memoryGridProps(r.after)}
              name="after"
              label="Memory after erase then add: M ∘ (1 − w eᵀ) + w aᵀ"
              rows={slots(n)}
              cols={cols(r.memory[0].length)}
            />
          </div>
        </>
      )}
    </div>
  );
}
