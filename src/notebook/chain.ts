/**
 * A chain of dependent cells evaluated in one worker message. When a cell changes, the engine
 * (`engine.ts`) sends the cells that must recompute, in dependency order, with the values of the
 * unchanged cells they read; the worker evaluates them one after another, each with the results
 * before it in scope, exactly as separate `evaluate` requests would. One round trip instead of
 * one per cell: the page is not woken once per cell to pass values back and forth.
 */
import type { FormulaProblem } from "../../lib/formula/messages";
import type { Encoded, EvaluateResult, Request } from "../formula/protocol";

/** The request: cells in dependency order, and the values of the inputs no chain cell defines. */
export type ChainRequest = Extract<Request, { type: "evaluateChain" }>;

/**
 * Each cell's outcome by id. A cell is missing when an input had no value (an error before it,
 * an undefined name) or the chain ran out of time: the engine evaluates those on their own.
 */
export type ChainResult = Record<
  string,
  { ok: true; result: EvaluateResult } | { ok: false; problem: FormulaProblem }
>;

/** After this long, in milliseconds, no further cell of a chain is started. */
export const CHAIN_BUDGET_MS = 1_000;

/**
 * Evaluate `req.cells` in order with `evaluate` (the worker's single-cell evaluation), turning
 * what a cell throws into its problem with `explain`.
 */
export function evaluateChain(
  req: ChainRequest,
  evaluate: (source: string, scope: Record<string, Encoded>) => EvaluateResult,
  explain: (err: unknown, source: string) => FormulaProblem,
  now: () => number = () => performance.now(),
): ChainResult {
  const start = now();
  const values = new Map(Object.entries(req.scope));
  const out: ChainResult = {};
  for (const cell of req.cells) {
    if (now() - start > CHAIN_BUDGET_MS) break;
    if (!cell.inputs.every((n) => values.has(n))) continue;
    const scope: Record<string, Encoded> = {};
    for (const n of cell.inputs) scope[n] = values.get(n)!;
    try {
      const result = evaluate(cell.source, scope);
      out[cell.id] = { ok: true, result };
      if (cell.name !== null) values.set(cell.name, result.value);
    } catch (err) {
      out[cell.id] = { ok: false, problem: explain(err, cell.source) };
    }
  }
  return out;
}
