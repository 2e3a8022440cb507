// Each from its own file, not the lib barrel, so the page loads only what this widget runs.
import { softmax } from "../../../lib/attention/softmax";
import { Matrix } from "../../../lib/core/matrix";
import { normalMatrix } from "../../../lib/core/normalMatrix";
import { rng } from "../../../lib/core/random";
import { type ScoreKind, type ScoreParams, scoreMatrix } from "../../../lib/scores/index";
import { formatMatrixText, parseMatrixText } from "../primitives/matrixText";
import { fields } from "../primitives/urlState";

/** The built-in score functions the widget offers, plus the reader's own formula. */
export const KINDS = [
  "dot",
  "scaled_dot",
  "general",
  "additive",
  "concat",
  "concat_linear",
  "cosine",
  "formula",
] as const;
export type Kind = (typeof KINDS)[number];
export const BUILT_IN: readonly ScoreKind[] = KINDS.filter((k): k is ScoreKind & Kind => k !== "formula");

export const KIND_LABELS: Record<Kind, string> = {
  dot: "Dot",
  scaled_dot: "Scaled dot",
  general: "General (bilinear)",
  additive: "Additive (MLP)",
  concat: "Concat (Luong)",
  concat_linear: "Linear on [q; k]",
  cosine: "Cosine",
  formula: "Your formula",
};

/** Example formulas a reader can load (mathjs syntax). */
export const FORMULA_EXAMPLES: { label: string; expr: string }[] = [
  { label: "Negative squared distance", expr: "-norm(q - k)^2" },
  { label: "Scaled dot product", expr: "q' * k / sqrt(d)" },
  { label: "Dot product at temperature 0.5", expr: "dot(q, k) / 0.5" },
  { label: "Manhattan distance", expr: "-sum(abs(q - k))" },
  { label: "Cosine with a sharpness of 5", expr: "5 * dot(q, k) / (norm(q) * norm(k))" },
];

export const DEFAULT_Q = [[2, 1, 0, 1]];
export const DEFAULT_K = [
  [1, 0, 0, 0],
  [2, 1, 0, 1],
  [4, 2, 0, 2],
  [0, 0, 3, 0],
  [-1, 1, 1, -1],
];

/** The state a link to this widget reproduces. */
/**
 * The longest formula the field takes, well within the formula engine's own limit
 * (`FORMULA_LIMITS.maxLength`, 2,000; a test checks it), so the engine never refuses a formula for its
 * length, and short enough that a link holding it is a URL servers accept. mathjs's syntax and the
 * names in scope are ASCII, so only ASCII is taken.
 */
export const FORMULA_MAX_LENGTH = 800;

export const scoreSpec = {
  kind: fields.choice<Kind>("dot", KINDS),
  // One query of up to 16 numbers and up to 8 keys, each number a few characters, in ASCII.
  q: fields.text(formatMatrixText(DEFAULT_Q), { maxLength: 160, ascii: true }),
  K: fields.text(formatMatrixText(DEFAULT_K), { maxLength: 480, ascii: true }),
  formula: fields.text(FORMULA_EXAMPLES[0].expr, { maxLength: FORMULA_MAX_LENGTH, ascii: true }),
  seed: fields.int(1, 0, 1_000_000),
  /** The key (0-based) whose score and weight the equation writes out. */
  key: fields.int(0, 0, 7),
};

export interface ScoreInput {
  kind: Kind;
  q: string;
  K: string;
  formula: string;
  seed: number;
  key: number;
}

/**
 * Seeded weights of the parametrised scores, sized for d-dimensional queries and keys (d_a = d).
 * Concat's W is additive's [W₂ W₁] side by side, so W[q; k] = W₂q + W₁k and the two kinds give
 * the same scores, as the chapter says they are the same function.
 */
export function scoreParams(
  d: number,
  seed: number,
): { W: Matrix; W1: Matrix; W2: Matrix; v: Float64Array; w: Float64Array; Wc: Matrix } {
  const r = rng(seed);
  const s = 1 / Math.sqrt(d);
  const W = normalMatrix(d, d, r, s); // (d, d) general
  const W1 = normalMatrix(d, d, r, s); // (d_a, d) additive, keys
  const W2 = normalMatrix(d, d, r, s); // (d_a, d) additive, queries
  const v = normalMatrix(1, d, r, 1).row(0); // (d_a)
  const w = normalMatrix(1, 2 * d, r, s).row(0); // (2d) linear concat
  const Wc = Matrix.fromFn(d, 2 * d, (a, j) => (j < d ? W2.get(a, j) : W1.get(a, j - d))); // (d_a, 2d) [W₂ W₁]
  return { W, W1, W2, v, w, Wc };
}

