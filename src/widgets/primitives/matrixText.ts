import { excerpt } from "../../../lib/core/excerpt";

/** Limits on a matrix typed by a reader. */
export interface MatrixLimits {
  maxRows: number;
  maxCols: number;
  maxAbs: number;
}

export const DEFAULT_LIMITS: MatrixLimits = { maxRows: 8, maxCols: 64, maxAbs: 1e6 };

export type Parsed = { ok: true; value: number[][] } | { ok: false; error: string };

/**
 * Parse a matrix typed as text: one row per line (or rows separated by `;`), numbers separated
 * by spaces or commas. Every problem comes back as a sentence a reader can act on.
 */
export function parseMatrixText(text: string, name: string, limits: MatrixLimits = DEFAULT_LIMITS): Parsed {
  const lines = text
    .split(/[\n;]/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return { ok: false, error: `${name} is empty: type at least one row of numbers.` };
  if (lines.length > limits.maxRows) {
    return {
      ok: false,
      error: `${name} has ${lines.length} rows; at most ${limits.maxRows} are allowed here.`,
    };
  }
  const rows: number[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i].split(/[\s,]+/).filter((c) => c !== "");
    const row: number[] = [];
    for (let j = 0; j < cells.length; j++) {
      const v = Number(cells[j]);
      if (!Number.isFinite(v) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cells[j])) {
        return {
          ok: false,
          error: `${name}, row ${i + 1}, entry ${j + 1}: "${excerpt(cells[j])}" is not a number.`,
        };
      }
      if (Math.abs(v) > limits.maxAbs) {
        return {
          ok: false,
          error: `${name}, row ${i + 1}, entry ${j + 1}: ${v} is larger than ${limits.maxAbs} in size.`,
        };
      }
      row.push(v);
    }
    if (row.length > limits.maxCols) {
      return {
        ok: false,
        error: `${name}, row ${i + 1} has ${row.length} numbers; at most ${limits.maxCols} are allowed.`,
      };
    }
    if (i > 0 && row.length !== rows[0].length) {
      return {
        ok: false,
        error: `${name}, row ${i + 1} has ${row.length} numbers but row 1 has ${rows[0].length}; every row needs the same count.`,
      };
    }
    rows.push(row);
  }
  return { ok: true, value: rows };
}

/** Format a matrix back into the text form, one row per line. */
export function formatMatrixText(m: number[][]): string {
  return m.map((r) => r.join(" ")).join("\n");
}

/** A compact number for tables and equations: up to 4 significant digits, no trailing zeros. */
export { sig as fmt } from "./format";
