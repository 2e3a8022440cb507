import { orientLike, parseMatrixAnswer, parseNumberAnswer } from "./answerParse";
import { fmt } from "./matrixText";

/**
 * What an exercise checks, as `Exercise.astro` writes it into `data-spec`. A known mistake is a
 * wrong answer readers often give, with the sentence that explains it (forgetting √d_k, forgetting
 * the self-loop, off by one position).
 */
export type AnswerSpec =
  | { kind: "number"; answer: number; tolerance: number; decimals?: number; mistakes?: [number, string][] }
  | {
      kind: "matrix";
      answer: number[][];
      tolerance: number;
      decimals?: number;
      mistakes?: [number[][], string][];
    }
  | { kind: "choice"; answer: string[]; multiple: boolean; feedback?: Record<string, string> }
  | { kind: "order"; steps: string[] };

export interface CheckResult {
  status: "correct" | "wrong" | "invalid";
  message: string;
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six"];
const decimalsWord = (d: number) => `${NUMBER_WORDS[d] ?? d} decimal${d === 1 ? "" : "s"}`;

/**
 * Whether `got` matches `expected`: within the tolerance, or equal to the expected value rounded
 * or truncated to the stated number of decimals (a reader told "three decimals" may write 0.749
 * or 0.750 for 0.74966).
 */
export function numberMatches(got: number, expected: number, tolerance: number, decimals?: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(expected));
  if (Math.abs(got - expected) <= tolerance + eps) return true;
  if (decimals === undefined) return false;
  const f = 10 ** decimals;
  const rounded = Math.round(expected * f) / f;
  const truncated = Math.trunc(expected * f) / f;
  return Math.abs(got - rounded) <= eps || Math.abs(got - truncated) <= eps;
}

function wrongNumber(got: number, tolerance: number, decimals?: number): string {
  if (decimals !== undefined)
    return `Not quite: ${fmt(got, 8)} does not match the answer to ${decimalsWord(decimals)}.`;
  if (tolerance === 0) return `Not quite: the answer is not ${fmt(got, 8)}.`;
  return `Not quite: ${fmt(got, 8)} is more than ${fmt(tolerance)} away from the answer.`;
}

function checkNumber(spec: Extract<AnswerSpec, { kind: "number" }>, raw: string): CheckResult {
  const parsed = parseNumberAnswer(raw);
  if (!parsed.ok) return { status: "invalid", message: parsed.error };
  const v = parsed.value;
  if (numberMatches(v, spec.answer, spec.tolerance, spec.decimals))
    return { status: "correct", message: "Correct." };
  const mistake = spec.mistakes?.find(([m]) => numberMatches(v, m, spec.tolerance, spec.decimals));
  if (mistake) return { status: "wrong", message: `Not quite. ${mistake[1]}` };
  return { status: "wrong", message: wrongNumber(v, spec.tolerance, spec.decimals) };
}

function matrixMatches(
  got: number[][],
  exp: number[][],
  tolerance: number,
  decimals?: number,
): [number, number] | null {
  for (let i = 0; i < exp.length; i++) {
    for (let j = 0; j < exp[0].length; j++) {
      if (!numberMatches(got[i][j], exp[i][j], tolerance, decimals)) return [i, j];
    }
  }
  return null;
}

function checkMatrix(spec: Extract<AnswerSpec, { kind: "matrix" }>, raw: string): CheckResult {
  const exp = spec.answer;
  const shape: [number, number] = [exp.length, exp[0].length];
  const parsed = parseMatrixAnswer(raw, shape);
  if (!parsed.ok) return { status: "invalid", message: parsed.error };
  const got = orientLike(parsed.value, shape);
  const vector = shape[0] === 1 || shape[1] === 1;
  if (got.length !== shape[0] || got[0].length !== shape[1]) {
    const size = (r: number, c: number) =>
      vector && (r === 1 || c === 1) ? `${r * c} numbers` : `${r}×${c}`;
    return {
      status: "wrong",
      message: `Your answer is ${size(got.length, got[0].length)}; the answer is ${size(shape[0], shape[1])}.`,
    };
  }
  const bad = matrixMatches(got, exp, spec.tolerance, spec.decimals);
  if (!bad) return { status: "correct", message: "Correct." };
  const mistake = spec.mistakes?.find(([m]) => !matrixMatches(got, m, spec.tolerance, spec.decimals));
  if (mistake) return { status: "wrong", message: `Not quite. ${mistake[1]}` };
  const [i, j] = bad;
  const where = vector ? `entry ${shape[0] === 1 ? j + 1 : i + 1}` : `row ${i + 1}, column ${j + 1}`;
  return { status: "wrong", message: `Not quite: check ${where}.` };
}

function checkChoice(spec: Extract<AnswerSpec, { kind: "choice" }>, picked: string[]): CheckResult {
  if (picked.length === 0) return { status: "invalid", message: "Choose an answer first." };
  const right = new Set(spec.answer);
  const wrongPicks = picked.filter((p) => !right.has(p));
  const missed = spec.answer.filter((a) => !picked.includes(a));
  if (wrongPicks.length === 0 && missed.length === 0) return { status: "correct", message: "Correct." };
  const why = wrongPicks.map((p) => spec.feedback?.[p]).filter((s): s is string => !!s);
  if (!spec.multiple) return { status: "wrong", message: ["Not quite.", ...why].join(" ") };
  const parts = ["Not quite."];
  if (wrongPicks.length > 0)
    parts.push(`${wrongPicks.length} of your choices ${wrongPicks.length === 1 ? "is" : "are"} wrong.`);
  if (missed.length > 0)
    parts.push(`${missed.length} right ${missed.length === 1 ? "choice is" : "choices are"} missing.`);
  return { status: "wrong", message: [...parts, ...why].join(" ") };
}

/** `order[k]` is the index (in the correct order) of the step the reader put at position k. */
function checkOrder(spec: Extract<AnswerSpec, { kind: "order" }>, order: number[]): CheckResult {
  const misplaced = order.map((s, k) => (s === k ? -1 : k)).filter((k) => k >= 0);
  if (misplaced.length === 0) return { status: "correct", message: "Correct." };
  const right = order.length - misplaced.length;
  // Off by one position: two neighbours swapped.
  if (misplaced.length === 2 && misplaced[1] === misplaced[0] + 1) {
    const [a, b] = misplaced.map((k) => spec.steps[order[k]]);
    return {
      status: "wrong",
      message: `Not quite: "${a}" and "${b}" are each one position off; swap them.`,
    };
  }
  return {
    status: "wrong",
    message: `Not quite: ${right} of ${order.length} steps are in the right place.`,
  };
}

/** Check a reader's answer against an exercise's spec. */
export function checkAnswer(spec: AnswerSpec, raw: string | string[] | number[]): CheckResult {
  switch (spec.kind) {
    case "choice":
      return checkChoice(spec, raw as string[]);
    case "order":
      return checkOrder(spec, raw as number[]);
    case "number":
    case "matrix":
      if (String(raw).trim() === "") return { status: "invalid", message: "Type an answer first." };
      return spec.kind === "number" ? checkNumber(spec, raw as string) : checkMatrix(spec, raw as string);
  }
}
