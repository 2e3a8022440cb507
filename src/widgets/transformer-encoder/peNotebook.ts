import { scalarCell } from "../primitives/notebookCells";

/**
 * Notebook cells that recompute the positional-encoding widget: the encoding of n positions in d
 * dimensions, the dot product of the reference position p with every position, and the chosen
 * pair's frequency and codes at p (the notebook counts rows and columns from 1, so PE(p, 2i) is
 * `PE[p + 1, 2 pair + 1]`). `null` while d is odd.
 */
export function peCells(s: { n: number; d: number; p: number; i: number }): string[] | null {
  if (s.d % 2 !== 0) return null;
  const p = Math.min(s.p, s.n - 1);
  const pair = Math.min(s.i, s.d / 2 - 1);
  return [
    scalarCell("n", s.n),
    scalarCell("d", s.d),
    scalarCell("p", p),
    scalarCell("pair", pair),
    "PE = positionalEncoding(n, d)",
    "sim = PE * PE[p + 1, :]'",
    "omega = 1 / 10000^(2 * pair / d)",
    "codes = [sin(p * omega), cos(p * omega)]",
    "fromPE = PE[p + 1, 2 * pair + 1 : 2 * pair + 2]",
  ];
}
