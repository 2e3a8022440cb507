/**
 * Conversions between formula values (mathjs matrices, nested arrays, numbers) and the
 * library's `Matrix` / `Float64Array`.
 */
import { Matrix } from "../core/matrix";

/** A value inside a formula: a number, a boolean, an array or a mathjs matrix. */
export type FormulaValue = unknown;

const isMathMatrix = (v: unknown): v is { isMatrix: true; valueOf(): unknown; size(): number[] } =>
  v !== null && typeof v === "object" && (v as { isMatrix?: boolean }).isMatrix === true;

function plain(v: FormulaValue): unknown {
  return isMathMatrix(v) ? v.valueOf() : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v;
}

function toNumber(fn: string, arg: string, v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new TypeError(
    `${fn}: ${arg} must hold real numbers, found ${typeof v === "object" ? String(v) : typeof v}`,
  );
}

/** A scalar argument (a number, or a 1-entry matrix). */
export function toScalar(fn: string, arg: string, v: FormulaValue): number {
  const p = plain(v);
  if (Array.isArray(p)) {
    const flat = p.flat(Infinity);
    if (flat.length !== 1) throw new TypeError(`${fn}: ${arg} must be a number, got ${describe(v)}`);
    return toNumber(fn, arg, flat[0]);
  }
  return toNumber(fn, arg, p);
}

/** A matrix argument, rows are tokens; a vector counts as one row. */
export function toLibMatrix(fn: string, arg: string, v: FormulaValue): Matrix {
  const p = plain(v);
  if (!Array.isArray(p)) throw new TypeError(`${fn}: ${arg} must be a matrix, got ${describe(v)}`);
  const rows = p.length > 0 && Array.isArray(p[0]) ? (p as unknown[][]) : [p];
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const m = new Matrix(rows.length, cols); // (rows, cols)
  for (let i = 0; i < rows.length; i++) {
    if (!Array.isArray(rows[i]) || rows[i].length !== cols) {
      throw new RangeError(`${fn}: ${arg} must be a 2-D matrix; row ${i + 1} has another length`);
    }
    for (let j = 0; j < cols; j++) m.data[i * cols + j] = toNumber(fn, arg, rows[i][j]);
  }
  return m;
}

/** A vector argument: 1-D, or a matrix with one row or one column. */
export function toLibVector(fn: string, arg: string, v: FormulaValue): Float64Array {
  const m = toLibMatrix(fn, arg, v);
  if (m.rows !== 1 && m.cols !== 1)
    throw new RangeError(`${fn}: ${arg} must be a vector, got a ${m.rows}×${m.cols} matrix`);
  return m.data;
}

/**
 * A reader-facing description of a value, with its article, for error messages:
 * `a number`, `a complex number`, `a vector of 4 numbers`, `a 3×4 matrix`.
 */
export function describe(v: FormulaValue): string {
  const p = plain(v);
  if (!Array.isArray(p)) {
    if (typeof p === "number") return "a number";
    if (p !== null && typeof p === "object" && "re" in p && "im" in p) return "a complex number";
    return `a ${typeof p}`;
  }
  const dims: number[] = [];
  for (let a: unknown = p; Array.isArray(a); a = a[0]) dims.push(a.length);
  if (dims.length === 1) return `a vector of ${dims[0]} number${dims[0] === 1 ? "" : "s"}`;
  return `a ${dims.join("×")} matrix`;
}

/** Does a formula value have two dimensions? */
export function is2d(v: FormulaValue): boolean {
  const p = plain(v);
  return Array.isArray(p) && p.length > 0 && Array.isArray(p[0]);
}

/** Number of entries of a formula value (1 for a scalar). */
export function entryCount(v: FormulaValue): number {
  const p = plain(v);
  return Array.isArray(p) ? p.flat(Infinity).length : 1;
}
