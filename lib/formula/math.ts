/**
 * The formula engine: a restricted mathjs instance with the library's functions, and the shared
 * default instance. `lib/formula/index.ts` re-exports it with the score formulas built on it.
 */
import type { MathJsInstance, MathNode } from "mathjs";
import { Matrix } from "../core/matrix";
import { type FormulaValue } from "./convert";
import { FORMULA_FUNCTIONS, checkArity } from "./functions";
import { type AnyFn, createRestrictedMath } from "./instance";
import { FORMULA_LIMITS, FormulaGuard, type FormulaLimits } from "./limits";
import { finishTex, texHandler } from "./tex";

/** A parsed formula: the mathjs node and its TeX. */
export interface ParsedFormula {
  node: MathNode;
  tex: string;
}

/** A formula instance: the restricted mathjs and the host's entry points. */
export interface FormulaMath {
  /** The restricted instance; `import`, `evaluate`, `parse`, … throw on it, from formulas too. */
  math: MathJsInstance;
  limits: FormulaLimits;
  /** Evaluate `expr` with `scope`; returns the value of its last visible statement. */
  evaluate(expr: string, scope?: Record<string, unknown>): FormulaValue;
  /** Parse `expr` (without evaluating it) and render it as TeX. */
  parse(expr: string): ParsedFormula;
  /** Parse and compile once, to evaluate many times (each evaluation gets a fresh work budget). */
  compile(expr: string): CompiledFormula;
  /** Run `fn` (which may evaluate many compiled formulas) under one work budget. */
  batch<T>(fn: () => T): T;
}

/** A compiled formula. */
export interface CompiledFormula extends ParsedFormula {
  evaluate(scope?: Record<string, unknown>): FormulaValue;
}

/**
 * A syntax error in a formula, with the (1-based) character position where parsing stopped.
 *
 * $$\texttt{"1 + (2"} \mapsto \text{error at character } 7$$
 *
 * @example
 * (() => { try { parseFormula("1 + (2"); } catch (e) { return [e.name, e.position]; } })();
 * // returns ["FormulaSyntaxError", 7]
 *
 * @see {@link parseFormula}
 */
export class FormulaSyntaxError extends SyntaxError {
  readonly position: number;
  constructor(expr: string, message: string, position: number) {
    const near = expr.slice(Math.max(0, position - 11), position + 9);
    super(`Syntax error at character ${position} (near "${near}"): ${message}`);
    this.name = "FormulaSyntaxError";
    this.position = position;
  }
}

/**
 * Build a restricted mathjs instance with the library's functions imported.
 *
 * $$\texttt{attention}(Q, K, V) \mapsto \mathrm{Attention}\left(Q, K, V\right)$$
 *
 * @example
 * createFormulaMath({ maxEntries: 16 }).evaluate("size(attention(Q, Q, Q))", { Q: [[1, 0], [0, 1]] }).valueOf();
 * // returns [2, 2]
 *
 * @see {@link evaluateFormula}, {@link parseFormula}, {@link compileScoreFormula}
 */
