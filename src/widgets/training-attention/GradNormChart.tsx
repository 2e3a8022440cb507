import type { ClipMode, ClippingView } from "../../../lib/models/clipping";
import { LineChart } from "../primitives/charts/LineChart";
import { exponential } from "../primitives/format";

interface Props {
  view: ClippingView;
  labels: Record<ClipMode, string>;
  colors: Record<ClipMode, string>;
}

/** Line styles, so the runs differ by more than colour: solid, dashed, dotted. */
const DASH: Record<ClipMode, string | undefined> = { none: undefined, value: "6 4", norm: "2 3" };

/** The norm axis before any step: a log scale needs positive bounds. */
const EMPTY: [number, number] = [1e-3, 10];

const fmt = (x: number) => (Number.isFinite(x) ? exponential(x, 1) : "–");

/**
 * ‖∂L/∂h_t‖ for every time step of the last batch, one line per run, on a log scale: the
 * backpropagation-through-time profile, drawn with the shared `LineChart` and redrawn on every
 * progress report.
 */
export function GradNormChart({ view, labels, colors }: Props) {
  const modes = Object.keys(labels) as ClipMode[];
  const T = Math.max(0, ...modes.map((m) => view[m].gradNorms.length));
  const series = modes.map((m) => ({
    id: m,
    label: labels[m],
    colour: colors[m],
    dashed: DASH[m],
    points: view[m].gradNorms.flatMap((v, i) => (v > 0 && Number.isFinite(v) ? [{ x: i + 1, y: v }] : [])),
  }));
  const summary = modes
    .map((m) => {
      const g = view[m].gradNorms;
      if (view[m].divergedAt !== null) return `${labels[m]}: diverged at step ${view[m].divergedAt}`;
      if (!g.length) return `${labels[m]}: no step yet`;
      return `${labels[m]}: ‖∂L/∂h_1‖ = ${fmt(g[0])}, ‖∂L/∂h_${g.length}‖ = ${fmt(g[g.length - 1])}`;
    })
    .join("; ");
  return (
    <div class="clip-gradnorm">
      <LineChart
        name="gradnorms"
        label="Gradient norm ‖∂L/∂hₜ‖ per time step on the last batch, before clipping (log scale)"
        summary={`Gradient norm per time step, log scale. ${summary}.`}
        series={series}
        x={{ label: "time step t", integer: true, domain: [1, Math.max(2, T)] }}
        y={{
          label: "‖∂L/∂hₜ‖",
          type: "log",
          domain: series.some((s) => s.points.length > 0) ? undefined : EMPTY,
          format: (v) => `1e${Math.round(Math.log10(v))}`,
        }}
        table={{
          columns: ["t", ...modes.map((m) => labels[m])],
          rows: Array.from({ length: T }, (_, i) => [i + 1, ...modes.map((m) => fmt(view[m].gradNorms[i]))]),
        }}
      />
    </div>
  );
}
