import { scalarCell } from "../primitives/notebookCells";

/**
 * Notebook cells that recompute the layer-cost widget: both costs at the reader's n and d, their
 * ratio n/d, and both costs as functions of the sequence length m, which the notebook plots (on
 * linear axes; the widget's chart is log–log).
 */
export function costCells(s: { n: number; d: number }): string[] {
  return [
    scalarCell("n", s.n),
    scalarCell("d", s.d),
    "selfAttention = n^2 * d",
    "recurrent = n * d^2",
    "ratio = selfAttention / recurrent",
    "costSelf(m) = m^2 * d",
    "costRec(m) = m * d^2",
  ];
}