/** The scores of one query against every key for a built-in kind. */
export function builtInScores(kind: ScoreKind, q: number[][], K: number[][], seed: number): Float64Array {
  const p = scoreParams(q[0].length, seed);
  const params: ScoreParams = kind === "concat" ? { W: p.Wc, v: p.v } : p;
  return scoreMatrix(kind, q, K, params).row(0);
}

/** A reader-facing message, on the right field, for a built-in score that cannot be computed. */
function builtInFieldError(
  kind: ScoreKind,
  q: number[][],
  K: number[][],
  err: Error,
): Partial<Record<"q" | "K", string>> {
  const zero = (v: number[]) => v.every((x) => x === 0);
  if (kind === "cosine" && zero(q[0]))
    return { q: "Cosine needs a non-zero query: q is all zeros, so it has no direction." };
  const j = K.findIndex(zero);
  if (kind === "cosine" && j >= 0)
    return { K: `Cosine needs non-zero keys: k${j + 1} is all zeros, so it has no direction.` };
  return { K: err.message };
}

/** A reader's formula as the widget needs it: scores of one query, and the formula's TeX. */
export type FormulaScorer = (q: number[][], K: number[][]) => Float64Array;

export interface ScoreView {
  q: number[];
  K: number[][];
  d: number;
  kind: Kind;
  scores: number[];
  weights: number[];
  /** Weights of every kind that could be computed, for the comparison table. */
  all: Partial<Record<Kind, number[]>>;
}

export type ScoreOutcome =
  | { ok: true; view: ScoreView }
  | { ok: false; fieldErrors: Partial<Record<"q" | "K" | "formula", string>>; pending?: boolean };

/** The query (one row) and keys of the widget's fields, or the messages for the fields. */
export function parseScoreInput(
  s: Pick<ScoreInput, "q" | "K">,
):
  | { ok: true; q: number[][]; K: number[][] }
  | { ok: false; fieldErrors: Partial<Record<"q" | "K", string>> } {
  const longQ = scoreSpec.q.message(s.q, "q");
  const longK = scoreSpec.K.message(s.K, "K");
  const pq = longQ
    ? ({ ok: false, error: longQ } as const)
    : parseMatrixText(s.q, "q", { maxRows: 1, maxCols: 16, maxAbs: 1e4 });
  const pk = longK
    ? ({ ok: false, error: longK } as const)
    : parseMatrixText(s.K, "K", { maxRows: 8, maxCols: 16, maxAbs: 1e4 });
  const fieldErrors: Partial<Record<"q" | "K", string>> = {};
  if (!pq.ok) fieldErrors.q = pq.error;
  if (!pk.ok) fieldErrors.K = pk.error;
  if (!pq.ok || !pk.ok) return { ok: false, fieldErrors };
  const q = pq.value;
  const K = pk.value;
  if (K.length < 2)
    return {
      ok: false,
      fieldErrors: { K: "Give at least two keys (two rows), so there is something to choose between." },
    };
  if (q[0].length !== K[0].length) {
    return {
      ok: false,
      fieldErrors: {
        K: `Each key needs ${q[0].length} numbers, like q (d = ${q[0].length}); these have ${K[0].length}.`,
      },
    };
  }
  return { ok: true, q, K };
}

/** Parse the reader's vectors, score them with `lib/` and normalise with softmax. */
export function computeScores(
  s: ScoreInput,
  formula: FormulaScorer | null,
  formulaError?: string,
): ScoreOutcome {
  const input = parseScoreInput(s);
  if (!input.ok) return input;
  const { q, K } = input;
  const all: Partial<Record<Kind, number[]>> = {};
  const scoresOf: Partial<Record<Kind, number[]>> = {};
  // A kind that cannot score these vectors (cosine of a zero vector) is left out of the
  // comparison; it is an input error only when it is the kind the reader picked.
  let builtInError: Partial<Record<"q" | "K", string>> | undefined;
  for (const kind of BUILT_IN) {
    try {
      const sc = builtInScores(kind, q, K, s.seed);
      scoresOf[kind] = Array.from(sc);
      all[kind] = Array.from(softmax(sc));
    } catch (err) {
      if (kind === s.kind) builtInError = builtInFieldError(kind, q, K, err as Error);
    }
  }
  if (builtInError) return { ok: false, fieldErrors: builtInError };
  if (formula && !formulaError) {
    try {
      const sc = formula(q, K);
      scoresOf.formula = Array.from(sc);
      all.formula = Array.from(softmax(sc));
    } catch (err) {
      formulaError = (err as Error).message;
    }
  }
  if (s.kind === "formula") {
    if (formulaError) return { ok: false, fieldErrors: { formula: formulaError } };
    if (!all.formula) return { ok: false, fieldErrors: {}, pending: true };
  }
  return {
    ok: true,
    view: { q: q[0], K, d: q[0].length, kind: s.kind, scores: scoresOf[s.kind]!, weights: all[s.kind]!, all },
  };
}
