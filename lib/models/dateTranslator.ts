/**
 * Chapter 2's pretrained translator: a character-level GRU encoder-decoder with additive
 * (Bahdanau) attention that turns dates as people write them into ISO form, e.g.
 * "nov 30 2026" → "2026-11-30". Trained by `npm run train:dates` (`tools/trainDates.ts`), whose
 * weights the widget loads; the data come from `dateFormats.ts`.
 */
import { rng } from "../core/random";
import {
  type RecurrentWeights,
  Tensor,
  concat,
  crossEntropy,
  embedding,
  gruCell,
  linear,
  normalParam,
  softmax,
  tanh,
  uniformParam,
  zeros,
} from "../autograd";
import { batchAdditiveScores, batchAttentionRead } from "../autograd/seqAttention";
import { argmaxRows } from "./argmax";
import type { DateExample } from "./dateFormats";
import {
  SCHEDULE_DEFAULTS,
  type ScheduleOptions,
  prefixedWeights,
  recurrentWeights,
  scheduledAdam,
} from "./modelParts";

/** The characters the encoder reads (the reader's text is lower-cased first). */
export const DATE_INPUT_CHARS = " ,-./0123456789abcdefghijklmnopqrstuvwxyz";
/** The characters the decoder writes; its start token is index 11. */
export const DATE_OUTPUT_CHARS = "0123456789-";
/** Every ISO date has 10 characters, so the decoder always takes 10 steps. */
export const DATE_OUTPUT_LENGTH = 10;
/** The longest input the translator takes (the longest trained example has 33 characters). */
export const DATE_MAX_INPUT = 40;
const START = DATE_OUTPUT_CHARS.length;

/** Sizes and training settings of {@link createDateTranslator}. */
export interface DateTranslatorOptions extends ScheduleOptions {
  /** Embedding size of input and output characters (default 16). */
  embed?: number;
  /** Hidden size of each encoder direction and of the decoder (default 32). */
  hidden?: number;
  /** Examples per batch (default 32). */
  batch?: number;
  /** Steps of the learning-rate schedule (default 4000). */
  steps?: number;
}

const DEFAULTS = { embed: 16, hidden: 32, batch: 32, steps: 4000, ...SCHEDULE_DEFAULTS } as const;

/** A batch of examples whose inputs have the same length: inputs row-major (size × length), targets (size × 10). */
export interface DateBatch {
  size: number;
  length: number;
  src: Int32Array;
  tgt: Int32Array;
}

/** One translation with everything the widget draws. */
export interface DateTranslation {
  /** The lower-cased input the encoder read. */
  input: string;
  /** The 10 characters written (greedy decoding). */
  output: string;
  /** α: 10 rows (output characters) × input length. */
  attention: number[][];
  /** The encoder states h_i (input length × 2H): forward state then backward state. */
  states: number[][];
  /** The context vectors c_t = Σ_i α_{t,i} h_i (10 × 2H). */
  contexts: number[][];
}

/** The date translator: weights by name, training, and translation. */
export interface DateTranslator {
  readonly options: Required<DateTranslatorOptions>;
  /** The trainable weights by name (torch orientation: W is out × in). */
  readonly parameters: Readonly<Record<string, Tensor>>;
  /** One Adam step on a batch (teacher forcing, cross-entropy over the 10 output characters); returns the loss. */
  trainStep(batch: DateBatch): number;
  /** Greedy translations of many texts at once (batched by length); the outputs in order. */
  translateAll(texts: readonly string[]): string[];
  /** Translate one text and return the alignments. Throws a RangeError for text it cannot read. */
  translate(text: string): DateTranslation;
}

/**
 * Character indices of a text for the encoder (lower-cased first). Throws a RangeError with a
 * short message for an empty text, one over {@link DATE_MAX_INPUT} characters, or the first
 * character outside {@link DATE_INPUT_CHARS}.
 *
 * $$x_i = \operatorname{index}(\operatorname{lower}(c_i))$$
 *
 * @example
 * models.encodeDateText("Nov 3");
 * // returns [28, 29, 36, 0, 8]
 */
