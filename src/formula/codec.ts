/**
 * Formula values ⇄ plain data for the worker boundary, with a limit on what comes out: a result
 * bigger than the formula limits is refused before it is copied to the page.
 */
import type { MathJsInstance } from "mathjs";
import { FORMULA_LIMITS } from "../../lib/formula/limits";
import type { Encoded } from "./protocol";

/** Longest string result, in characters. */
export const MAX_STRING = 10_000;

type Mathish = { isMatrix?: boolean; isComplex?: boolean; re?: number; im?: number; size(): number[] };

/** Encode a mathjs value; `fn` describes a function value (name, params, source, captured scope). */
export function encodeValue(v: unknown, fn?: (f: unknown) => Encoded): Encoded {
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (v === undefined || v === null) return { kind: "none" };
  if (typeof v === "string") {
    if (v.length > MAX_STRING)
      throw new RangeError(
        `The result is a text of ${v.length} characters; results are limited to ${MAX_STRING}.`,
      );
    return { kind: "string", value: v };
  }
  if (typeof v === "function") {
    if (fn) return fn(v);
    throw new TypeError("The result is a function; give it a name (f(x) = …) to use it in other cells.");
  }
  const m = v as Mathish;
  if (m.isComplex) return { kind: "complex", re: m.re ?? 0, im: m.im ?? 0 };
  if (m.isMatrix || Array.isArray(v)) {
    const data = (m.isMatrix ? (v as { valueOf(): unknown[] }).valueOf() : v) as unknown[];
    const size = m.isMatrix ? m.size() : shape(data);
    const n = size.reduce((a, b) => a * b, 1);
    if (n > FORMULA_LIMITS.maxEntries)
      throw new RangeError(
        `The result has ${n.toLocaleString("en-US")} entries; results are limited to ${FORMULA_LIMITS.maxEntries.toLocaleString("en-US")}.`,
      );
    const bad = flatten(data).find((x) => typeof x !== "number" && typeof x !== "boolean");
    if (bad !== undefined)
      throw new TypeError(
        "The result is a matrix with entries that are not numbers; only numbers and true/false can be shown.",
      );
    return { kind: "matrix", size, data };
  }
  throw new TypeError(
    "The result is of a kind the notebook cannot show (only numbers, matrices, text and functions).",
  );
}

function shape(a: unknown[]): number[] {
  const out: number[] = [];
  for (let x: unknown = a; Array.isArray(x); x = x[0]) out.push(x.length);
  return out;
}

function flatten(a: unknown[]): unknown[] {
  return a.flat(Infinity as 1);
}

/** Decode plain data into a value a formula can use; functions are rebuilt by `fn`. */
export function decodeValue(
  e: Encoded,
  math: MathJsInstance,
  fn: (f: Extract<Encoded, { kind: "function" }>) => unknown,
): unknown {
  switch (e.kind) {
    case "number":
    case "boolean":
    case "string":
      return e.value;
    case "complex": {
      const Complex = (math as unknown as { Complex?: new (re: number, im: number) => unknown }).Complex;
      return Complex ? new Complex(e.re, e.im) : Number.NaN;
    }
    case "matrix":
      return math.matrix(e.data as number[]);
    case "function":
      return fn(e);
    case "none":
      return undefined;
  }
}
