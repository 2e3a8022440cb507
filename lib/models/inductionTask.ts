import { type Rng, rng } from "../core/random";
import { excerpt } from "../core/excerpt";

/** The letters a–z are tokens 0–25. */
export const INDUCTION_VOCAB = 26;
/** The shortest and longest first half; a sequence is twice as long. */
export const INDUCTION_MIN_HALF = 4;
export const INDUCTION_MAX_HALF = 10;
/** The longest sequence the model takes (its number of learned positions). */
export const INDUCTION_MAX_LENGTH = 2 * INDUCTION_MAX_HALF;

/**
 * A batch of repeated sequences of one length: `tokens` row-major (size, 2·half), each row a
 * first half of `half` distinct random letters followed by the same letters again.
 */
export interface InductionBatch {
  size: number;
  half: number;
  tokens: Int32Array;
}

/** The held-out set: the same for every seed, none of it trained on. */
export interface InductionHeldOut {
  batches: InductionBatch[];
  /** Keys (`letters`) of every held-out first half; the training stream skips them. */
  keys: Set<string>;
}

const HELD_OUT_SEED = 20_261_130;
const HELD_OUT_PER_HALF = 40;

/**
 * Tokens as letters, e.g. [0, 1, 2] → "abc".
 *
 * $$t \mapsto \texttt{"a"} + t$$
 *
 * @example
 * models.letters([7, 4, 11, 11, 14]);
 * // returns "hello"
 */
export function letters(tokens: ArrayLike<number>): string {
  let s = "";
  for (let i = 0; i < tokens.length; i++) s += String.fromCharCode(97 + tokens[i]);
  return s;
}

/** `half` distinct letters drawn uniformly (a partial Fisher–Yates shuffle). */
function firstHalf(r: Rng, half: number): number[] {
  const pool = Array.from({ length: INDUCTION_VOCAB }, (_, i) => i);
  for (let i = 0; i < half; i++) {
    const j = i + r.int(INDUCTION_VOCAB - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, half);
}

function makeBatch(halves: number[][]): InductionBatch {
  const half = halves[0].length;
  const n = 2 * half;
  const tokens = new Int32Array(halves.length * n);
  halves.forEach((h, b) => {
    tokens.set(h, b * n);
    tokens.set(h, b * n + half);
  });
  return { size: halves.length, half, tokens };
}

/**
 * The held-out sequences of the induction task: 40 distinct first halves of each length 4–10
 * from a fixed seed, each followed by its repeat (so every run and seed is measured on the same
 * data).
 *
 * $$x = (a_1, \dots, a_T, a_1, \dots, a_T),\ a_i \text{ distinct},\ T \in \{4, \dots, 10\}$$
 *
 * @example
 * models.inductionHeldOut().batches.length;
 * // returns 7
 */
export function inductionHeldOut(): InductionHeldOut {
  const r = rng(HELD_OUT_SEED);
  const keys = new Set<string>();
  const batches: InductionBatch[] = [];
  for (let half = INDUCTION_MIN_HALF; half <= INDUCTION_MAX_HALF; half++) {
    const halves: number[][] = [];
    while (halves.length < HELD_OUT_PER_HALF) {
      const h = firstHalf(r, half);
      const k = letters(h);
      if (keys.has(k)) continue;
      keys.add(k);
      halves.push(h);
    }
    batches.push(makeBatch(halves));
  }
  return { batches, keys };
}

/**
 * A seeded stream of training batches: each batch has one half length, drawn uniformly from
 * 4–10, and `size` repeated sequences whose first halves are not in the held-out set.
 *
 * $$T \sim \mathcal{U}\{4, \dots, 10\},\quad (a_1, \dots, a_T) \text{ a uniform draw of distinct letters}$$
 *
 * @example
 * const next = models.inductionStream(1, 4, models.inductionHeldOut().keys); next().tokens.length % 4;
 * // returns 0
 */
export function inductionStream(seed: number, size: number, exclude: Set<string>): () => InductionBatch {
  const r: Rng = rng(seed);
  return () => {
    const half = INDUCTION_MIN_HALF + r.int(INDUCTION_MAX_HALF - INDUCTION_MIN_HALF + 1);
    const halves: number[][] = [];
    while (halves.length < size) {
      const h = firstHalf(r, half);
      if (!exclude.has(letters(h))) halves.push(h);
    }
    return makeBatch(halves);
  };
}

/**
 * The next-token targets of a batch, scored on the repeated half only: position i (0-based)
 * predicts token i + 1, and counts when i ≥ T, i.e. when the current token already appeared in
 * the first half so the next one can be copied from there; every other position gets −1
 * (ignored). T − 1 scored targets per sequence.
 *
 * $$y_i = \begin{cases} x_{i+1} & T \le i \le 2T - 2 \\ -1 & \text{otherwise} \end{cases}$$
 *
 * @example
 * Array.from(models.inductionTargets({ size: 1, half: 2, tokens: Int32Array.from([0, 1, 0, 1]) }));
 * // returns [-1, -1, 1, -1]
 */
export function inductionTargets(batch: InductionBatch): Int32Array {
  const { size, half } = batch;
  const n = 2 * half;
  const y = new Int32Array(size * n).fill(-1);
  for (let b = 0; b < size; b++)
    for (let i = half; i < n - 1; i++) y[b * n + i] = batch.tokens[b * n + i + 1];
  return y;
}

/**
 * Parse a reader's sequence of letters a–z (case and spaces ignored), 2 to 20 of them. Throws a
 * RangeError with a short message otherwise.
 *
 * $$x \in \{a, \dots, z\}^{n},\ 2 \le n \le 20$$
 *
 * @example
 * models.parseLetters("Ab c");
 * // returns [0, 1, 2]
 */
export function parseLetters(text: string): number[] {
  const chars = [...text.replace(/[\s,]+/g, "").toLowerCase()];
  if (chars.length < 2) throw new RangeError("Type at least 2 letters, e.g. dkfmq dkfmq.");
  const bad = chars.find((c) => !/^[a-z]$/.test(c));
  if (bad !== undefined) throw new RangeError(`"${excerpt(bad)}" is not a letter from a to z.`);
  if (chars.length > INDUCTION_MAX_LENGTH)
    throw new RangeError(
      `That is ${chars.length} letters; the model has positions for at most ${INDUCTION_MAX_LENGTH}.`,
    );
  return chars.map((c) => c.charCodeAt(0) - 97);
}
