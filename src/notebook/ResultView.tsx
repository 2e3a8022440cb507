import type { EvaluateResult } from "../formula/protocol";
import { NumberTable } from "../widgets/primitives/NumberTable";
import { Bars, Grid, Line } from "./Charts";
import type { ViewKind } from "./model";
import { rowsOf, valueText } from "./views";

interface Props {
  /** The cell's name for the charts' labels: "W", or "Cell 3". */
  label: string;
  result: EvaluateResult;
  view: Exclude<ViewKind, "auto">;
  /** `data-chart`/`data-table` names, unique on the page. */
  name: string;
}

/** Most rows and columns a table or grid shows (a 256×256 matrix would be 65,536 cells). */
export const SHOWN_MAX = 32;

const labels = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

/** A cell's result drawn in the chosen view. */
export function ResultView({ label, result, view, name }: Props) {
  const v = result.value;
  if (view === "plot" && result.plot && v.kind === "function") {
    const x = v.params[0];
    const { xs, ys } = result.plot;
    return (
      <Line
        name={name}
        label={`${v.name}(${x}) for ${x} from ${xs[0]} to ${xs[xs.length - 1]}`}
        xs={xs}
        ys={ys}
      />
    );
  }
  if (v.kind === "matrix" && v.size.length <= 2 && view !== "text") {
    const all = rowsOf(v);
    const oneD = v.size.length === 1;
    const rows = all.slice(0, SHOWN_MAX).map((r) => r.slice(0, SHOWN_MAX));
    const cut = all.length > SHOWN_MAX || (all[0]?.length ?? 0) > SHOWN_MAX;
    const caption = cut ? `${label}: the first ${SHOWN_MAX} rows and columns of ${v.size.join("×")}` : label;
    if (view === "bars") return <Bars name={name} label={caption} values={rows[0].map(Number)} />;
    if (view === "heatmap" || view === "grid") return <Grid name={name} label={caption} data={rows} />;
    return (
      <NumberTable
        name={name}
        caption={caption}
        data={rows.map((r) => r.map(Number))}
        rowLabels={oneD ? [label] : labels(rows.length)}
        colLabels={labels(rows[0]?.length ?? 0)}
      />
    );
  }
  return (
    <output class="nb-value" data-value={name}>
      {valueText(v)}
    </output>
  );
}
