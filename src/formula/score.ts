/**
 * Chapter 3's score formulas in a worker: one query against every key under one work budget.
 * Shared by the notebook's worker (`handlers.ts`) and the lighter score worker (`scoreWorker.ts`).
 */
import { type FormulaMath, explainFormulaError, scoreMatrixFromFormula } from "../../lib/formula/index";
import type { Request, ScoreResult } from "./protocol";

/**
 * Wall-clock limit of one request inside a worker, checked at every call a formula makes, so a
 * runaway formula stops itself. The page terminates the worker only if this check cannot run
 * (`client.ts`, `TIME_LIMIT_MS`).
 */
export const EVALUATION_LIMIT_MS = 2_000;

/** The TeX of the reader's formula and the scores of `q` against each row of `K`, or the problem. */
export function scoreWith(fm: FormulaMath, req: Extract<Request, { type: "score" }>): ScoreResult {
  let tex: string | null = null;
  try {
    tex = fm.parse(req.formula).tex;
  } catch {
    // A formula that does not parse has no TeX; the evaluation below reports why.
  }
  try {
    const S = fm.batch(() => scoreMatrixFromFormula(req.formula, [req.q], req.K, fm)); // (1, n_k)
    return { tex, scores: Array.from(S.row(0)), problem: null };
  } catch (err) {
    return { tex, scores: null, problem: explainFormulaError(err, req.formula) };
  }
}
