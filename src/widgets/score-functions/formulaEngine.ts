import type { FormulaScorer } from "./scoreModel";

/**
 * The reader's formula, made live: `lib/formula` (a restricted mathjs) to parse and score, and
 * KaTeX to typeset. Both are heavy (about 86 KB and 77 KB gzipped), so they load on first use.
 */
export interface FormulaEngine {
  /** The formula in TeX; throws a syntax error with its position. */
  tex(expr: string): string;
  /** Compile a score function of q, k and d; throws for unknown symbols. */
  scorer(expr: string): FormulaScorer;
  /** Typeset TeX as HTML (MathML included for screen readers); throws if KaTeX cannot. */
  typeset(tex: string): string;
}

let loading: Promise<FormulaEngine> | null = null;

export function loadFormulaEngine(): Promise<FormulaEngine> {
  loading ??= Promise.all([import("../../../lib/formula/index"), import("katex")]).then(([f, k]) => {
    const katex = (k as unknown as { default: typeof import("katex") }).default ?? k;
    return {
      tex: (expr) => f.parseFormula(expr).tex,
      scorer: (expr) => {
        const score = f.compileScoreFormula(expr);
        return (q, K) => Float64Array.from(K, (key) => score.evaluate(q[0], key));
      },
      typeset: (tex) =>
        katex.renderToString(tex, { displayMode: true, throwOnError: true, output: "htmlAndMathml" }),
    };
  });
  // A failed load (offline) may be retried later.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
