/**
 * The score worker of chapter 3: only score formulas (`score.ts`), so the chapter loads less
 * than the notebook's worker. Same limits and messages.
 */
import { createFormulaMath, explainFormulaError } from "../../lib/formula/index";
import type { Request, Response } from "./protocol";
import { EVALUATION_LIMIT_MS, scoreWith } from "./score";

const fm = createFormulaMath({ maxMillis: EVALUATION_LIMIT_MS });
const post = (r: Response) => (self as unknown as Worker).postMessage(r);

self.onmessage = (e: MessageEvent<Request & { id: number }>) => {
  const req = e.data;
  if (req.type !== "score") {
    post({ id: req.id, ok: false, problem: { message: "The score worker only scores formulas." } });
    return;
  }
  try {
    post({ id: req.id, ok: true, result: scoreWith(fm, req) });
  } catch (err) {
    post({ id: req.id, ok: false, problem: explainFormulaError(err, req.formula) });
  }
};

post({ type: "ready", names: { callable: [], disabled: [] } });