export function encodeDateText(text: string): number[] {
  const s = text.toLowerCase();
  if (s.length === 0) throw new RangeError("Type a date, e.g. nov 30 2026.");
  if (s.length > DATE_MAX_INPUT)
    throw new RangeError(`That is ${s.length} characters; the model reads at most ${DATE_MAX_INPUT}.`);
  return [...s].map((c) => {
    const i = DATE_INPUT_CHARS.indexOf(c);
    if (i < 0)
      throw new RangeError(`"${c}" is not a character the model knows (letters, digits, space , - . /).`);
    return i;
  });
}

/**
 * Group examples into batches of equal input length, in a seeded stream: examples are drawn from
 * `next` and kept in one bucket per length; a bucket that reaches `size` is the next batch.
 *
 * $$\text{batch} = \{(x^{(b)}, y^{(b)})\}_{b=1}^{B},\ |x^{(b)}| = L$$
 *
 * @example
 * const nb = models.dateBatches(models.dateStream(1), 4); nb().src.length % 4;
 * // returns 0
 */
export function dateBatches(next: () => DateExample, size: number): () => DateBatch {
  const buckets = new Map<number, DateExample[]>();
  return () => {
    for (;;) {
      const e = next();
      const bucket = buckets.get(e.text.length) ?? [];
      bucket.push(e);
      buckets.set(e.text.length, bucket);
      if (bucket.length === size) {
        buckets.delete(e.text.length);
        return makeDateBatch(bucket);
      }
    }
  };
}

function makeDateBatch(rows: readonly DateExample[]): DateBatch {
  const size = rows.length;
  const length = rows[0].text.length;
  const src = new Int32Array(size * length);
  const tgt = new Int32Array(size * DATE_OUTPUT_LENGTH);
  rows.forEach((e, b) => {
    src.set(encodeDateText(e.text), b * length);
    for (let t = 0; t < DATE_OUTPUT_LENGTH; t++)
      tgt[b * DATE_OUTPUT_LENGTH + t] = DATE_OUTPUT_CHARS.indexOf(e.iso[t]);
  });
  return { size, length, src, tgt };
}

/**
 * Build the date translator: a bidirectional GRU encoder over the characters (states
 * h_i = [→h_i; ←h_i]), a GRU decoder that reads its previous character and the context, and
 * additive attention. The seed fixes the initial weights, so a seed and a batch stream give the
 * same weights to the bit. `weights` (from {@link decodeDateWeights}) replaces them, as constants
 * when `trainable` is false (inference only, no graph).
 *
 * $$e_{t,i} = v^\top \tanh(W_1 h_i + W_2 s_{t-1}),\ \alpha_t = \operatorname{softmax}(e_t),\ c_t = \sum_i \alpha_{t,i} h_i,\ s_t = \mathrm{GRU}([y_{t-1}; c_t], s_{t-1}),\ p_t = \operatorname{softmax}(W_o [s_t; c_t] + b_o)$$
 *
 * @example
 * const m = models.createDateTranslator(1, { hidden: 8, embed: 4 });
 * m.translate("nov 30 2026").attention.length;
 * // returns 10
 *
 * @see Bahdanau, Cho and Bengio 2015, "Neural machine translation by jointly learning to align and translate"
 */
