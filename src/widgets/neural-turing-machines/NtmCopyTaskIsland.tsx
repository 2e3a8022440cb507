import { useEffect, useMemo, useState } from "preact/hooks";
import { MatrixField } from "../primitives/MatrixField";
import { fmt } from "../primitives/matrixText";
import { useLastGood } from "../primitives/useLastGood";
import { useWidget } from "../primitives/useWidget";
import { BarChart } from "../primitives/charts/BarChart";
import { MatrixGrid } from "../primitives/charts/MatrixGrid";
import { memoryGridProps } from "./memoryGrid";
import { LiveEquation } from "../primitives/LiveEquation";
import { RangeField } from "../primitives/RangeField";
import { type CopyView, computeCopy, copySpec, copyTex } from "./copyModel";

interface Props {
  initialEquationHtml: string;
  /** The TeX the build-time equation was typeset from. */
  initialEquationTex: string;
}

const labels = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);

function caption(v: CopyView): string {
  if (v.phase === "start")
    return "Start: the memory is empty; both heads sit on the last slot, so one forward shift lands on slot 0.";
  const slot = v.w.indexOf(Math.max(...v.w));
  if (v.phase === "write")
    return `Write step ${v.t + 1} of ${v.T}: the write head shifts forward to slot ${slot}, erases it and adds x${v.t}.`;
  return `Read step ${v.t + 1} of ${v.T}: the read head shifts forward to slot ${slot} and reads y${v.t} = [${v.output[v.t]?.map((x) => fmt(x, 3)).join(", ")}].`;
}

/** Step through the copy task: the write head lays the sequence down, the read head plays it back. */
export default function NtmCopyTaskIsland({ initialEquationHtml, initialEquationTex }: Props) {
  const { ref, state, set } = useWidget(copySpec);
  const outcome = useMemo(() => computeCopy(state), [state.seq, state.slots]);
  const frames = useLastGood<CopyView[]>(outcome.ok ? outcome.frames : undefined) ?? [];
  const last = Math.max(0, frames.length - 1);
  const frame = Math.min(state.frame, last);
  const v = frames[frame];
  const [playing, setPlaying] = useState(false);
  const [slotsText, setSlotsText] = useState<string | null>(null);
  const slotsError =
    slotsText !== null
      ? "Type a whole number of slots from 1 to 10."
      : !outcome.ok && outcome.field === "slots"
        ? outcome.error
        : undefined;

  useEffect(() => {
    if (!playing) return;
    if (frame >= last) {
      setPlaying(false);
      return;
    }
    const id = setTimeout(() => set("frame", frame + 1), 650);
    return () => clearTimeout(id);
  }, [playing, frame, last]);

  const play = () => {
    if (playing) return setPlaying(false);
    if (matchMedia("(prefers-reduced-motion: reduce)").matches) return set("frame", last);
    if (frame >= last) set("frame", 0);
    setPlaying(true);
  };

  return (
    <div ref={ref} class="ntm-copy">
      <div class="ntm-inputs">
        <MatrixField
          id="copy-seq"
          label="Sequence x (one item per line)"
          hint="Up to 8 items of up to 8 numbers; bits are traditional."
          rows={4}
          value={state.seq}
          error={!outcome.ok && outcome.field === "seq" ? outcome.error : undefined}
          onInput={(s) => set("seq", s)}
        />
        <div class="ntm-fields">
          <label for="copy-slots">Memory slots N</label>
          <input
            id="copy-slots"
            type="number"
            min="1"
            max="10"
            value={slotsText ?? state.slots}
            aria-describedby="copy-slots-error"
            aria-invalid={slotsError ? "true" : "false"}
            onInput={(e) => {
              const raw = (e.target as HTMLInputElement).value;
              const n = Number(raw);
              if (raw.trim() !== "" && Number.isInteger(n) && n >= 1 && n <= 10) {
                setSlotsText(null);
                set("slots", n);
              } else setSlotsText(raw);
            }}
          />
          <p id="copy-slots-error" class={slotsError ? "field-error" : "field-ok"} aria-live="polite">
            {slotsError ?? ""}
          </p>
        </div>
      </div>
      <div class="widget-controls">
        <button type="button" onClick={() => set("frame", Math.max(0, frame - 1))} disabled={frame === 0}>
          ◀ Back
        </button>
        <button type="button" data-action="play" onClick={play}>
          {playing ? "Pause" : "▶ Play"}
        </button>
        <button
          type="button"
          onClick={() => set("frame", Math.min(last, frame + 1))}
          disabled={frame >= last}
        >
          Step ▶
        </button>
        <span class="control-range">
          <RangeField
            id="copy-frame"
            label="Frame"
            min="0"
            max={last}
            value={frame}
            valueText={(v) => `frame ${v} of ${last}`}
            output={(v) => `${v} / ${last}`}
            outputName="frame"
            onValue={(v) => set("frame", v)}
          />
        </span>
      </div>
      {v && (
        <>
          <p class="ntm-caption" data-output="caption" aria-live="polite">
            {caption(v)}
          </p>
          <LiveEquation
            tex={copyTex(frames, frame)}
            initialHtml={initialEquationHtml}
            initialTex={initialEquationTex}
            label={`Frame ${frame} with its numbers`}
          />
          <div class="ntm-mems">
            <MatrixGrid
              {...memoryGridProps(v.input)}
              name="input"
              label="Input sequence x"
              rowTitle="input step"
              rows={labels("x", v.T)}
              cols={labels("c", v.width)}
            />
            <MatrixGrid
              {...memoryGridProps(v.memory)}
              name="memory"
              label={`Memory after this step (bars: ${v.phase === "read" ? "read" : "write"} weighting)`}
              rows={labels("", v.memory.length)}
              cols={labels("c", v.width)}
              rowWeights={{ label: `${v.phase === "read" ? "read" : "write"} weighting`, values: v.w }}
            />
            <MatrixGrid
              {...memoryGridProps(v.output.map((r) => r ?? new Array<number | null>(v.width).fill(null)))}
              name="output"
              label="Output y read so far (blank rows: not yet read)"
              rowTitle="output step"
              rows={labels("y", v.T)}
              cols={labels("c", v.width)}
              missing={{ cell: "", table: "not yet read" }}
            />
          </div>
          <BarChart
            name="weighting"
            values={v.w}
            labels={labels("", v.w.length)}
            label={`${v.phase === "read" ? "Read" : "Write"} weighting over slots`}
            categoryTitle="memory slot"
            valueTitle="weight"
          />
        </>
      )}
    </div>
  );
}
