/**
 * The formula worker: every formula on the site is parsed and evaluated here, off the page's
 * main thread. The page (`client.ts`) stops a request that runs too long by terminating this
 * worker and starting a new one.
 */
import { explainFormulaError } from "../../lib/formula/index";
import { NAMES, handle } from "./handlers";
import { type Request, type Response, formulaOf } from "./protocol";

const post = (r: Response) => (self as unknown as Worker).postMessage(r);

self.onmessage = (e: MessageEvent<Request & { id: number }>) => {
  const req = e.data;
  try {
    post({ id: req.id, ok: true, result: handle(req) });
  } catch (err) {
    post({ id: req.id, ok: false, problem: explainFormulaError(err, formulaOf(req)) });
  }
};

post({ type: "ready", names: NAMES });