export function createDateTranslator(
  seed: number,
  options: DateTranslatorOptions = {},
  weights?: Record<string, Tensor>,
): DateTranslator {
  const o = { ...DEFAULTS, ...options };
  const { embed: E, hidden: H } = o;
  const K = 2 * H;
  const r = rng(seed);
  const lin = (rows: number, cols: number) => uniformParam(rows, cols, r, 1 / Math.sqrt(cols));
  const gru = (input: number): RecurrentWeights => recurrentWeights(r, input, H, 3);
  const fresh = {
    embSrc: normalParam(DATE_INPUT_CHARS.length, E, r, 1),
    embTgt: normalParam(START + 1, E, r, 1),
    ...prefixedWeights("enc", gru(E)),
    ...prefixedWeights("encBack", gru(E)),
    ...prefixedWeights("dec", gru(E + K)),
    init: lin(H, K),
    initB: zeros(1, H, true),
    w1: lin(H, K),
    w2: lin(H, H),
    v: lin(1, H),
    out: lin(START, H + K),
    outB: zeros(1, START, true),
  };
  const p: Record<string, Tensor> = { ...fresh };
  if (weights) {
    for (const [name, t] of Object.entries(fresh)) {
      const w = weights[name];
      if (!w || w.rows !== t.rows || w.cols !== t.cols)
        throw new RangeError(`createDateTranslator: weight ${name} is missing or not ${t.rows}×${t.cols}`);
      p[name] = w;
    }
  }
  const cell = (name: string): RecurrentWeights => ({
    weightIh: p[`${name}.weightIh`],
    weightHh: p[`${name}.weightHh`],
    biasIh: p[`${name}.biasIh`],
    biasHh: p[`${name}.biasHh`],
  });
  const enc = cell("enc");
  const encBack = cell("encBack");
  const dec = cell("dec");
  // Built on the first training step: loaded constant weights (inference only) have no optimiser.
  let opt: ReturnType<typeof scheduledAdam> | null = null;

  /** Encoder states stacked by position (L·B × 2H), each position's rows [fwd; bwd], and the first decoder state. */
  const encode = (src: Int32Array, B: number, L: number) => {
    const embedded: Tensor[] = [];
    for (let i = 0; i < L; i++) {
      const col = new Int32Array(B);
      for (let b = 0; b < B; b++) col[b] = src[b * L + i];
      embedded.push(embedding(p.embSrc, col));
    }
    const fwd: Tensor[] = new Array(L);
    const bwd: Tensor[] = new Array(L);
    let h = zeros(B, H);
    for (let i = 0; i < L; i++) fwd[i] = h = gruCell(embedded[i], h, enc);
    h = zeros(B, H);
    for (let i = L - 1; i >= 0; i--) bwd[i] = h = gruCell(embedded[i], h, encBack);
    const keys = concat(
      fwd.map((f, i) => concat([f, bwd[i]], 1)),
      0,
    );
    const s0 = tanh(linear(concat([fwd[L - 1], bwd[0]], 1), p.init, p.initB));
    return { keys, s0 };
  };

  /** Ten decoder steps; `targets` (B × 10) for teacher forcing, null for greedy decoding. */
  const decode = (src: Int32Array, B: number, L: number, targets: Int32Array | null) => {
    const { keys, s0 } = encode(src, B, L);
    const projKeys = linear(keys, p.w1);
    let s = s0;
    const prev = new Int32Array(B).fill(START);
    const logits: Tensor[] = [];
    const alphas: Tensor[] = [];
    const contexts: Tensor[] = [];
    const predictions: Int32Array[] = [];
    for (let t = 0; t < DATE_OUTPUT_LENGTH; t++) {
      const alpha = softmax(batchAdditiveScores(linear(s, p.w2), projKeys, p.v));
      const c = batchAttentionRead(alpha, keys);
      s = gruCell(concat([embedding(p.embTgt, prev), c], 1), s, dec);
      const z = linear(concat([s, c], 1), p.out, p.outB);
      const pred = argmaxRows(z);
      logits.push(z);
      alphas.push(alpha);
      contexts.push(c);
      predictions.push(pred);
      for (let b = 0; b < B; b++) prev[b] = targets ? targets[b * DATE_OUTPUT_LENGTH + t] : pred[b];
    }
    return { keys, logits, alphas, contexts, predictions };
  };

  const rowsOf = (t: Tensor): number[][] => t.toArray();

  return {
    options: o,
    parameters: p,
    trainStep(batch: DateBatch): number {
      const { size: B, length: L } = batch;
      const { logits } = decode(batch.src, B, L, batch.tgt);
      const targets = new Int32Array(B * DATE_OUTPUT_LENGTH);
      for (let t = 0; t < DATE_OUTPUT_LENGTH; t++)
        for (let b = 0; b < B; b++) targets[t * B + b] = batch.tgt[b * DATE_OUTPUT_LENGTH + t];
      opt ??= scheduledAdam(Object.values(p), o, o.steps);
      const loss = opt.backward(crossEntropy(concat(logits, 0), targets));
      opt.step();
      return loss;
    },
    translateAll(texts: readonly string[]): string[] {
      const out = new Array<string>(texts.length);
      const byLength = new Map<number, number[]>();
      texts.forEach((x, k) => byLength.set(x.length, [...(byLength.get(x.length) ?? []), k]));
      for (const [L, ks] of byLength) {
        const src = new Int32Array(ks.length * L);
        ks.forEach((k, b) => src.set(encodeDateText(texts[k]), b * L));
        const { predictions } = decode(src, ks.length, L, null);
        ks.forEach((k, b) => {
          out[k] = predictions.map((pr) => DATE_OUTPUT_CHARS[pr[b]]).join("");
        });
      }
      return out;
    },
    translate(text: string): DateTranslation {
      const src = Int32Array.from(encodeDateText(text));
      const { keys, alphas, contexts, predictions } = decode(src, 1, src.length, null);
      return {
        input: text.toLowerCase(),
        output: predictions.map((pr) => DATE_OUTPUT_CHARS[pr[0]]).join(""),
        attention: alphas.map((a) => Array.from(a.data)),
        states: rowsOf(keys),
        contexts: contexts.map((c) => Array.from(c.data)),
      };
    },
  };
}