export function createFormulaMath(options: Partial<FormulaLimits> = {}): FormulaMath {
  const limits: FormulaLimits = { ...FORMULA_LIMITS, ...options };
  const guard = new FormulaGuard(limits);
  const { math, parse: rawParse } = createRestrictedMath(guard, (matrix) => libraryFunctions(guard, matrix));
  installDepthGuard(math, guard);

  const parseNode = (expr: string): MathNode => {
    if (typeof expr !== "string") throw new TypeError(`formula: expected a string, got ${typeof expr}`);
    if (expr.length > limits.maxLength) {
      throw new RangeError(
        `formula: the expression has ${expr.length} characters; the limit is ${limits.maxLength}`,
      );
    }
    let node: MathNode;
    try {
      node = rawParse(expr);
    } catch (err) {
      const e = err as Error & { char?: number };
      if (e instanceof SyntaxError) {
        const position = e.char ?? Number(/\(char (\d+)\)/.exec(e.message)?.[1] ?? 1);
        throw new FormulaSyntaxError(expr, e.message.replace(/\s*\(char \d+\)/, ""), position);
      }
      throw stackOverflowAsRangeError(err, "is nested too deeply to read; use fewer brackets");
    }
    rejectMethodCalls(node);
    return node;
  };
  const parse = (expr: string): ParsedFormula => {
    const node = parseNode(expr);
    let tex: string | undefined;
    return {
      node,
      // Rendered on first use: evaluating a formula does not need its TeX.
      get tex() {
        tex ??= renderTex(node, expr);
        return tex;
      },
    };
  };
  const compile = (expr: string): CompiledFormula => {
    const parsed = parse(expr);
    const code = withDepthGuard(parsed.node, math).compile();
    return {
      node: parsed.node,
      get tex() {
        return parsed.tex;
      },
      evaluate(scope = {}) {
        guard.reset();
        // A fresh scope: assignments inside the formula never reach the host's objects.
        const s = new Map<string, unknown>();
        for (const [k, v] of Object.entries(scope)) s.set(k, toFormulaValue(v, math));
        let r: FormulaValue;
        try {
          r = code.evaluate(s) as FormulaValue;
        } catch (err) {
          throw stackOverflowAsRangeError(err, "nests its calls too deeply; simplify it");
        }
        const entries = (r as { entries?: unknown[] } | null)?.entries;
        return Array.isArray(entries) && (r as { isResultSet?: boolean }).isResultSet
          ? entries[entries.length - 1]
          : r;
      },
    };
  };
  return {
    math,
    limits,
    evaluate: (expr, scope) => compile(expr).evaluate(scope),
    parse,
    compile,
    batch: (fn) => guard.batch(fn),
  };
}

type AnyNode = MathNode & {
  fn?: MathNode;
  name?: string;
  params?: string[];
  types?: string[];
  expr?: MathNode;
  object?: MathNode;
};

/**
 * Refuse `q.resize([1e8])`, `q["map"](f)` and other method calls on values: methods of mathjs
 * matrices skip the size guard. Every method has a guarded function of the same name.
 */
function rejectMethodCalls(node: MathNode): void {
  node.traverse((n) => {
    const f = n as AnyNode;
    if (f.type === "FunctionNode" && f.fn?.type === "AccessorNode") {
      const prop = /\.(\w+)$|\["(\w+)"\]$/.exec(f.fn.toString());
      const name = prop?.[1] ?? prop?.[2] ?? "a method";
      throw new TypeError(
        `Method calls such as ${f.fn.toString()}(…) are not allowed in a formula; call the function instead, as in ${name}(${(f.fn as AnyNode).object?.toString() ?? "x"}, …)`,
      );
    }
  });
}

/** The engine's own stack overflow, as a sentence. */
function stackOverflowAsRangeError(err: unknown, what: string): unknown {
  return err instanceof RangeError && /call stack/i.test(err.message)
    ? new RangeError(`The formula ${what}.`)
    : err;
}

const DEPTH_FN = "#depth";
type NodeClasses = Record<string, new (...a: unknown[]) => MathNode> & {
  expression: { mathWithTransform: Record<string, unknown> };
};

/** Register the depth counter that {@link withDepthGuard} calls, under a name readers cannot type. */
function installDepthGuard(math: MathJsInstance, guard: FormulaGuard): void {
  const compiled = new WeakMap<MathNode, { evaluate(scope: unknown): unknown }>();
  const fn = (args: MathNode[], _math: unknown, scope: unknown) => {
    const [name, body] = args as [MathNode & { value: string }, MathNode];
    let code = compiled.get(body);
    if (!code) compiled.set(body, (code = body.compile()));
    return guard.nested(name.value, () => code.evaluate(scope));
  };
  (math as unknown as NodeClasses).expression.mathWithTransform[DEPTH_FN] = Object.assign(fn, {
    rawArgs: true,
  });
}

/**
 * The node with the body of every function the formula defines wrapped in a depth counter, so
 * that runaway recursion stops at `maxDepth` with a sentence, not at the engine's stack limit.
 */
