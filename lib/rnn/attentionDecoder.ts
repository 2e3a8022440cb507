import { Matrix, type MatrixLike, type VectorLike, matmul, shapeOf, transpose } from "../core/matrix";
import { requireSequence } from "../core/validate";
import { softmax } from "../attention/softmax";
import { globalAttention } from "../attention/global";
import { additiveScoreMatrix } from "../scores/additive";
import { type TanhRnnParams, tanhRnnStep } from "./tanhRnn";

/** Which attention decoder: Bahdanau (additive, previous state) or Luong (general, current state). */
export type DecoderVariant = "bahdanau" | "luong";

/** Weights of {@link attentionDecoder}; each variant reads the ones it needs. */
export interface AttentionDecoderParams {
  /** The decoder's tanh cell. Bahdanau: input [y; c] of size d_y + d; Luong: input y of size d_y. */
  rnn: TanhRnnParams;
  /** Bahdanau: (d_a, d) applied to the encoder states h_i. */
  W1?: MatrixLike;
  /** Bahdanau: (d_a, d) applied to the previous decoder state s_{t−1}. */
  W2?: MatrixLike;
  /** Bahdanau: (d_a) */
  v?: VectorLike;
  /** Luong: (d, d) of the general score h_tᵀ W_a h̄_i. */
  Wa?: MatrixLike;
  /** Luong: (d, 2d), attentional state tanh(W_c [c_t; h_t]). */
  Wc?: MatrixLike;
}

/** One decoder step, every intermediate kept for display. */
export interface DecoderStep {
  /** The decoder state the scores were computed from: s_{t−1} (Bahdanau) or h_t (Luong). */
  query: Float64Array;
  /** (n) scores e_{t,i} over the source positions. */
  scores: Float64Array;
  /** (n) weights α_t = softmax(e_t). */
  weights: Float64Array;
  /** (d) context c_t = Σ_i α_{t,i} h_i. */
  context: Float64Array;
  /** (d) the decoder state after the step: s_t (Bahdanau) or h_t (Luong). */
  state: Float64Array;
  /** (d) Luong's attentional hidden state h̃_t = tanh(W_c [c_t; h_t]); null for Bahdanau. */
  attentional: Float64Array | null;
}

/** Every step, and the alignment matrix (rows are decoder steps, columns source positions). */
export interface AttentionDecoderResult {
  steps: DecoderStep[];
  /** (T, n) */
  alignment: Matrix;
}

/**
 * Run an RNN decoder with attention over encoder states H, fed the target inputs Y (teacher
 * forcing). Bahdanau scores with the previous state and feeds the context into the cell; Luong
 * updates the state first, scores with it, and combines the context into an attentional state.
 *
 * $$\text{Bahdanau: } e_{t,i} = v^\top \tanh(W_1 h_i + W_2 s_{t-1}),\ \alpha_t = \operatorname{softmax}(e_t),\ c_t = \textstyle\sum_i \alpha_{t,i} h_i,\ s_t = \operatorname{rnn}([y_{t-1}; c_t], s_{t-1})$$
 * $$\text{Luong: } h_t = \operatorname{rnn}(y_{t-1}, h_{t-1}),\ e_{t,i} = h_t^\top W_a h_i,\ c_t = \textstyle\sum_i \alpha_{t,i} h_i,\ \tilde h_t = \tanh(W_c [c_t; h_t])$$
 *
 * @example
 * const r = attentionDecoder([[1, 0], [0, 1]], [[1]], [0, 0], { rnn: { Wx: [[1], [0]], Wh: [[0, 0], [0, 0]] }, Wa: [[1, 0], [0, 1]], Wc: [[1, 0, 0, 0], [0, 1, 0, 0]] }, "luong");
 * Array.from(r.steps[0].weights).map((x) => +x.toFixed(4));
 * // returns [0.6817, 0.3183]
 *
 * @see {@link tanhRnnStep}, {@link additiveScoreMatrix}, {@link globalAttention}
 */
export function attentionDecoder(
  H: MatrixLike,
  Y: MatrixLike,
  s0: VectorLike,
  params: AttentionDecoderParams,
  variant: DecoderVariant,
): AttentionDecoderResult {
  const what = "attentionDecoder";
  const h = requireSequence(what, "H", H); // (n, d)
  const y = requireSequence(what, "Y", Y); // (T, d_y)
  if (s0.length !== h.cols)
    throw new RangeError(`${what}: s0 has length ${s0.length} but H is ${shapeOf(h)}; they must share d`);
  const need = <T>(name: string, x: T | undefined): T => {
    if (x === undefined) throw new RangeError(`${what}: the ${variant} decoder needs params.${name}`);
    return x;
  };
  const steps: DecoderStep[] = [];
  const alignment = new Matrix(y.rows, h.rows); // (T, n)
  let s: Float64Array = Float64Array.from(s0);
  for (let t = 0; t < y.rows; t++) {
    let step: DecoderStep;
    if (variant === "bahdanau") {
      const scores = additiveScoreMatrix(Matrix.rowVector(s), h, {
        W1: need("W1", params.W1),
        W2: need("W2", params.W2),
        v: need("v", params.v),
      }).row(0); // (n)
      const weights = softmax(scores);
      const context = matmul([Array.from(weights)], h).row(0); // (d)
      const input = new Float64Array(y.cols + h.cols); // [y_{t−1}; c_t]
      input.set(y.row(t));
      input.set(context, y.cols);
      const state = tanhRnnStep(input, s, params.rnn);
      step = { query: s, scores: scores.slice(), weights, context, state, attentional: null };
    } else if (variant === "luong") {
      const state = tanhRnnStep(y.row(t), s, params.rnn);
      // globalAttention's linearIn is applied as W q (torch orientation), so hᵀ W_a h̄ needs W_aᵀ.
      const linearIn = transpose(need("Wa", params.Wa));
      const r = globalAttention(
        Matrix.rowVector(state),
        h,
        { linearIn, linearOut: need("Wc", params.Wc) },
        { attnType: "general" },
      );
      step = {
        query: state,
        scores: r.scores.row(0).slice(),
        weights: r.align.row(0).slice(),
        context: r.context.row(0).slice(),
        state,
        attentional: r.attnH.row(0).slice(),
      };
    } else {
      throw new RangeError(`${what}: unknown variant "${String(variant)}"; expected bahdanau or luong`);
    }
    alignment.data.set(step.weights, t * h.rows);
    steps.push(step);
    s = step.state;
  }
  return { steps, alignment };
}
