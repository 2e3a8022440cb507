/**
 * Text of notebook cells that set a widget's values (used by the widgets' `*Notebook.ts` cell
 * generators, which run on the notebook page: see src/notebook/fromWidget.ts).
 */
const num = (x: number): string => (Object.is(x, -0) ? "0" : String(x));

/** A cell that sets a matrix: `Q = [[1, 0], [0, 1]]`. */
export const matrixCell = (name: string, rows: readonly (readonly number[])[]): string =>
  `${name} = [${rows.map((r) => `[${r.map(num).join(", ")}]`).join(", ")}]`;

/** A cell that sets a vector: `q = [1, 2, 3]`. */
export const vectorCell = (name: string, v: readonly number[]): string =>
  `${name} = [${v.map(num).join(", ")}]`;

/** A cell that sets a number: `tau = 0.5`. */
export const scalarCell = (name: string, x: number): string => `${name} = ${num(x)}`;
