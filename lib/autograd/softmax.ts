/** Row-wise softmax and log-softmax, optionally masked, with their backward rules. */
import { Tensor, gradOf, result } from "./tensor";

/**
 * Which entries of a row-wise softmax may carry weight: a flat allow-mask of length rows·cols
 * (row-major, as `combineAllow` returns) or of length cols (one key mask for every row). `true`
 * or 1 means allowed.
 */
export type SoftmaxMask = ArrayLike<number | boolean>;

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** Allowed entries; masked entries get weight exactly 0 (log-weight −∞). */
  mask?: SoftmaxMask | null;
  /**
   * A row with no allowed entry: `"error"` (default) throws a RangeError, `"zero"` gives a row of
   * zeros, `"uniform"` gives 1/cols everywhere, as pyGAT's −9e15 fill does. With "zero" or
   * "uniform" no gradient flows back through that row.
   */
  emptyRow?: "error" | "zero" | "uniform";
}

/** The largest allowed entry of the row starting at `o`, or null when the mask allows none. */
function maskedRowMax(
  X: Float64Array,
  o: number,
  cols: number,
  mask: SoftmaxMask | null,
  mo: number,
): number | null {
  let max = -Infinity;
  let any = false;
  for (let j = 0; j < cols; j++) {
    if (mask && !mask[mo + j]) continue;
    any = true;
    if (X[o + j] > max) max = X[o + j];
  }
  return any ? max : null;
}

/** The allow-mask as a lookup: index of entry (i, j) in the mask is i·rowStride + j. */
function maskLayout(what: string, x: Tensor, mask: SoftmaxMask | null | undefined): number {
  if (!mask) return 0;
  if (mask.length === x.rows * x.cols) return x.cols;
  if (mask.length === x.cols) return 0;
  throw new RangeError(
    `${what}: the mask has ${mask.length} entries but the scores are ${x.rows}×${x.cols}; give rows·cols or cols entries`,
  );
}

/**
 * Softmax along each row, max-shifted, with an optional allow-mask.
 *
 * $$y_{ij} = \frac{m_{ij}\, e^{x_{ij} - \max_k x_{ik}}}{\sum_k m_{ik}\, e^{x_{ik} - \max_k x_{ik}}},\qquad \bar{x}_{ij} = y_{ij}\Big(\bar{y}_{ij} - \sum_k \bar{y}_{ik} y_{ik}\Big)$$
 *
 * Shapes: x (n×d) → (n×d). Throws a RangeError when the mask has the wrong length or leaves a
 * row with no allowed entry (unless `emptyRow` says what to do).
 *
 * @example
 * autograd.softmax(autograd.constant([[0, 0, 5]]), { mask: [1, 1, 0] }).toArray();
 * // returns [[0.5, 0.5, 0]]
 *
 * @see {@link logSoftmax}
 */
export function softmax(x: Tensor, options: SoftmaxOptions = {}): Tensor {
  const { rows, cols } = x;
  const X = x.data;
  const mask = options.mask ?? null;
  const ms = maskLayout("softmax", x, mask);
  const emptyRow = options.emptyRow ?? "error";
  const y = new Float64Array(X.length);
  const live = new Uint8Array(rows); // rows whose weights depend on x
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const mo = i * ms;
    const max = maskedRowMax(X, o, cols, mask, mo);
    if (max === null) {
      if (emptyRow === "error") throw new RangeError(`softmax: the mask allows no entry of row ${i}`);
      if (emptyRow === "uniform") for (let j = 0; j < cols; j++) y[o + j] = 1 / cols;
      continue;
    }
    live[i] = 1;
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = mask && !mask[mo + j] ? 0 : Math.exp(X[o + j] - max);
      y[o + j] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0; j < cols; j++) y[o + j] *= inv;
  }
  return result(rows, cols, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < rows; i++) {
      if (!live[i]) continue;
      const o = i * cols;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += g[o + j] * y[o + j];
      for (let j = 0; j < cols; j++) gx[o + j] += y[o + j] * (g[o + j] - dot);
    }
  });
}

/**
 * Log-softmax along each row (max-shifted log-sum-exp), with an optional allow-mask; masked
 * entries are −∞ and get no gradient. A row the mask leaves empty throws a RangeError.
 *
 * $$y_{ij} = x_{ij} - \log \sum_k m_{ik} e^{x_{ik}},\qquad \bar{x}_{ij} = \bar{y}_{ij} - p_{ij} \sum_k \bar{y}_{ik}$$
 *
 * Shapes: x (n×d) → (n×d).
 *
 * @example
 * autograd.logSoftmax(autograd.constant([[0, 0]])).toArray()[0].map((v) => Math.exp(v));
 * // returns [0.5, 0.5]
 *
 * @see {@link softmax}, {@link crossEntropy}
 */
export function logSoftmax(x: Tensor, options: Pick<SoftmaxOptions, "mask"> = {}): Tensor {
  const { rows, cols } = x;
  const X = x.data;
  const mask = options.mask ?? null;
  const ms = maskLayout("logSoftmax", x, mask);
  const y = new Float64Array(X.length);
  const p = new Float64Array(X.length); // softmax, for the backward pass
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const mo = i * ms;
    const max = maskedRowMax(X, o, cols, mask, mo);
    if (max === null) throw new RangeError(`logSoftmax: the mask allows no entry of row ${i}`);
    let s = 0;
    for (let j = 0; j < cols; j++) if (!mask || mask[mo + j]) s += Math.exp(X[o + j] - max);
    const lse = max + Math.log(s);
    for (let j = 0; j < cols; j++) {
      if (mask && !mask[mo + j]) {
        y[o + j] = -Infinity;
        continue;
      }
      y[o + j] = X[o + j] - lse;
      p[o + j] = Math.exp(y[o + j]);
    }
  }
  return result(rows, cols, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      const mo = i * ms;
      let s = 0;
      for (let j = 0; j < cols; j++) if (!mask || mask[mo + j]) s += g[o + j];
      for (let j = 0; j < cols; j++) if (!mask || mask[mo + j]) gx[o + j] += g[o + j] - p[o + j] * s;
    }
  });
}
