import { useEffect, useRef, useState } from "preact/hooks";
import type { HistoryPoint } from "../../lib/models/trainingModel";

interface Props {
  history: HistoryPoint[];
  /** Accessible name, e.g. "Loss and held-out accuracy of the reversal model". */
  label: string;
  /** Draw the named `series` (variants trained side by side) instead of training/held-out loss. */
  series?: { key: string; label: string; color?: string }[];
  /** Draw the held-out accuracy panel (default true). */
  accuracy?: boolean;
  /** What the loss is, for the axis, e.g. "cross-entropy (nats)". */
  lossLabel?: string;
}

/** Plot redraws the whole chart, so while the history grows it is redrawn at most this often. */
const DRAW_MS = 600;

interface Row {
  step: number;
  value: number;
  line: string;
}

/**
 * The live loss (log scale) and held-out accuracy curves of a run, drawn with Observable Plot,
 * which is imported only once the widget is on screen (islands hydrate on sight). A summary
 * sentence and a table of the points are its text alternative.
 */
export function TrainingChart({ history, label, series, accuracy = true, lossLabel = "loss" }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [plot, setPlot] = useState<typeof import("@observablehq/plot") | null>(null);

  useEffect(() => {
    let live = true;
    void import("@observablehq/plot").then((P) => live && setPlot(P));
    return () => {
      live = false;
    };
  }, []);

  const latest = useRef(history);
  latest.current = history;
  const drawn = useRef<{ at: number; timer: number }>({ at: -Infinity, timer: 0 });

  useEffect(() => {
    if (!plot) return;
    const d = drawn.current;
    const draw = () => {
      d.timer = 0;
      d.at = performance.now();
      if (host.current) drawChart(plot, host.current, latest.current, series, accuracy, lossLabel);
    };
    const wait = DRAW_MS - (performance.now() - d.at);
    // The first points and an emptied history (a reset) are drawn at once.
    if (wait <= 0 || history.length <= 1) {
      if (d.timer) clearTimeout(d.timer);
      draw();
    } else if (!d.timer) d.timer = window.setTimeout(draw, wait);
  }, [plot, history]);

  useEffect(() => () => clearTimeout(drawn.current.timer), []);

  const last = history[history.length - 1];
  const summary = !last
    ? "No training steps yet."
    : `After ${last.step} steps: ` +
      (series
        ? series.map((s) => `${s.label} loss ${fmt(last.series?.[s.key])}`).join(", ")
        : `training loss ${fmt(last.loss)}, held-out loss ${fmt(last.heldOutLoss)}`) +
      (accuracy && last.accuracy !== undefined
        ? `, held-out accuracy ${(100 * last.accuracy).toFixed(1)} %.`
        : ".");
  const shown =
    history.length > 12
      ? history.filter((_, i) => i % Math.ceil(history.length / 12) === 0 || i === history.length - 1)
      : history;
  return (
    <figure class="trainer-chart">
      <div class="trainer-chart-plots" role="img" aria-label={`${label}. ${summary}`} ref={host} />
      <figcaption>{summary}</figcaption>
      <details>
        <summary>{label} as a table</summary>
        <table data-table="history">
          <thead>
            <tr>
              <th scope="col">step</th>
              {series ? (
                series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label} loss
                  </th>
                ))
              ) : (
                <>
                  <th scope="col">training loss</th>
                  <th scope="col">held-out loss</th>
                </>
              )}
              {accuracy && <th scope="col">held-out accuracy</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.step}>
                <th scope="row">{p.step}</th>
                {series ? (
                  series.map((s) => <td key={s.key}>{fmt(p.series?.[s.key])}</td>)
                ) : (
                  <>
                    <td>{fmt(p.loss)}</td>
                    <td>{fmt(p.heldOutLoss)}</td>
                  </>
                )}
                {accuracy && <td>{p.accuracy === undefined ? "" : `${(100 * p.accuracy).toFixed(1)} %`}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "–" : v < 0.001 ? v.toExponential(2) : v.toFixed(3);
}

/** Draw the loss (and accuracy) panels of `history` into `host` with Observable Plot. */
function drawChart(
  plot: typeof import("@observablehq/plot"),
  host: HTMLElement,
  history: HistoryPoint[],
  series: Props["series"],
  accuracy: boolean,
  lossLabel: string,
): void {
  const lossRows: Row[] = [];
  const accRows: Row[] = [];
  for (const p of history) {
    if (series) {
      for (const s of series) {
        const v = p.series?.[s.key];
        if (v !== undefined && v > 0 && Number.isFinite(v))
          lossRows.push({ step: p.step, value: v, line: s.label });
      }
    } else {
      if (p.step > 0 && p.loss > 0) lossRows.push({ step: p.step, value: p.loss, line: "training" });
      if (p.heldOutLoss !== undefined && p.heldOutLoss > 0)
        lossRows.push({ step: p.step, value: p.heldOutLoss, line: "held-out" });
    }
    if (p.accuracy !== undefined) accRows.push({ step: p.step, value: p.accuracy, line: "held-out" });
  }
  const common = {
    width: 320,
    height: 190,
    marginLeft: 48,
    marginRight: 12,
    style: { background: "transparent" },
  };
  const lossFig = plot.plot({
    ...common,
    y: { type: "log", label: lossLabel, grid: true },
    x: { label: "step" },
    color:
      series && series.every((x) => x.color)
        ? { legend: true, domain: series.map((x) => x.label), range: series.map((x) => x.color as string) }
        : { legend: true, scheme: "observable10" },
    marks: [plot.lineY(lossRows, { x: "step", y: "value", stroke: "line", z: "line" })],
  });
  const figs: Element[] = [lossFig];
  if (accuracy) {
    figs.push(
      plot.plot({
        ...common,
        y: { domain: [0, 1], label: "held-out accuracy", grid: true, tickFormat: "%" },
        x: { label: "step" },
        marks: [
          plot.lineY(accRows, { x: "step", y: "value", stroke: "currentColor", z: null }),
          plot.ruleY([0]),
        ],
      }),
    );
  }
  for (const f of figs) f.setAttribute("aria-hidden", "true");
  host.replaceChildren(...figs);
}
