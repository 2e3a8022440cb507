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

/**
 * Cells that set a matrix too long for one cell (a formula holds at most 2,000 characters): the
 * rows in blocks `A_1`, `A_2`, … of at most `limit` characters each, then `A = concat(A_1, A_2, 1)`.
 * One cell, as `matrixCell`, when it fits.
 */
export function longMatrixCells(name: string, rows: readonly (readonly number[])[], limit = 1900): string[] {
  const whole = matrixCell(name, rows);
  if (whole.length <= limit) return [whole];
  const blocks: (readonly number[])[][] = [[]];
  for (const r of rows) {
    const cur = blocks[blocks.length - 1];
    if (cur.length > 0 && matrixCell(`${name}_${blocks.length}`, [...cur, r]).length > limit)
      blocks.push([r]);
    else cur.push(r);
  }
  const names = blocks.map((_, b) => `${name}_${b + 1}`);
  return [...blocks.map((b, k) => matrixCell(names[k], b)), `${name} = concat(${names.join(", ")}, 1)`];
}
