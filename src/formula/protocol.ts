/**
 * Messages between the page and a formula worker (`src/notebook/worker.ts`, `scoreWorker.ts`). Values cross as plain data
 * (structured clone): numbers, booleans, strings, nested arrays, and descriptions of functions.
 */
import type { FormulaProblem } from "../../lib/formula/messages";

/** A value a formula produced, as plain data. */
export type Encoded =
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "complex"; re: number; im: number }
  | { kind: "matrix"; size: number[]; data: unknown[] }
  | { kind: "function"; name: string; params: string[]; source: string; scope: Record<string, Encoded> }
  | { kind: "none" };

/** What a cell is, found by parsing it. */
export interface Analysis {
  /** `assignment` (`x = …`), `function` (`f(x) = …`) or a bare `expression`. */
  kind: "assignment" | "function" | "expression";
  /** The name the cell defines (assignments and functions). */
  name: string | null;
  /** Parameters of a function cell. */
  params: string[];
  /** Free symbols: names the cell reads that it does not define, besides the library's. */
  inputs: string[];
  /** TeX of the formula (typeset on the page; a formula that cannot be typeset shows as text). */
  tex: string;
}

/** A function of one variable sampled for a plot. */
export interface Plot {
  xs: number[];
  ys: number[];
}

/** What any formula worker answers (`handlers.ts`). */
export type FormulaRequest =
  | { type: "score"; formula: string; q: number[]; K: number[][] }
  | { type: "analyze"; source: string }
  | { type: "evaluate"; source: string; scope: Record<string, Encoded> };

/** One cell of a chain the notebook evaluates in one message: what it defines and the names it reads. */
export interface ChainCell {
  id: string;
  source: string;
  name: string | null;
  inputs: string[];
}

export type Request =
  | FormulaRequest
  /** The notebook's worker only: a widget's link state (`?from=<widget id>&…`) as cells (`src/notebook/fromWidget.ts`). */
  | { type: "fromWidget"; search: string }
  /**
   * The notebook's worker only: cells in dependency order, with the values of the inputs no
   * chain cell defines (`src/notebook/chain.ts`).
   */
  | { type: "evaluateChain"; cells: ChainCell[]; scope: Record<string, Encoded> };

export interface ScoreResult {
  tex: string | null;
  scores: number[] | null;
  problem: FormulaProblem | null;
}

export interface EvaluateResult {
  value: Encoded;
  plot: Plot | null;
}

export type Response =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; problem: FormulaProblem }
  | { type: "ready"; names: KnownNames };

/** Names formulas may use without defining them, and names that exist but are disabled. */
export interface KnownNames {
  callable: string[];
  disabled: string[];
}

/** The formula text a request carries (for messages that point at a character), or "" if none. */
export function formulaOf(req: Request): string {
  if (req.type === "score") return req.formula;
  return req.type === "fromWidget" || req.type === "evaluateChain" ? "" : req.source;
}
