import { MatrixGrid } from "../widgets/primitives/charts/MatrixGrid";
import { fixed } from "../widgets/primitives/format";

interface Props {
  /** Rows: output steps; columns: input positions; each row sums to 1. */
  weights: number[][];
  /** Row labels (the outputs) and column labels (the inputs). */
  rows: string[];
  cols: string[];
  /** Axis names, e.g. "output" and "input". */
  rowLabel: string;
  colLabel: string;
  /** The visible caption. */
  caption: string;
  /** Short name of the figure, for its table, e.g. "Attention weights". */
  label: string;
  /** `data-table` name of the text-alternative table, read by tests. */
  tableName?: string;
}

/**
 * A live attention matrix (the site's matrix chart, `MatrixGrid`: sequential palette, legend,
 * caption and a table of the same numbers as its text alternative).
 */
export function AttentionView({
  weights,
  rows,
  cols,
  rowLabel,
  colLabel,
  caption,
  label,
  tableName = "attention",
}: Props) {
  return (
    <div class="trainer-attention">
      <MatrixGrid
        name={tableName}
        label={caption}
        summary={`${label}. ${rows.map((r, i) => `${r}: ${(weights[i] ?? []).map((a) => fixed(a, 2)).join(" ")}`).join("; ")}`}
        data={rows.map((_, i) => cols.map((_, j) => weights[i]?.[j] ?? 0))}
        rows={rows}
        cols={cols}
        rowTitle={rowLabel}
        colTitle={colLabel}
        palette="sequential"
        domain={[0, 1]}
        legend="weight"
        format={(a) => fixed(a, 2)}
      />
    </div>
  );
}
