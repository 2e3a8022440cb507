import { Matrix, type MatrixLike, type VectorLike, matmul, shapeOf } from "../core/matrix";
import { checkVector } from "../core/validate";
import { requireSequence } from "../core/validate";
import { softmax } from "./softmax";

/** What {@link attentionPool} returns. */
export interface AttentionPoolResult {
  /** (n) scores u_tᵀ u. */
  scores: Float64Array;
  /** (n) softmax of the scores. */
  weights: Float64Array;
  /** (d) Σ_t α_t h_t. */
  pooled: Float64Array;
}

/** Options of {@link attentionPool}: the projection of the HAN score (default: none). */
export interface AttentionPoolOptions {
  /** (d, d_u) projection W; without it u_t = tanh(h_t + b) (or h_t itself when `tanh` is false). */
  W?: MatrixLike;
  /** (d_u) bias b; default 0. */
  b?: VectorLike;
  /** Apply tanh to the projected states; default true. */
  tanh?: boolean;
}

/**
 * Pool a sequence by its last state.
 *
 * $$\mathrm{pool}(H) = h_n$$
 *
 * @example
 * Array.from(lastPool([[1, 2], [3, 4]]));
 * // returns [3, 4]
 *
 * @see {@link meanPool}, {@link attentionPool}
 */
export function lastPool(H: MatrixLike): Float64Array {
  const h = requireSequence("lastPool", "H", H);
  return h.row(h.rows - 1).slice();
}

/**
 * Pool a sequence by the mean of its states.
 *
 * $$\mathrm{pool}(H) = \frac{1}{n}\sum_{t=1}^{n} h_t$$
 *
 * @example
 * Array.from(meanPool([[1, 2], [3, 4]]));
 * // returns [2, 3]
 *
 * @see {@link lastPool}, {@link attentionPool}
 */
export function meanPool(H: MatrixLike): Float64Array {
  const h = requireSequence("meanPool", "H", H);
  const out = new Float64Array(h.cols); // (d)
  for (let t = 0; t < h.rows; t++) for (let c = 0; c < h.cols; c++) out[c] += h.data[t * h.cols + c] / h.rows;
  return out;
}

/**
 * Max pooling over time: each feature keeps its largest value, and where it came from.
 *
 * $$\mathrm{pool}(H)_c = \max_t H_{tc},\qquad \mathrm{argmax}_c = \min \arg\max_t H_{tc}$$
 *
 * @example
 * Array.from(maxPool([[1, 5], [3, 4]]).argmax);
 * // returns [1, 0]
 *
 * @see {@link attentionPool}
 */
export function maxPool(H: MatrixLike): { pooled: Float64Array; argmax: Int32Array } {
  const h = requireSequence("maxPool", "H", H);
  const pooled = new Float64Array(h.cols).fill(-Infinity); // (d)
  const argmax = new Int32Array(h.cols);
  for (let t = 0; t < h.rows; t++) {
    for (let c = 0; c < h.cols; c++) {
      const v = h.data[t * h.cols + c];
      if (v > pooled[c]) {
        pooled[c] = v;
        argmax[c] = t;
      }
    }
  }
  return { pooled, argmax };
}

/**
 * Attention pooling with a context vector, as in hierarchical attention networks.
 *
 * $$u_t = \tanh(h_t W + b),\qquad \alpha_t = \frac{e^{u_t^\top u}}{\sum_s e^{u_s^\top u}},\qquad \mathrm{pool}(H) = \sum_t \alpha_t h_t$$
 *
 * @example
 * Array.from(attentionPool([[1, 0], [0, 1]], [0, 0]).weights);
 * // returns [0.5, 0.5]
 *
 * @see {@link hierarchicalAttention}, {@link meanPool}, {@link maxPool}
 */
export function attentionPool(
  H: MatrixLike,
  u: VectorLike,
  options: AttentionPoolOptions = {},
): AttentionPoolResult {
  const what = "attentionPool";
  const h = requireSequence(what, "H", H);
  let U: Matrix = h; // (n, d_u)
  if (options.W) {
    const W = requireSequence(what, "W", options.W);
    if (W.rows !== h.cols)
      throw new RangeError(`${what}: H is ${shapeOf(h)} but W is ${shapeOf(W)}; need W with ${h.cols} rows`);
    U = matmul(h, W); // (n, d_u)
  }
  const du = U.cols;
  const query = checkVector(what, "u", u, du);
  const b = options.b ? checkVector(what, "b", options.b, du) : new Float64Array(du);
  const squash = options.tanh ?? true;
  const scores = new Float64Array(h.rows); // (n)
  for (let t = 0; t < h.rows; t++) {
    let s = 0;
    for (let c = 0; c < du; c++) {
      const z = U.data[t * du + c] + b[c];
      s += (squash ? Math.tanh(z) : z) * query[c];
    }
    scores[t] = s;
  }
  const weights = softmax(scores); // (n)
  const pooled = new Float64Array(h.cols); // (d)
  for (let t = 0; t < h.rows; t++)
    for (let c = 0; c < h.cols; c++) pooled[c] += weights[t] * h.data[t * h.cols + c];
  return { scores, weights, pooled };
}
