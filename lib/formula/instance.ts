/**
 * The restricted mathjs instance behind `lib/formula`: a curated set of factories
 * (`mathjsFactories.ts`, so a bundle does not carry units, symbolic algebra, big numbers or
 * fractions), every callable function wrapped by the
 * size/work guard, and the functions that could change the instance or parse new code disabled,
 * following the mathjs security guidance (https://mathjs.org/docs/expressions/security.html).
 */
import * as factories from "./mathjsFactories";
import { create, type MathJsInstance, type MathNode } from "mathjs";
import { FormulaGuard } from "./limits";

/** The mathjs functions a formula may call (besides the library's own). */
export const FORMULA_BUILTINS = [
  // arithmetic and element-wise
  "add subtract multiply divide unaryMinus unaryPlus pow mod abs sign sqrt cbrt nthRoot square cube",
  "exp expm1 log log1p log2 log10 round floor ceil fix hypot gamma factorial combinations erf",
  "sin cos tan asin acos atan atan2 sinh cosh tanh dotMultiply dotDivide dotPow",
  // comparison and logic
  "compare equal unequal larger smaller largerEq smallerEq and or not xor isNaN isZero isPositive isNegative",
  // matrices
  "matrix size zeros ones identity range random randomInt resize reshape squeeze flatten concat subset index",
  "diag kron transpose ctranspose conj dot cross norm det inv trace lusolve column row map forEach filter",
  "mapSlices matrixFromFunction sort cumsum diff count",
  // statistics
  "sum prod mean median max min std variance quantileSeq",
  // constants and conversion
  "pi e tau phi Infinity NaN true false null number boolean string format typeOf",
]
  .join(" ")
  .split(" ");

/** Functions that expressions evaluated here pass through a transform (one-based indices). */
export const FORMULA_TRANSFORMS =
  "column concat cumsum diff filter forEach index map mapSlices max mean min quantileSeq range row std subset sum variance".split(
    " ",
  );

/**
 * Functions readers must never reach: they change the instance (`import`, `createUnit`,
 * `config`, `typed`) or turn strings into new code (`evaluate`, `parse`, `compile`, `simplify`,
 * `derivative`, `resolve`, …). Listed even where the curated instance lacks them, so that the
 * message is "disabled" and not "undefined".
 */
export const DISABLED_FUNCTIONS =
  "import createUnit evaluate parse compile simplify simplifyConstant simplifyCore derivative resolve rationalize leafCount symbolicEqual reviver replacer chain config typed help parser create factory".split(
    " ",
  );

export type AnyFn = ((...args: unknown[]) => unknown) & {
  signatures?: Record<string, (...a: unknown[]) => unknown>;
};
type Typed = ((name: string, signatures: Record<string, AnyFn>) => AnyFn) & {
  isTypedFunction(f: unknown): boolean;
};

/** The host-side handles of a restricted instance. */
export interface RestrictedMath {
  /** The instance: hand it to code that only evaluates compiled nodes. */
  math: MathJsInstance;
  /** The instance's own parser, kept before `parse` was disabled. */
  parse: (expr: string) => MathNode;
  guard: FormulaGuard;
}

/** Wrap a function (typed or plain) so every call goes through `guard.check(name, args)`. */
function guarded(typed: Typed, name: string, fn: AnyFn, guard: FormulaGuard): AnyFn {
  if (typed.isTypedFunction(fn) && fn.signatures) {
    const sigs: Record<string, AnyFn> = {};
    for (const [sig, impl] of Object.entries(fn.signatures)) {
      // A rest parameter (`...any`) arrives as one array: check its items as arguments.
      const rest = sig.includes("...");
      sigs[sig] = (...args: unknown[]) => {
        guard.check(name, rest ? [...args.slice(0, -1), ...(args[args.length - 1] as unknown[])] : args);
        return impl(...args);
      };
    }
    return typed(name, sigs);
  }
  return (...args: unknown[]) => {
    guard.check(name, args);
    return fn(...args);
  };
}

/**
 * Build the restricted instance. `extra` receives the unguarded `matrix` constructor and returns
 * the library's functions (guarded by their own wrappers), imported before the dangerous
 * functions are disabled.
 */
export function createRestrictedMath(
  guard: FormulaGuard,
  extra: (matrix: (data: unknown[]) => unknown) => Record<string, AnyFn>,
): RestrictedMath {
  // A fixed seed: `random()` gives the same numbers on every page load.
  const math = create({ ...factories } as unknown as Parameters<typeof create>[0], {
    randomSeed: "attention-atlas",
  });
  const ns = math as unknown as Record<string, AnyFn>;
  // Resolve every lazy factory now, so that functions keep the originals they depend on.
  for (const key of Object.keys(ns)) void ns[key];
  const parse = math.parse.bind(math) as unknown as (expr: string) => MathNode;
  const typed = ns.typed as unknown as Typed;
  const { transform: transforms, mathWithTransform } = (
    math as unknown as { expression: Record<string, Record<string, AnyFn & { rawArgs?: boolean }>> }
  ).expression;

  const wrapped: Record<string, AnyFn> = {};
  for (const name of FORMULA_BUILTINS) {
    if (typeof ns[name] === "function") wrapped[name] = guarded(typed, name, ns[name], guard);
  }
  const originalTransforms = { ...transforms };
  math.import({ ...wrapped, ...extra(ns.matrix as (data: unknown[]) => unknown) }, { override: true });
  // `import` drops the transforms of typed functions it replaces; expressions resolve names
  // through `mathWithTransform`, so put the (guarded) transforms back there.
  for (const [name, t] of Object.entries(originalTransforms)) {
    mathWithTransform[name] = t.rawArgs ? t : guarded(typed, name, t, guard);
  }

  const disabled: Record<string, AnyFn> = {};
  for (const name of DISABLED_FUNCTIONS) {
    disabled[name] = () => {
      throw new Error(`Function ${name} is disabled`);
    };
  }
  math.import(disabled, { override: true });
  return { math, parse, guard };
}
