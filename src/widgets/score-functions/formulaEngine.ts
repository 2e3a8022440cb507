import { FormulaError, FormulaWorkerClient, problemText } from "../../formula/client";
import type { ScoreResult } from "../../formula/protocol";

/** The reader's formula scored over every key, or the sentence that says why it could not be. */
export interface FormulaOutcome {
  /** The inputs this outcome belongs to (formula, q, K). */
  key: string;
  /** The vectors alone (q, K). */
  vectors: string;
  /** TeX of the formula, `null` if it does not parse. */
  tex: string | null;
  scores: number[] | null;
  error: string | null;
}

let worker: FormulaWorkerClient | null = null;
/** The chapter's score worker (score formulas only), started on first use. */
function scoreWorker(): FormulaWorkerClient {
  worker ??= new FormulaWorkerClient(
    () =>
      new Worker(new URL("../../formula/scoreWorker.ts", import.meta.url), { type: "module", name: "score" }),
  );
  return worker;
}

export const outcomeKey = (formula: string, q: number[], K: number[][]): string =>
  JSON.stringify([formula, q, K]);

/**
 * Score one query against every key with the reader's formula, in the formula worker (one work
 * budget for all keys, a wall-clock limit, never on the page's main thread). An aborted signal
 * drops the request if it is still waiting behind another.
 */
export async function scoreFormula(
  formula: string,
  q: number[],
  K: number[][],
  signal?: AbortSignal,
): Promise<FormulaOutcome> {
  const key = outcomeKey(formula, q, K);
  const vectors = JSON.stringify([q, K]);
  try {
    const r = await scoreWorker().request<ScoreResult>({ type: "score", formula, q, K }, signal);
    return { key, vectors, tex: r.tex, scores: r.scores, error: r.problem ? problemText(r.problem) : null };
  } catch (err) {
    const message = err instanceof FormulaError ? problemText(err.problem) : "The formula engine failed.";
    return { key, vectors, tex: null, scores: null, error: message };
  }
}