/** The stored form of the weights: int8 values with one float32 scale per row, base64. */
export interface StoredDateWeights {
  format: "int8-row-scale";
  options: { embed: number; hidden: number };
  /** Seed, steps and held-out accuracy of the run that wrote the file. */
  meta: Record<string, number | string>;
  tensors: Record<string, { rows: number; cols: number; scales: string; values: string }>;
}

const toBase64 = (bytes: Uint8Array): string => {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s);
};
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Quantise weights to int8 with a float32 scale per row (symmetric: the row's largest magnitude
 * maps to 127).
 *
 * $$q_{ij} = \operatorname{round}(w_{ij} / s_i),\quad s_i = \max_j |w_{ij}| / 127$$
 *
 * @example
 * const s = models.encodeDateWeights({ w: autograd.constant([[1, -0.5]]) }, { embed: 1, hidden: 1 }, {});
 * [s.tensors.w.rows, s.tensors.w.cols, s.format];
 * // returns [1, 2, "int8-row-scale"]
 */
export function encodeDateWeights(
  tensors: Readonly<Record<string, Tensor>>,
  options: { embed: number; hidden: number },
  meta: Record<string, number | string>,
): StoredDateWeights {
  const out: StoredDateWeights["tensors"] = {};
  for (const [name, t] of Object.entries(tensors)) {
    const scales = new Float32Array(t.rows);
    const values = new Int8Array(t.rows * t.cols);
    for (let i = 0; i < t.rows; i++) {
      let m = 0;
      for (let j = 0; j < t.cols; j++) m = Math.max(m, Math.abs(t.data[i * t.cols + j]));
      const s = Math.fround(m / 127) || 1;
      scales[i] = s;
      for (let j = 0; j < t.cols; j++) values[i * t.cols + j] = Math.round(t.data[i * t.cols + j] / s);
    }
    out[name] = {
      rows: t.rows,
      cols: t.cols,
      scales: toBase64(new Uint8Array(scales.buffer)),
      values: toBase64(new Uint8Array(values.buffer)),
    };
  }
  return { format: "int8-row-scale", options, meta, tensors: out };
}

/**
 * The weights a {@link StoredDateWeights} holds, as constant tensors (w = q · s). Throws a
 * RangeError for a file of another format or with sizes that do not fit.
 *
 * $$w_{ij} = q_{ij}\, s_i$$
 *
 * @example
 * const s = models.encodeDateWeights({ w: autograd.constant([[254, 2]]) }, { embed: 1, hidden: 1 }, {});
 * models.decodeDateWeights(s).w.toArray();
 * // returns [[254, 2]]
 */
export function decodeDateWeights(stored: StoredDateWeights): Record<string, Tensor> {
  if (stored?.format !== "int8-row-scale")
    throw new RangeError("decodeDateWeights: not an int8-row-scale weights file");
  const out: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(stored.tensors)) {
    const scales = new Float32Array(fromBase64(t.scales).buffer);
    const values = new Int8Array(fromBase64(t.values).buffer);
    if (scales.length !== t.rows || values.length !== t.rows * t.cols)
      throw new RangeError(`decodeDateWeights: ${name} does not hold ${t.rows}×${t.cols} values`);
    const data = new Float64Array(values.length);
    for (let k = 0; k < data.length; k++) data[k] = values[k] * scales[Math.floor(k / t.cols)];
    out[name] = new Tensor(t.rows, t.cols, data);
  }
  return out;
}
