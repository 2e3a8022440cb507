/**
 * Size and work limits for formulas typed by readers.
 *
 * Every function a formula can call is wrapped by a guard that predicts the size of its result
 * from the sizes of its arguments *before* calling it, so `zeros(100000, 100000)` fails at once
 * with a `RangeError` instead of allocating. Each guarded call also adds its cost (entries read or
 * made, or n³ for a determinant, and at least {@link CALL_COST} per call) to a per-evaluation
 * budget, so loops built from `map` and user-defined functions stop too. Index expressions
 * (`q[3e7] = 1` grows `q`) are checked before they run, and user-defined functions may nest only
 * `maxDepth` calls deep.
 */

/** Limits of one formula instance. */
export interface FormulaLimits {
  /** Largest number of entries any one result may have (default 65,536 = 256×256). */
  maxEntries: number;
  /** Longest expression, in characters (default 2,000). */
  maxLength: number;
  /** Work budget of one evaluation, in entries touched (default 50,000,000). */
  maxWork: number;
  /** Deepest nesting of calls to functions the formula defines itself (default 256). */
  maxDepth: number;
  /** Wall-clock limit of one evaluation, in milliseconds, checked at every call (default none). */
  maxMillis: number;
}

/** Defaults: a 256×256 matrix, 2,000 characters, 5·10⁷ entries of work, 256 nested calls. */
export const FORMULA_LIMITS: FormulaLimits = {
  maxEntries: 65_536,
  maxLength: 2_000,
  maxWork: 50_000_000,
  maxDepth: 256,
  maxMillis: Infinity,
};

/**
 * The least work one call counts, in entries. Measured with mathjs 15 on Node 24: a scalar call
 * through the parser costs about 4.5 µs, an entry of an element-wise matrix operation about
 * 60 ns, so one call costs as much as ~75 entries. Without it, `f(n) = f(n-1) + f(n-1)` runs for
 * 15 seconds before it exhausts the budget.
 */
export const CALL_COST = 64;

type Shape = number[];

/** The shape of a formula value: `[]` for scalars, the array/matrix size otherwise. */
export function shapeOfValue(v: unknown): Shape {
  if (Array.isArray(v)) return v.length === 0 ? [0] : [v.length, ...shapeOfValue(v[0])];
  if (v !== null && typeof v === "object" && (v as { isMatrix?: boolean }).isMatrix) {
    return (v as { size(): number[] }).size();
  }
  if (ArrayBuffer.isView(v)) return [(v as Float64Array).length];
  return [];
}

const entries = (s: Shape): number => s.reduce((a, b) => a * b, 1);
const isCollection = (v: unknown): boolean => shapeOfValue(v).length > 0;
const numbersIn = (v: unknown): number[] =>
  isCollection(v) ? flatNumbers(v) : typeof v === "number" ? [v] : [];

function flatNumbers(v: unknown): number[] {
  const a = (v as { valueOf(): unknown }).valueOf();
  return Array.isArray(a) ? (a.flat(Infinity) as unknown[]).map(Number) : [Number(a)];
}

/** Shape of a numpy-style broadcast of several shapes (aligned on the right). */
function broadcast(shapes: Shape[]): Shape {
  const n = Math.max(0, ...shapes.map((s) => s.length));
  const out: Shape = new Array(n).fill(1);
  for (const s of shapes)
    for (let i = 0; i < s.length; i++) out[n - s.length + i] = Math.max(out[n - s.length + i], s[i]);
  return out;
}

/** Predicted result size (and extra work) of one call. */
interface Estimate {
  size: number;
  work?: number;
}

function rangeCount(args: unknown[]): number {
  let nums = args.filter((a) => typeof a === "number") as number[];
  if (typeof args[0] === "string") nums = args[0].split(":").map(Number);
  const [start, end, step = 1] = nums;
  if (nums.length < 2 || step === 0 || !Number.isFinite((end - start) / step)) return Infinity;
  return Math.max(0, Math.floor((end - start) / step) + 1);
}

function matmulEstimate(args: unknown[]): Estimate {
  let shape = shapeOfValue(args[0]);
  let work = 0;
  for (const b of args.slice(1)) {
    const sb = shapeOfValue(b);
    if (shape.length === 0 || sb.length === 0) {
      shape = shape.length === 0 ? sb : shape;
      work += entries(shape);
      continue;
    }
    const n = shape.length === 2 ? shape[0] : 1;
    const k = shape[shape.length - 1];
    const m = sb.length === 2 ? sb[1] : 1;
    work += n * k * m;
    shape =
      shape.length === 2 && sb.length === 2 ? [n, m] : shape.length === 2 ? [n] : sb.length === 2 ? [m] : [];
  }
  return { size: entries(shape), work };
}

const sizeFromArgs = (args: unknown[]): number => entries(args.flatMap(numbersIn));

/** The largest position one index argument reaches (a number, a range, or a list of positions). */
function indexReach(a: unknown): number {
  if (typeof a === "number") return Math.abs(a) + 1;
  if (typeof a === "boolean") return 1;
  if (a !== null && typeof a === "object") {
    const r = a as { isRange?: boolean; start?: number; end?: number };
    if (r.isRange) return Math.max(Math.abs(r.start ?? 0), Math.abs(r.end ?? 0)) + 1;
    if (isCollection(a)) {
      const values = flatNumbers(a);
      return Math.max(values.length, ...values.map((x) => Math.abs(x) + 1));
    }
  }
  return 1;
}

