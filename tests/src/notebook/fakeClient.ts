/** A formula client that answers in-process with the worker's own handlers (no Worker in Node). */
import { explainFormulaError } from "../../../lib/formula/index";
import { FormulaError, type FormulaWorkerClient } from "../../../src/formula/client";
import { NAMES, handle } from "../../../src/formula/handlers";
import { evaluateChain } from "../../../src/notebook/chain";
import { cellsFromQuery } from "../../../src/notebook/fromWidget";
import { type EvaluateResult, type Request, formulaOf } from "../../../src/formula/protocol";

/** Answer a request as the notebook's worker does (`src/notebook/worker.ts`). */
function answer(req: Request): unknown {
  if (req.type === "fromWidget") return cellsFromQuery(req.search);
  if (req.type === "evaluateChain")
    return evaluateChain(
      req,
      (source, scope) => handle({ type: "evaluate", source, scope }) as EvaluateResult,
      explainFormulaError,
    );
  return handle(req);
}

/** `chains: false` makes every chain request fail, as if the worker had been stopped. */
export function inProcessClient(log: Request[] = [], { chains = true } = {}): FormulaWorkerClient {
  return {
    names: Promise.resolve(NAMES),
    async request<T>(req: Request): Promise<T> {
      log.push(req);
      await Promise.resolve();
      try {
        if (req.type === "evaluateChain" && !chains) throw new Error("stopped");
        return answer(req) as T;
      } catch (err) {
        throw new FormulaError(explainFormulaError(err, formulaOf(req)));
      }
    },
  } as unknown as FormulaWorkerClient;
}