function withDepthGuard(node: MathNode, math: MathJsInstance): MathNode {
  const m = math as unknown as NodeClasses;
  const wrap = (n: MathNode): MathNode =>
    n.transform((x) => {
      const f = x as AnyNode;
      if (f.type !== "FunctionAssignmentNode" || !f.name || !f.params || !f.expr) return x;
      const body = new m.FunctionNode(new m.SymbolNode(DEPTH_FN), [new m.ConstantNode(f.name), wrap(f.expr)]);
      const params = f.params.map((name, i) => ({ name, type: f.types?.[i] ?? "any" }));
      return new m.FunctionAssignmentNode(f.name, params, body);
    });
  return wrap(node);
}

/** TeX of a node; mathjs cannot render some odd nodes (`a.constructor(…)`): show those verbatim. */
function renderTex(node: MathNode, expr: string): string {
  const tex: unknown = node.toTex({ handler: texHandler, implicit: "hide", parenthesis: "keep" });
  if (typeof tex === "string") return finishTex(tex);
  return `\\texttt{${expr.replace(/[\\{}$&#^_%~]/g, (c) => `\\char${c.charCodeAt(0)}{}`)}}`;
}

/** Host values in a scope: lib `Matrix` and typed arrays become mathjs matrices. */
function toFormulaValue(v: unknown, math: MathJsInstance): unknown {
  if (v instanceof Matrix) return math.matrix(v.toArray());
  if (v instanceof Float64Array || v instanceof Float32Array) return math.matrix(Array.from(v));
  return v;
}

function libraryFunctions(guard: FormulaGuard, matrix: (data: unknown[]) => unknown): Record<string, AnyFn> {
  const out: Record<string, AnyFn> = {};
  for (const [name, f] of Object.entries(FORMULA_FUNCTIONS)) {
    const wrapper = (...args: FormulaValue[]): unknown => {
      checkArity(name, f, args);
      guard.check(name, args, f.size?.(...args));
      const r = f.fn(...args);
      return r instanceof Matrix
        ? matrix(r.toArray())
        : r instanceof Float64Array
          ? matrix(Array.from(r))
          : r;
    };
    out[name] = Object.assign(wrapper, { toTex: f.tex }) as AnyFn;
  }
  return out;
}

let shared: FormulaMath | null = null;
/**
 * The shared default instance with {@link FORMULA_LIMITS}, built on first use (building one
 * takes about a tenth of a second, so widgets share it).
 *
 * $$\mathrm{defaultFormulaMath}() = \mathrm{createFormulaMath}(\texttt{FORMULA\_LIMITS})$$
 *
 * @example
 * defaultFormulaMath() === defaultFormulaMath();
 * // returns true
 *
 * @see {@link createFormulaMath}
 */
export function defaultFormulaMath(): FormulaMath {
  shared ??= createFormulaMath();
  return shared;
}

/**
 * Evaluate a reader's formula on the default instance; results are mathjs values.
 *
 * $$\texttt{"q' * k / sqrt(d)"} \mapsto \frac{q^\top k}{\sqrt{d}}$$
 *
 * @example
 * evaluateFormula("q' * k / sqrt(d)", { q: [1, 2], k: [3, 4], d: 4 });
 * // returns 5.5
 *
 * @see {@link parseFormula}, {@link createFormulaMath}
 */
export function evaluateFormula(expr: string, scope: Record<string, unknown> = {}): FormulaValue {
  return defaultFormulaMath().evaluate(expr, scope);
}

/**
 * Parse a formula on the default instance and render it as TeX.
 *
 * $$\texttt{"softmax(x)"} \mapsto \mathrm{softmax}\left(x\right)$$
 *
 * @example
 * parseFormula("attention(Q, K, V)").tex;
 * // returns "\\mathrm{Attention}\\left(Q, K, V\\right)"
 *
 * @see {@link evaluateFormula}
 */
export function parseFormula(expr: string): ParsedFormula {
  return defaultFormulaMath().parse(expr);
}
