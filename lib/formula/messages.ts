/**
 * Reader-facing messages for formula errors. mathjs and the JavaScript engine speak their own
 * language ("Undefined symbol x", "Maximum call stack size exceeded"); a reader gets a sentence
 * that says what to change and, where it is known, the character where the trouble is.
 */
import { excerpt } from "../core/excerpt";

/** A formula error as a reader sees it. */
export interface FormulaProblem {
  /** One or two sentences; never the engine's raw text. */
  message: string;
  /** 1-based character position in the formula, where known. */
  position?: number;
}

const FALLBACK =
  "The formula could not be evaluated: one of its functions got arguments it cannot use. Check each function's arguments (the reference lists them).";

/** Position (1-based) of the first `name` as a whole word in `expr`, optionally followed by `(`. */
function find(expr: string, name: string, call = false): number | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?<![\\w$])${esc}(?![\\w$])${call ? "\\s*\\(" : ""}`).exec(expr);
  return m ? m.index + 1 : undefined;
}

const ordinal = (n: number): string => ["first", "second", "third", "fourth", "fifth"][n] ?? `${n + 1}th`;

type Rule = [RegExp, (m: RegExpExecArray, expr: string) => FormulaProblem];

/** mathjs messages and what they mean for a reader. */
const RULES: Rule[] = [
  [
    /^Undefined symbol (\S+)/,
    (m, e) => ({
      message: `"${excerpt(m[1])}" is not defined. Define it first (${excerpt(m[1])} = …) or check the spelling.`,
      position: find(e, m[1]),
    }),
  ],
  [
    /^Undefined function (\S+)/,
    (m, e) => ({
      message: `There is no function called "${excerpt(m[1])}". Check the spelling; the reference lists every function.`,
      position: find(e, m[1], true),
    }),
  ],
  [
    /^Function (\S+) is disabled/,
    (m, e) => ({
      message: `${excerpt(m[1])}() is not available in formulas, because it could change or escape the formula engine.`,
      position: find(e, m[1]),
    }),
  ],
  [
    /^Unexpected type of argument in function (\w+) \(expected: ([^,]+), actual: ([^,]+), index: (\d+)\)/,
    (m, e) => ({
      message: `${excerpt(m[1])}: its ${ordinal(Number(m[4]))} argument should be ${m[2].replace(/ or /g, " or ")}, but it is ${m[3]}.`,
      position: find(e, m[1], true),
    }),
  ],
  [
    /^Too many arguments in function (\w+) \(expected: (\d+), actual: (\d+)\)/,
    (m, e) => ({
      message: `${excerpt(m[1])} takes at most ${m[2]} arguments, but it was given ${m[3]}.`,
      position: find(e, m[1], true),
    }),
  ],
  [
    /^Too few arguments in function (\w+) \(expected: ([^,]+), index: (\d+)\)/,
    (m, e) => ({
      message: `${excerpt(m[1])} needs more arguments: its ${ordinal(Number(m[3]))} should be ${m[2]}.`,
      position: find(e, m[1], true),
    }),
  ],
  [
    /^Dimension mismatch[^(]*\((.*?)\)/,
    (m) => ({
      message: `The matrix shapes do not fit together (${m[1]}). Check the sizes with size(…).`,
    }),
  ],
  [
    /Dimension mismatch/,
    () => ({ message: "The matrix shapes do not fit together. Check the sizes with size(…)." }),
  ],
  [
    /^Index out of range \((-?\d+) [<>] (-?\d+)\)/,
    () => ({
      message:
        "An index is outside the matrix. Positions start at 1 and end at the matrix's size along that axis.",
    }),
  ],
  [
    /^No access to (?:property|method) "([^"]+)"|^Cannot access method "([^"]+)"/,
    (m, e) => ({
      message: `Formulas cannot use "${excerpt(m[1] ?? m[2])}": it belongs to the JavaScript engine, not to the mathematics.`,
      position: find(e, m[1] ?? m[2]),
    }),
  ],
  [
    /^Function \w+ cannot apply callback arguments to function (\w+): (.*)$/s,
    (m, e) => explainFormulaError(new Error(m[2]), e),
  ],
  [/call stack/i, () => ({ message: "The formula nests its calls too deeply; simplify it." })],
  [
    /^Cannot convert "([^"]*)" to a number/,
    (m) => ({ message: `The text "${excerpt(m[1])}" is not a number; remove the quotes or use a number.` }),
  ],
  [/^Matrix must be square/, () => ({ message: "This needs a square matrix (as many rows as columns)." })],
  [
    /^Function '(\w+)' doesn't apply to matrices/,
    (m, e) => ({
      message: `${excerpt(m[1])} works on numbers, not matrices; to apply it to every entry of a matrix M, write map(M, ${excerpt(m[1])}).`,
      position: find(e, m[1], true),
    }),
  ],
  [
    /^Cannot calculate inverse, determinant is zero/,
    () => ({ message: "The matrix has no inverse: its determinant is zero." }),
  ],
];

/** Messages that are already sentences for readers: `lib/` and the guard name their function. */
const OWN = /^(?:[A-Za-z_]\w*: |Syntax error at character|Method calls|The formula|[a-z ]+ formula: )/;

/**
 * Turn an error thrown while parsing or evaluating `expr` into a sentence a reader can act on,
 * with the position where known. Unknown engine errors get a general sentence, never their text.
 *
 * $$\texttt{Undefined symbol x} \mapsto \text{"x" is not defined. Define it first …}$$
 *
 * @example
 * explainFormulaError(new Error("Undefined symbol x"), "1 + x");
 * // returns {"message": "\"x\" is not defined. Define it first (x = …) or check the spelling.", "position": 5}
 *
 * @see {@link createFormulaMath}
 */
export function explainFormulaError(err: unknown, expr: string): FormulaProblem {
  const e = err instanceof Error ? err : new Error(String(err));
  const position = (e as { position?: number }).position;
  for (const [re, explain] of RULES) {
    const m = re.exec(e.message);
    if (m) return explain(m, expr);
  }
  if (OWN.test(e.message) && e.message.length <= 400) {
    const fn = /^([A-Za-z_]\w*): /.exec(e.message)?.[1];
    return { message: e.message, position: position ?? (fn ? find(expr, fn, true) : undefined) };
  }
  return { message: FALLBACK };
}
