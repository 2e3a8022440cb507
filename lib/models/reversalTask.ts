import { type Rng, rng } from "../core/random";
import { excerpt } from "../core/excerpt";

/** Digits 0–9 are tokens 0–9; the end-of-sequence token and the decoder's start token follow. */
export const REVERSAL_VOCAB = 10;
export const EOS = 10;
export const BOS = 11;
/** The longest source sequence. */
export const REVERSAL_MAX_LENGTH = 8;

/** A batch of equal-length sequences: `src` row-major (size, length), `tgt` the reversed rows. */
export interface ReversalBatch {
  size: number;
  length: number;
  src: Int32Array;
  tgt: Int32Array;
}

/** The held-out set: the same for every seed, 50 sequences of each length 1–8, none trained on. */
export interface HeldOut {
  batches: ReversalBatch[];
  /** Keys (`sequenceKey`) of every held-out sequence; the training stream skips them. */
  keys: Set<string>;
}

const HELD_OUT_SEED = 20_260_101;
const HELD_OUT_PER_LENGTH = 50;

/** A sequence as a string key, e.g. [3, 1, 4] → "314". */
export function sequenceKey(s: ArrayLike<number>): string {
  let k = "";
  for (let i = 0; i < s.length; i++) k += String(s[i]);
  return k;
}

/**
 * The held-out sequences of the reversal task (distinct, from a fixed seed, so every run and
 * every seed is measured on the same data).
 *
 * $$\mathcal{D}_{\text{held-out}} = \{ (x, \operatorname{reverse}(x)) \},\ |x| \in \{1, \dots, 8\}$$
 *
 * @example
 * models.reversalHeldOut().batches.length;
 * // returns 8
 */
export function reversalHeldOut(): HeldOut {
  const r = rng(HELD_OUT_SEED);
  const keys = new Set<string>();
  const batches: ReversalBatch[] = [];
  for (let length = 1; length <= REVERSAL_MAX_LENGTH; length++) {
    // Length 1 has only 10 distinct sequences and length 2 only 100: hold out a few of them.
    const size = Math.min(HELD_OUT_PER_LENGTH, Math.floor(REVERSAL_VOCAB ** length / 4));
    const rows: number[][] = [];
    while (rows.length < size) {
      const s = Array.from({ length }, () => r.int(REVERSAL_VOCAB));
      const k = sequenceKey(s);
      if (keys.has(k)) continue;
      keys.add(k);
      rows.push(s);
    }
    batches.push(makeBatch(rows));
  }
  return { batches, keys };
}

/**
 * A seeded stream of training batches: each batch has one length, drawn uniformly from 1–8, and
 * `size` random digit sequences that are not in the held-out set.
 *
 * $$L \sim \mathcal{U}\{1, \dots, 8\},\quad x_i \sim \mathcal{U}\{0, \dots, 9\}$$
 *
 * @example
 * const next = models.reversalStream(1, 4, models.reversalHeldOut().keys); next().size;
 * // returns 4
 */
export function reversalStream(seed: number, size: number, exclude: Set<string>): () => ReversalBatch {
  const r: Rng = rng(seed);
  return () => {
    const length = 1 + r.int(REVERSAL_MAX_LENGTH);
    const rows: number[][] = [];
    while (rows.length < size) {
      const s = Array.from({ length }, () => r.int(REVERSAL_VOCAB));
      if (!exclude.has(sequenceKey(s))) rows.push(s);
    }
    return makeBatch(rows);
  };
}

function makeBatch(rows: number[][]): ReversalBatch {
  const size = rows.length;
  const length = rows[0].length;
  const src = new Int32Array(size * length);
  const tgt = new Int32Array(size * length);
  rows.forEach((s, b) => {
    for (let i = 0; i < length; i++) {
      src[b * length + i] = s[i];
      tgt[b * length + i] = s[length - 1 - i];
    }
  });
  return { size, length, src, tgt };
}

/**
 * Parse a reader's sequence: digits 0–9, separated by spaces or commas or written together
 * ("3 1 4", "3,1,4", "314"); 1 to 8 of them. Throws a RangeError with a short message otherwise.
 *
 * $$x \in \{0, \dots, 9\}^{L},\ 1 \le L \le 8$$
 *
 * @example
 * models.parseDigits("3 1 4");
 * // returns [3, 1, 4]
 */
export function parseDigits(text: string): number[] {
  const t = text.trim();
  if (t === "") throw new RangeError("Type 1 to 8 digits, e.g. 3 1 4 1 5.");
  const parts = /[\s,]/.test(t) ? t.split(/[\s,]+/).filter(Boolean) : [...t];
  const bad = parts.find((p) => !/^[0-9]$/.test(p));
  if (bad !== undefined) throw new RangeError(`"${excerpt(bad)}" is not a digit from 0 to 9.`);
  if (parts.length > REVERSAL_MAX_LENGTH)
    throw new RangeError(
      `That is ${parts.length} digits; the model was trained on at most ${REVERSAL_MAX_LENGTH}.`,
    );
  return parts.map(Number);
}
