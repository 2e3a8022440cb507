/** A formula client that answers in-process with the worker's own handlers (no Worker in Node). */
import { explainFormulaError } from "../../../lib/formula/index";
import { FormulaError, type FormulaWorkerClient } from "../../../src/formula/client";
import { NAMES, handle } from "../../../src/formula/handlers";
import { cellsFromQuery } from "../../../src/notebook/fromWidget";
import { type Request, formulaOf } from "../../../src/formula/protocol";

export function inProcessClient(log: Request[] = []): FormulaWorkerClient {
  return {
    names: Promise.resolve(NAMES),
    async request<T>(req: Request): Promise<T> {
      log.push(req);
      await Promise.resolve();
      try {
        return (req.type === "fromWidget" ? cellsFromQuery(req.search) : handle(req)) as T;
      } catch (err) {
        throw new FormulaError(explainFormulaError(err, formulaOf(req)));
      }
    },
  } as unknown as FormulaWorkerClient;
}
