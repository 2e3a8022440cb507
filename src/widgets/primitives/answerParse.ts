/**
 * Reading what a reader types as an exercise answer: numbers with a decimal point or a decimal
 * comma, fractions and small arithmetic (`1/8`, `e^2/(e^2+3e)`, `sqrt(2)/2`), and vectors or
 * matrices written with brackets, commas, spaces, semicolons or one row per line.
 *
 * Arithmetic goes through a tiny recursive-descent parser (numbers, + − × ÷ ^, parentheses, a few
 * functions and constants), never `eval`, and never a general formula engine: it is small enough to
 * ship with every exercise. Every problem comes back as a sentence the reader can act on.
 */
import { excerpt } from "../../../lib/core/excerpt";
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

// Maps, not plain objects: a reader's word such as "constructor" must not find Object.prototype's.
const FUNCTIONS = new Map<string, (x: number) => number>([
  ["sqrt", Math.sqrt],
  ["exp", Math.exp],
  ["ln", Math.log],
  ["log", Math.log],
  ["tanh", Math.tanh],
  ["abs", Math.abs],
]);
const CONSTANTS = new Map<string, number>([
  ["e", Math.E],
  ["pi", Math.PI],
  ["π", Math.PI],
]);
const MAX_LENGTH = 200;

/** Unicode operators and signs readers paste, mapped to the ASCII the parser reads. */
function normaliseOperators(text: string): string {
  return text
    .replace(/[−–]/g, "-")
    .replace(/[×·⋅∙]/g, "*")
    .replace(/[÷∕]/g, "/")
    .replace(/\*\*/g, "^")
    .replace(/√/g, "sqrt");
}

type Token = { kind: "num"; value: number } | { kind: "name"; name: string } | { kind: "op"; op: string };

function tokenize(text: string): ParseResult<Token[]> {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+\.?\d*(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?)|([a-zπ]+)|([-+*/^()]))/iy;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m)
      return { ok: false, error: `"${text.slice(pos).trim()[0]}" is not something an answer can contain` };
    pos = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: "num", value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: "name", name: m[2].toLowerCase() });
    else tokens.push({ kind: "op", op: m[3] });
  }
  return { ok: true, value: tokens };
}

/**
 * Evaluate a small arithmetic expression: numbers, `+ - * / ^`, parentheses, `sqrt exp ln log
 * tanh abs` with parentheses, and the constants `e` and `pi`.
 */
