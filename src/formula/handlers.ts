/**
 * What the formula worker does with each request, on the restricted mathjs instance of
 * `lib/formula`. The notebook's worker (`src/notebook/worker.ts`) runs it off the page's main
 * thread; tests call it directly.
 */
import type { MathNode } from "mathjs";
import { createFormulaMath } from "../../lib/formula/index";
import { FORMULA_FUNCTIONS } from "../../lib/formula/functions";
import { DISABLED_FUNCTIONS, FORMULA_BUILTINS } from "../../lib/formula/instance";
import { analyzeNode } from "./analyze";
import { decodeValue, encodeValue } from "./codec";
import type { Encoded, EvaluateResult, FormulaRequest, KnownNames, Plot } from "./protocol";
import { EVALUATION_LIMIT_MS, scoreWith } from "./score";

const fm = createFormulaMath({ maxMillis: EVALUATION_LIMIT_MS });

/** The plot range of a function of one variable, and its number of samples. */
export const PLOT_RANGE = { from: -5, to: 5, samples: 201 };

type FunctionValue = Extract<Encoded, { kind: "function" }>;

function rebuild(f: FunctionValue): unknown {
  return fm.compile(f.source).evaluate(decodeScope(f.scope));
}

function decodeScope(scope: Record<string, Encoded>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scope)) out[k] = decodeValue(v, fm.math, rebuild);
  return out;
}

function evaluate(req: Extract<FormulaRequest, { type: "evaluate" }>): EvaluateResult {
  return fm.batch(() => {
    const compiled = fm.compile(req.source);
    const analysis = analyzeNode(compiled.node, "");
    const value = compiled.evaluate(decodeScope(req.scope));
    const encoded = encodeValue(value, () => ({
      kind: "function",
      name: analysis.name ?? "f",
      params: analysis.params,
      source: req.source,
      scope: req.scope,
    }));
    return { value: encoded, plot: analysis.params.length === 1 ? plot(value) : null };
  });
}

/** Sample a function of one variable; `null` if it gives no finite number over the range. */
function plot(f: unknown): Plot | null {
  if (typeof f !== "function") return null;
  const { from, to, samples } = PLOT_RANGE;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < samples; i++) {
    const x = from + ((to - from) * i) / (samples - 1);
    let y: unknown;
    try {
      y = (f as (x: number) => unknown)(x);
    } catch {
      continue;
    }
    if (typeof y === "number" && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  return xs.length >= 2 ? { xs, ys } : null;
}

/** Answer one request; throws what the formula threw. */
export function handle(req: FormulaRequest): unknown {
  switch (req.type) {
    case "score":
      return scoreWith(fm, req);
    case "analyze": {
      const parsed = fm.parse(req.source);
      let tex = "";
      try {
        tex = parsed.tex;
      } catch {
        // Shown as text on the page.
      }
      return analyzeNode(parsed.node as MathNode, tex);
    }
    case "evaluate":
      return evaluate(req);
  }
}

/** Names a formula may use without defining them: the library's functions, then mathjs's. */
export const NAMES: KnownNames = {
  callable: [...Object.keys(FORMULA_FUNCTIONS), ...FORMULA_BUILTINS],
  disabled: DISABLED_FUNCTIONS,
};
