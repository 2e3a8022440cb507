import { Matrix, type MatrixLike, type VectorLike, shapeOf } from "../core/matrix";
import { requireSequence } from "../core/validate";
import { checkVector } from "../core/validate";

/** Options of {@link conv1d}. */
export interface Conv1dOptions {
  /** (F) one bias per filter; default 0. */
  bias?: VectorLike;
  /** "relu" (default) or "none". */
  activation?: "relu" | "none";
}

/**
 * A 1-D convolution over a sequence (valid padding, stride 1): each filter reads k consecutive rows.
 *
 * $$C_{tf} = \phi\Big(b_f + \sum_{i=0}^{k-1} \sum_{c=1}^{d} W_{f,\, i d + c}\, X_{t+i,\, c}\Big),\quad t = 0, \dots, n - k$$
 *
 * @example
 * conv1d([[1], [2], [3]], [[1, 1]]).toArray();
 * // returns [[3], [5]]
 *
 * @see {@link maxPool}, {@link attentionPool}
 */
export function conv1d(X: MatrixLike, filters: MatrixLike, options: Conv1dOptions = {}): Matrix {
  const what = "conv1d";
  const x = requireSequence(what, "X", X);
  const W = requireSequence(what, "filters", filters);
  const d = x.cols;
  if (W.cols % d !== 0) {
    throw new RangeError(
      `${what}: X is ${shapeOf(x)} but filters are ${shapeOf(W)}; a filter needs k·${d} weights`,
    );
  }
  const k = W.cols / d;
  if (x.rows < k)
    throw new RangeError(`${what}: the sequence has ${x.rows} rows but the filters are ${k} wide`);
  const F = W.rows;
  const bias = options.bias ? checkVector(what, "bias", options.bias, F) : new Float64Array(F);
  const relu = (options.activation ?? "relu") === "relu";
  const out = new Matrix(x.rows - k + 1, F); // (n - k + 1, F)
  for (let t = 0; t + k <= x.rows; t++) {
    for (let f = 0; f < F; f++) {
      let s = bias[f];
      for (let i = 0; i < k * d; i++) s += W.data[f * k * d + i] * x.data[t * d + i];
      out.data[t * F + f] = relu ? Math.max(0, s) : s;
    }
  }
  return out;
}
