import { Matrix, type MatrixLike, matmul, shapeOf } from "../core/matrix";
import { type MaskOptions, combineAllow, maskedSoftmaxRows } from "./mask";
import { requireSequence } from "../core/validate";

/** Options of {@link scaledDotProduct}. */
export interface ScaledDotProductOptions extends MaskOptions {
  /** Multiplies QKᵀ; default 1/√d_k. */
  scale?: number;
  /** Softmax temperature; default 1. */
  temperature?: number;
}

const DEFAULTS = { temperature: 1, causal: false } as const;

/** What {@link scaledDotProduct} returns: every stage a widget may show. */
export interface AttentionResult {
  /** (n_q, n_k) scaled scores, before masking. */
  scores: Matrix;
  /** (n_q, n_k) attention weights; masked entries exactly 0, rows sum to 1. */
  weights: Matrix;
  /** (n_q, d_v) weighted sums of the values. */
  output: Matrix;
}

/**
 * Scaled dot-product attention with optional allow-masks and a causal mask.
 *
 * $$\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\!\left(\frac{Q K^\top}{\sqrt{d_k}} + M\right) V,\quad M_{ij} \in \{0, -\infty\}$$
 *
 * @example
 * const r = scaledDotProduct([[1, 0]], [[1, 0], [0, 1]], [[1, 2], [3, 4]], { scale: Math.log(3) });
 * r.weights.toArray()[0].map((w) => +w.toFixed(4));
 * // returns [0.75, 0.25]
 *
 * @see {@link attention}, {@link multiHeadAttention}, {@link maskedSoftmaxRows}
 */
export function scaledDotProduct(
  Q: MatrixLike,
  K: MatrixLike,
  V: MatrixLike,
  options: ScaledDotProductOptions = {},
): AttentionResult {
  const what = "scaledDotProduct";
  const o = { ...DEFAULTS, ...options };
  const q = requireSequence(what, "Q", Q);
  const k = requireSequence(what, "K", K);
  const v = requireSequence(what, "V", V);
  if (q.cols !== k.cols) {
    throw new RangeError(
      `${what}: Q is ${shapeOf(q)} but K is ${shapeOf(k)}; their column counts (d_k) must match`,
    );
  }
  if (k.rows !== v.rows) {
    throw new RangeError(
      `${what}: K is ${shapeOf(k)} but V is ${shapeOf(v)}; their row counts (n_k) must match`,
    );
  }
  const scale = o.scale ?? 1 / Math.sqrt(k.cols);
  if (!Number.isFinite(scale)) throw new RangeError(`${what}: scale must be finite, got ${scale}`);
  const raw = matmul(q, k, true); // (n_q, n_k)
  const allow = combineAllow(q.rows, k.rows, o, what);
  // The scale goes in after the softmax's shift, so a huge scale cannot overflow the weights.
  const weights = maskedSoftmaxRows(raw, allow, o.temperature, what, scale); // (n_q, n_k)
  const scores = new Matrix(
    raw.rows,
    raw.cols,
    raw.data.map((x) => x * scale),
  ); // (n_q, n_k)
  const output = matmul(weights, v); // (n_q, d_v)
  return { scores, weights, output };
}
