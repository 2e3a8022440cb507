import { Matrix } from "../core/matrix";
import { normalMatrix } from "../core/normalMatrix";
import { rng } from "../core/random";
import {
  type AttentionDecoderParams,
  type AttentionDecoderResult,
  type DecoderVariant,
  attentionDecoder,
} from "./attentionDecoder";
import { type TanhRnnParams, tanhRnn, tanhRnnStep } from "./tanhRnn";

/** The source sentence, the target sentence and the decoder's inputs (the target shifted right). */
export const TOY_SOURCE = ["A", "B", "C", "<EOS>"] as const;
export const TOY_TARGET = ["W", "X", "Y", "Z", "<EOS>"] as const;
/** As in Sutskever et al. (2014), the decoder starts from the source's <EOS>. */
export const TOY_DECODER_INPUTS = ["<EOS>", "W", "X", "Y", "Z"] as const;
/** The source position each target word is meant to attend to (Z is a second word for C). */
export const TOY_ALIGNMENT = [0, 1, 2, 2, 3] as const;

/** Options of {@link toyTranslation}. */
export interface ToyTranslationOptions {
  /** "hand": weights set by hand so attention lands on TOY_ALIGNMENT; "random": seeded, untrained. */
  weights?: "hand" | "random";
  /** Seed of the random weights (default 1). */
  seed?: number;
}

/** Everything the toy translation computes, for display. */
export interface ToyTranslation {
  variant: DecoderVariant;
  /** (4, 4) one-hot source words, (5, 5) one-hot decoder inputs. */
  X: Matrix;
  Y: Matrix;
  encoder: TanhRnnParams;
  /** (4, 4) encoder states h_1 … h_4. */
  H: Matrix;
  /** (4) the decoder's first state, computed from the last encoder state. */
  s0: Float64Array;
  decoder: AttentionDecoderParams;
  result: AttentionDecoderResult;
}

const D = 4; // hidden size = source vocabulary size
const DY = 5; // target vocabulary size
const oneHot = (n: number) => Matrix.fromFn(n, n, (i, j) => (i === j ? 1 : 0));
/** (D, cols) with 1s at (row[c], c), times g. */
const pointer = (rows: readonly number[], g: number) =>
  Matrix.fromFn(D, rows.length, (i, c) => (rows[c] === i ? g : 0));
const scaledIdentity = (g: number) => Matrix.fromFn(D, D, (i, j) => (i === j ? g : 0));
const join = (a: Matrix, b: Matrix) =>
  Matrix.fromFn(a.rows, a.cols + b.cols, (i, j) => (j < a.cols ? a.get(i, j) : b.get(i, j - a.cols)));

/** Hand-set weights: each word of the source keeps its own axis of the state space. */
function handWeights(variant: DecoderVariant): {
  encoder: TanhRnnParams;
  Ws: Matrix;
  decoder: AttentionDecoderParams;
} {
  const encoder = { Wx: scaledIdentity(2), Wh: scaledIdentity(0.3) };
  // The first decoder state points at A: Ws sends the <EOS> axis of h_4 to the A axis.
  const Ws = Matrix.fromFn(D, D, (i, j) => (i === 0 && j === D - 1 ? 2 : 0));
  if (variant === "luong") {
    // h_t = tanh(U y_{t−1} + 0.3 h_{t−1}): the previous target word points at the next source word.
    const U = pointer(TOY_ALIGNMENT, 2.5); // (D, DY): <EOS>→A, W→B, X→C, Y→C, Z→<EOS>
    return {
      encoder,
      Ws,
      decoder: {
        rnn: { Wx: U, Wh: scaledIdentity(0.3) },
        Wa: scaledIdentity(3),
        Wc: join(scaledIdentity(1), scaledIdentity(1)),
      },
    };
  }
  // s_{t−1} must already point at the word for step t: it read y_{t−2}, so the word two back decides.
  const Uy = pointer([1, 2, 2, 3, 3], 2.5); // (D, DY): <EOS>→B, W→C, X→C, Y→<EOS>, Z→<EOS>
  const Uc = Matrix.fromFn(D, D, () => 0); // the context enters the cell but is not needed to align
  // An additive score that acts as an AND, axis by axis: with three hidden units per axis a,
  // v·[tanh(g h_a) + tanh(g s_a) − tanh(g (h_a + s_a))] is 0 when s_a = 0 and grows with h_a when s_a > 0.
  const stack = (...ms: Matrix[]) =>
    Matrix.fromFn(ms.length * D, D, (i, j) => ms[Math.floor(i / D)].get(i % D, j));
  const I = scaledIdentity(2);
  const O = scaledIdentity(0);
  const v = Float64Array.from({ length: 3 * D }, (_, i) => (i < 2 * D ? 4 : -4));
  return {
    encoder,
    Ws,
    decoder: {
      rnn: { Wx: join(Uy, Uc), Wh: scaledIdentity(0.3) },
      W1: stack(I, O, I),
      W2: stack(O, I, I),
      v,
    },
  };
}

function randomWeights(
  variant: DecoderVariant,
  seed: number,
): { encoder: TanhRnnParams; Ws: Matrix; decoder: AttentionDecoderParams } {
  const r = rng(seed);
  const g = (rows: number, cols: number) => normalMatrix(rows, cols, r, 1.5 / Math.sqrt(cols));
  const encoder = { Wx: g(D, D), Wh: g(D, D) };
  const Ws = g(D, D);
  if (variant === "luong")
    return { encoder, Ws, decoder: { rnn: { Wx: g(D, DY), Wh: g(D, D) }, Wa: g(D, D), Wc: g(D, 2 * D) } };
  return {
    encoder,
    Ws,
    decoder: { rnn: { Wx: g(D, DY + D), Wh: g(D, D) }, W1: g(D, D), W2: g(D, D), v: g(1, D).row(0) },
  };
}

/**
 * The chapter's toy translation A B C <EOS> → W X Y Z <EOS>: a tanh RNN encoder, then an attention
 * decoder of either variant, with hand-set weights (attention lands on TOY_ALIGNMENT) or seeded
 * random ones (untrained). Both variants start from the last encoder state.
 *
 * $$h_i = \tanh(W_x x_i + W_h h_{i-1}),\qquad s_0 = \tanh(W_s h_n),\qquad \text{then } \operatorname{attentionDecoder}(H, Y, s_0)$$
 *
 * @example
 * const t = toyTranslation("luong");
 * Array.from({ length: 5 }, (_, i) => { const w = t.result.alignment.row(i); return w.indexOf(Math.max(...w)); });
 * // returns [0, 1, 2, 2, 3]
 *
 * @see {@link attentionDecoder}, {@link tanhRnn}
 */
export function toyTranslation(variant: DecoderVariant, options: ToyTranslationOptions = {}): ToyTranslation {
  const { weights = "hand", seed = 1 } = options;
  const w = weights === "hand" ? handWeights(variant) : randomWeights(variant, seed);
  const X = oneHot(TOY_SOURCE.length); // (4, 4)
  const Y = oneHot(TOY_DECODER_INPUTS.length); // (5, 5)
  const H = tanhRnn(X, w.encoder); // (4, D)
  const s0 = tanhRnnStep(H.row(H.rows - 1), new Float64Array(D), {
    Wx: w.Ws,
    Wh: Matrix.fromFn(D, D, () => 0),
  });
  const result = attentionDecoder(H, Y, s0, w.decoder, variant);
  return { variant, X, Y, encoder: w.encoder, H, s0, decoder: w.decoder, result };
}
