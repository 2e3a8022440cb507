/**
 * The notebook's formula worker: its cells are parsed and evaluated here, off the page's main
 * thread (`src/formula/handlers.ts`), and a widget's link state becomes cells (`fromWidget.ts`).
 * The page (`src/formula/client.ts`) stops a request that runs too long by terminating this
 * worker and starting a new one.
 */
import { explainFormulaError } from "../../lib/formula/index";
import { NAMES, handle } from "../formula/handlers";
import { type EvaluateResult, type Request, type Response, formulaOf } from "../formula/protocol";
import { type ChainRequest, evaluateChain } from "./chain";
import { cellsFromQuery } from "./fromWidget";

const post = (r: Response) => (self as unknown as Worker).postMessage(r);

const evaluateOne = (source: string, scope: ChainRequest["scope"]) =>
  handle({ type: "evaluate", source, scope }) as EvaluateResult;

self.onmessage = (e: MessageEvent<Request & { id: number }>) => {
  const req = e.data;
  if (req.type === "evaluateChain") {
    post({ id: req.id, ok: true, result: evaluateChain(req, evaluateOne, explainFormulaError) });
    return;
  }
  try {
    const result = req.type === "fromWidget" ? cellsFromQuery(req.search) : handle(req);
    post({ id: req.id, ok: true, result });
  } catch (err) {
    post({ id: req.id, ok: false, problem: explainFormulaError(err, formulaOf(req)) });
  }
};

post({ type: "ready", names: NAMES });