export function evaluateArithmetic(input: string): ParseResult<number> {
  const text = normaliseOperators(input.trim());
  if (text === "") return { ok: false, error: "the answer is empty" };
  if (text.length > MAX_LENGTH)
    return { ok: false, error: `the answer is longer than ${MAX_LENGTH} characters` };
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  const tokens = lexed.value;
  let i = 0;
  let depth = 0;
  const fail = (error: string): never => {
    throw new SyntaxError(error);
  };
  const peekOp = (op: string) => tokens[i]?.kind === "op" && (tokens[i] as { op: string }).op === op;

  const expr = (): number => {
    let v = term();
    while (peekOp("+") || peekOp("-")) {
      const op = (tokens[i++] as { op: string }).op;
      const r = term();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  const term = (): number => {
    let v = unary();
    for (;;) {
      if (peekOp("*") || peekOp("/")) {
        const op = (tokens[i++] as { op: string }).op;
        const r = unary();
        v = op === "*" ? v * r : v / r;
      } else if (tokens[i]?.kind === "name" || peekOp("(")) {
        v *= power(); // implicit product: 3e, 2sqrt(2), 2(1 + e)
      } else return v;
    }
  };
  const unary = (): number => {
    if (peekOp("-")) {
      i++;
      return -unary();
    }
    if (peekOp("+")) {
      i++;
      return unary();
    }
    return power();
  };
  const power = (): number => {
    const base = primary();
    if (peekOp("^")) {
      i++;
      return base ** unary();
    }
    return base;
  };
  const group = (): number => {
    if (++depth > 40) fail("the answer nests too many parentheses");
    i++;
    const v = expr();
    if (!peekOp(")")) fail("a parenthesis is not closed");
    i++;
    depth--;
    return v;
  };
  const primary = (): number => {
    const tok = tokens[i];
    if (!tok) return fail("the answer ends where a number was expected");
    if (tok.kind === "num") {
      i++;
      return tok.value;
    }
    if (tok.kind === "op" && tok.op === "(") return group();
    if (tok.kind === "name") {
      i++;
      const fn = FUNCTIONS.get(tok.name);
      if (fn) {
        if (peekOp("(")) return fn(group());
        return fn(primary());
      }
      const constant = CONSTANTS.get(tok.name);
      if (constant !== undefined) return constant;
      return fail(
        `"${excerpt(tok.name)}" is not a number or a function this answer box knows (sqrt, exp, ln, tanh, e, pi)`,
      );
    }
    return fail(`"${tok.op}" appears where a number was expected`);
  };

  try {
    const v = expr();
    if (i < tokens.length) {
      const t = tokens[i];
      const what = t.kind === "num" ? String(t.value) : t.kind === "name" ? t.name : t.op;
      return {
        ok: false,
        error: `"${excerpt(what)}" is left over: put an operator such as * between numbers`,
      };
    }
    if (!Number.isFinite(v))
      return { ok: false, error: "the answer is not a finite number (a division by zero?)" };
    return { ok: true, value: v };
  } catch (err) {
    if (err instanceof SyntaxError) return { ok: false, error: err.message };
    throw err;
  }
}

/** `0,6652` → `0.6652`; `1,664` (a thousands separator) → `1664`. For a single number only. */
function decimalComma(text: string): string {
  if (/^[-+]?[1-9]\d{0,2}(,\d{3})+$/.test(text.trim())) return text.replace(/,/g, "");
  return text.replace(/(\d),(\d)/g, "$1.$2");
}

/** Strip what readers put around a single answer: `≈`, `=`, `~` and one pair of brackets. */
function stripDecoration(text: string): string {
  let t = text.trim().replace(/^[≈=~]\s*/, "");
  const m = /^\[\s*([^[\]]*)\s*\]$/.exec(t);
  if (m) t = m[1];
  return t.replace(/\.\.\.$|…$/, "").trim();
}

/** Read one number, possibly written as arithmetic or with a decimal comma. */
export function parseNumberAnswer(raw: string): ParseResult<number> {
  const text = decimalComma(stripDecoration(raw));
  if (text === "") return { ok: false, error: "Type a number first." };
  const r = evaluateArithmetic(text);
  return r.ok ? r : { ok: false, error: `Could not read "${excerpt(raw)}": ${r.error}.` };
}

/** Split a row on whitespace, keeping `1 / 8` or `2 *3` together as one entry. */
function splitOnSpaces(row: string): string[] {
  const parts = row.split(/\s+/).filter((p) => p !== "");
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (/^[*/^)]/.test(p) || /[-+*/^(]$/.test(prev)))
      out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

/** The rows of a matrix typed with brackets (`[[1, 2], [3, 4]]`), semicolons or one row per line. */
function splitRows(text: string): string[] {
  const t = text.trim();
  const groups = [...t.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]);
  if (groups.length > 1 || /^\[\s*\[/.test(t)) return groups;
  return t
    .replace(/^\[|\]$/g, "")
    .split(/[\n;]/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

type Reading = "commas" | "spaces, decimal commas" | "comma-space, decimal commas";

function readMatrix(text: string, reading: Reading): ParseResult<number[][]> {
  const rows = splitRows(text);
  if (rows.length === 0) return { ok: false, error: "Type at least one number first." };
  if (rows.length > 16)
    return { ok: false, error: `Your answer has ${rows.length} rows; the answer is much smaller.` };
  const out: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    let cells: string[];
    if (reading === "commas") cells = rows[i].includes(",") ? rows[i].split(",") : splitOnSpaces(rows[i]);
    else if (reading === "spaces, decimal commas")
      cells = splitOnSpaces(rows[i].replace(/(\d),(\d)/g, "$1.$2"));
    else cells = rows[i].split(/,\s+/).map((c) => c.replace(/(\d),(\d)/g, "$1.$2"));
    cells = cells.map((c) => c.trim());
    if (cells.some((c) => c === ""))
      return { ok: false, error: `Row ${i + 1} has an empty entry (two commas in a row?).` };
    if (cells.length > 16)
      return { ok: false, error: `Row ${i + 1} has ${cells.length} entries; the answer is much smaller.` };
    const row: number[] = [];
    for (let j = 0; j < cells.length; j++) {
      const r = evaluateArithmetic(cells[j]);
      if (!r.ok) {
        const where = rows.length > 1 ? `Row ${i + 1}, entry ${j + 1}` : `Entry ${j + 1}`;
        return { ok: false, error: `${where}, "${excerpt(cells[j])}": ${r.error}.` };
      }
      row.push(r.value);
    }
    if (i > 0 && row.length !== out[0].length) {
      return {
        ok: false,
        error: `Row ${i + 1} has ${row.length} numbers but row 1 has ${out[0].length}; every row needs the same count.`,
      };
    }
    out.push(row);
  }
  return { ok: true, value: out };
}

function fitsShape(m: number[][], shape: [number, number]): boolean {
  const [r, c] = shape;
  if (m.length === r && m[0].length === c) return true;
  // A vector may be typed as a row or as a column.
  return (r === 1 || c === 1) && m.length === c && m[0].length === r;
}

/**
 * Read a vector or matrix. Commas are ambiguous (`0,75 0,5` uses decimal commas, `0.75,0.5`
 * separates entries), so each reading is tried and the one that gives the expected shape wins.
 */
export function parseMatrixAnswer(raw: string, shape: [number, number]): ParseResult<number[][]> {
  const text = normaliseOperators(raw.replace(/[≈~]/g, ""));
  const readings: Reading[] = ["commas", "spaces, decimal commas", "comma-space, decimal commas"];
  const results = readings.map((r) => readMatrix(text, r));
  const fit = results.find((r) => r.ok && fitsShape(r.value, shape));
  if (fit) return fit;
  return results.find((r) => r.ok) ?? results[0];
}

/** Orient a vector the way the expected answer is written (row or column). */
export function orientLike(m: number[][], shape: [number, number]): number[][] {
  if (m.length === shape[0] && m[0]?.length === shape[1]) return m;
  if ((shape[0] === 1 || shape[1] === 1) && m.length === shape[1] && m[0]?.length === shape[0])
    return m[0].map((_, j) => m.map((row) => row[j]));
  return m;
}
