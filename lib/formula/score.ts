/**
 * Reader-typed score functions: `q' * k / sqrt(d)` becomes a function of two vectors.
 */
import type { MathNode } from "mathjs";
import { Matrix, type MatrixLike, type VectorLike, asMatrix } from "../core/matrix";
import { describe, toScalar } from "./convert";
import { type FormulaMath, defaultFormulaMath } from "./math";
import { excerpt } from "../core/excerpt";

/** A compiled score formula. */
export interface ScoreFormula {
  /** The formula in TeX. */
  tex: string;
  /** The score of one query and one key; `d` is the query's length. */
  evaluate(q: VectorLike, k: VectorLike): number;
}

/** The symbols a score formula may use besides the instance's functions and constants. */
export const SCORE_SYMBOLS = ["q", "k", "d"] as const;

/**
 * Compile a reader's score formula in `q`, `k` and `d`; throws a clear error for unknown symbols,
 * and its `evaluate` throws for non-scalar, NaN or infinite results.
 *
 * $$\texttt{"q' * k / sqrt(d)"} \mapsto \mathrm{score}(q, k) = \frac{q^\top k}{\sqrt{d}}$$
 *
 * @example
 * compileScoreFormula("dot(q, k) / sqrt(d)").evaluate([1, 1, 1, 1], [2, 2, 2, 2]);
 * // returns 4
 *
 * @see {@link scoreMatrixFromFormula}, {@link scaledDotScore}
 */
export function compileScoreFormula(expr: string, fm: FormulaMath = defaultFormulaMath()): ScoreFormula {
  const compiled = fm.compile(expr);
  checkSymbols(compiled.node, fm);
  return {
    tex: compiled.tex,
    evaluate(q, k) {
      const v = compiled.evaluate({ q: Float64Array.from(q), k: Float64Array.from(k), d: q.length });
      let s: number;
      try {
        s = toScalar("score formula", "the result", v);
      } catch {
        throw new TypeError(`score formula: "${excerpt(expr)}" must give a number, but gave ${describe(v)}`);
      }
      if (!Number.isFinite(s)) {
        throw new RangeError(
          `score formula: "${excerpt(expr)}" gave ${s} for q = [${Array.from(q)}], k = [${Array.from(k)}]`,
        );
      }
      return s;
    },
  };
}

/**
 * The (n_q, n_k) matrix of a reader's score formula over every query (row of Q) and key (row of K).
 *
 * $$S_{ij} = \mathrm{score}(q_i, k_j)$$
 *
 * @example
 * scoreMatrixFromFormula("q' * k", [[1, 0], [0, 1]], [[1, 2], [3, 4]]).toArray();
 * // returns [[1, 3], [2, 4]]
 *
 * @see {@link compileScoreFormula}, {@link scoreMatrix}
 */
export function scoreMatrixFromFormula(
  expr: string,
  Q: MatrixLike,
  K: MatrixLike,
  fm: FormulaMath = defaultFormulaMath(),
): Matrix {
  const q = asMatrix(Q);
  const k = asMatrix(K);
  if (q.rows * k.rows > fm.limits.maxEntries) {
    throw new RangeError(
      `scoreMatrixFromFormula: ${q.rows}×${k.rows} scores exceed the limit of ${fm.limits.maxEntries} entries`,
    );
  }
  const f = compileScoreFormula(expr, fm);
  const S = new Matrix(q.rows, k.rows); // (n_q, n_k)
  for (let i = 0; i < q.rows; i++)
    for (let j = 0; j < k.rows; j++) S.data[i * k.rows + j] = f.evaluate(q.row(i), k.row(j));
  return S;
}

function checkSymbols(node: MathNode, fm: FormulaMath): void {
  const defined = new Set<string>(SCORE_SYMBOLS);
  node.traverse((n) => {
    const a = n as MathNode & { name?: string; params?: string[]; object?: MathNode };
    if (a.type === "AssignmentNode" && a.object?.type === "SymbolNode")
      defined.add((a.object as MathNode & { name: string }).name);
    if (a.type === "FunctionAssignmentNode") {
      defined.add(a.name ?? "");
      for (const p of a.params ?? []) defined.add(p);
    }
  });
  node.traverse((n, _path, parent) => {
    const s = n as MathNode & { name?: string };
    if (s.type !== "SymbolNode" || s.name === undefined) return;
    if (parent?.type === "FunctionNode" && (parent as MathNode & { fn?: MathNode }).fn === n) return;
    if (defined.has(s.name) || s.name in fm.math) return;
    throw new ReferenceError(
      `score formula: unknown symbol "${excerpt(s.name)}"; a score formula can use q, k and d`,
    );
  });
}
