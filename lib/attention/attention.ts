import { type MatrixLike, matmul, shapeOf } from "../core/matrix";
import { type ScoreKind, type ScoreParams, scoreMatrix } from "../scores/index";
import { type MaskOptions, combineAllow, maskedSoftmaxRows } from "./mask";
import { requireSequence } from "../core/validate";
import type { AttentionResult } from "./scaledDotProduct";

/** Options of {@link attention}. */
export interface AttentionOptions extends MaskOptions {
  /** Similarity function; default "scaled_dot". */
  score?: ScoreKind;
  /** Weights of the score function (general, additive, concat, concat_linear). */
  scoreParams?: ScoreParams;
  /** Softmax temperature; default 1. Lower is sharper. */
  temperature?: number;
}

const DEFAULTS: Required<Pick<AttentionOptions, "score" | "temperature">> = {
  score: "scaled_dot",
  temperature: 1,
};

/**
 * The general form of attention: similarity → normalise → weighted sum. Values default to the keys.
 *
 * $$\alpha_{ij} = \frac{\exp(\mathrm{score}(q_i, k_j)/T)}{\sum_{l} \exp(\mathrm{score}(q_i, k_l)/T)},\qquad o_i = \sum_j \alpha_{ij} v_j$$
 *
 * @example
 * attention([[1, 0]], [[Math.log(3), 0], [0, 0]], null, { score: "dot" }).output.toArray()[0].map((x) => +x.toFixed(4));
 * // returns [0.824, 0]
 *
 * @see {@link scaledDotProduct}, {@link scoreMatrix}
 */
export function attention(
  Q: MatrixLike,
  K: MatrixLike,
  V: MatrixLike | null = null,
  options: AttentionOptions = {},
): AttentionResult {
  const what = "attention";
  const o = { ...DEFAULTS, ...options };
  const k = requireSequence(what, "K", K);
  const v = V === null ? k : requireSequence(what, "V", V);
  if (k.rows !== v.rows) {
    throw new RangeError(
      `${what}: K is ${shapeOf(k)} but V is ${shapeOf(v)}; their row counts (n_k) must match`,
    );
  }
  const scores = scoreMatrix(o.score, Q, k, o.scoreParams); // (n_q, n_k)
  const allow = combineAllow(scores.rows, scores.cols, o, what);
  const weights = maskedSoftmaxRows(scores, allow, o.temperature, what); // (n_q, n_k)
  const output = matmul(weights, v); // (n_q, d_v)
  return { scores, weights, output };
}
