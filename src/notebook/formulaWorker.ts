import { FormulaWorkerClient } from "../formula/client";

let shared: FormulaWorkerClient | null = null;

/**
 * The page's formula worker (every kind of request), started on first use. In a module of its
 * own, so that only pages that use it load its worker.
 */
export function formulaWorker(): FormulaWorkerClient {
  shared ??= new FormulaWorkerClient(
    () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "formula" }),
  );
  return shared;
}