/** Functions whose result is bigger than their arguments, with their size rule. */
const RULES: Record<string, (args: unknown[]) => Estimate> = {
  zeros: (a) => ({ size: sizeFromArgs(a.filter((x) => typeof x !== "string")) }),
  ones: (a) => ({ size: sizeFromArgs(a.filter((x) => typeof x !== "string")) }),
  identity: (a) => {
    const n = a.filter((x) => typeof x !== "string").flatMap(numbersIn);
    return { size: n.length === 1 ? n[0] * n[0] : entries(n) };
  },
  random: (a) => ({ size: isCollection(a[0]) ? sizeFromArgs([a[0]]) : 1 }),
  randomInt: (a) => ({ size: isCollection(a[0]) ? sizeFromArgs([a[0]]) : 1 }),
  range: (a) => ({ size: rangeCount(a) }),
  resize: (a) => ({ size: sizeFromArgs([a[1]]) }),
  diag: (a) => {
    const s = shapeOfValue(a[0]);
    return { size: s.length === 1 ? s[0] * s[0] : entries(s) };
  },
  kron: (a) => ({ size: a.reduce<number>((p, x) => p * entries(shapeOfValue(x)), 1) }),
  concat: (a) => ({
    size: a.reduce<number>((p, x) => p + (isCollection(x) ? entries(shapeOfValue(x)) : 0), 0),
  }),
  multiply: matmulEstimate,
  // `q[i, j]` reads or, in an assignment, grows `q` up to the position it names.
  index: (a) => ({ size: a.reduce<number>((p, x) => p * indexReach(x), 1) }),
  det: (a) => ({ size: 1, work: entries(shapeOfValue(a[0])) ** 1.5 }),
  inv: (a) => ({ size: entries(shapeOfValue(a[0])), work: entries(shapeOfValue(a[0])) ** 1.5 }),
  lusolve: (a) => ({ size: entries(shapeOfValue(a[1])), work: entries(shapeOfValue(a[0])) ** 1.5 }),
};

/** Element-wise functions of two or more arguments, which broadcast. */
const BROADCASTING = new Set(
  "add subtract dotMultiply dotDivide dotPow divide mod pow equal unequal larger smaller largerEq smallerEq and or xor atan2 max min compare".split(
    " ",
  ),
);

function defaultEstimate(name: string, args: unknown[]): Estimate {
  const shapes = args.map(shapeOfValue);
  if (BROADCASTING.has(name) && shapes.filter((s) => s.length > 0).length > 1) {
    return { size: entries(broadcast(shapes)) };
  }
  return { size: Math.max(1, ...shapes.map(entries)) };
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${ms / 1000} seconds`);

const fmt = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "infinitely many";

/** A per-instance guard: checks each call against the limits and counts the work. */
export class FormulaGuard {
  readonly limits: FormulaLimits;
  private work = 0;
  private depth = 0;
  private batches = 0;
  private deadline = Infinity;

  constructor(limits: FormulaLimits) {
    this.limits = limits;
  }

  /** Start a new evaluation: reset the work budget, unless inside {@link batch}. */
  reset(): void {
    if (this.batches === 0) this.start();
    this.depth = 0;
  }

  private start(): void {
    this.work = 0;
    this.deadline = performance.now() + this.limits.maxMillis;
  }

  /** Run `fn` (which may evaluate many times) under one work budget. */
  batch<T>(fn: () => T): T {
    this.start();
    this.batches++;
    try {
      return fn();
    } finally {
      this.batches--;
    }
  }

  /** Run one call of a formula's own function `name`, one level deeper. */
  nested<T>(name: string, fn: () => T): T {
    if (this.depth >= this.limits.maxDepth) {
      throw new RangeError(
        `${name}: calls itself more than ${this.limits.maxDepth} levels deep; a function that calls itself needs a case that stops, such as n < 1 ? 0 : …`,
      );
    }
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  /**
   * Throw a `RangeError` if calling `name(...args)` would exceed a limit; `size` overrides the
   * predicted number of entries of the result.
   */
  check(name: string, args: unknown[], size?: number): void {
    const e =
      size !== undefined ? { size } : (RULES[name] ?? ((a: unknown[]) => defaultEstimate(name, a)))(args);
    const { maxEntries, maxWork } = this.limits;
    if (!(e.size <= maxEntries) && name === "index") {
      throw new RangeError(
        `index: the position would make a matrix of ${fmt(e.size)} entries; formulas are limited to ${fmt(maxEntries)} entries`,
      );
    }
    if (!(e.size <= maxEntries)) {
      const side = Math.floor(Math.sqrt(maxEntries));
      throw new RangeError(
        `${name}: the result would have ${fmt(e.size)} entries; formulas are limited to ${fmt(maxEntries)} entries (${side}×${side})`,
      );
    }
    this.work += Math.max(CALL_COST, e.size, e.work ?? 0, ...args.map((a) => entries(shapeOfValue(a))));
    if (performance.now() > this.deadline) {
      throw new RangeError(
        `${name}: the formula ran for more than ${duration(this.limits.maxMillis)} and was stopped; make it do less work`,
      );
    }
    if (this.work > maxWork) {
      throw new RangeError(
        `${name}: the formula does too much work (over ${fmt(maxWork)} operations); simplify it`,
      );
    }
  }
}
