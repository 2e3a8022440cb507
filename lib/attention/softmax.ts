import { Matrix, type MatrixLike, type VectorLike, asMatrix } from "../core/matrix";

/**
 * Numerically stable softmax of a vector, with an optional temperature.
 *
 * Subtracts the maximum before exponentiating, so `[1000, 1001, 1002]` works, and an entry of
 * `-Infinity` gets weight exactly 0.
 *
 * $$\mathrm{softmax}(x)_i = \frac{e^{(x_i - m)/T}}{\sum_j e^{(x_j - m)/T}},\quad m = \max_j x_j$$
 *
 * @example
 * Array.from(softmax([0, Math.log(3)]));
 * // returns [0.25, 0.75]
 *
 * @see {@link logSoftmax}, {@link softmaxRows}
 */
export function softmax(x: VectorLike, temperature = 1): Float64Array {
  checkInput("softmax", x, temperature);
  return shiftedExp(x, (d) => d / temperature);
}

/** e^{f(x_i − max x)} normalised to sum 1; −∞ entries get exactly 0. `f` must map 0 to 0 and be ≤ 0 below. */
function shiftedExp(x: VectorLike, f: (d: number) => number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = x[i] === -Infinity ? 0 : Math.exp(f(x[i] - m));
    out[i] = e;
    s += e;
  }
  for (let i = 0; i < n; i++) out[i] /= s;
  return out;
}

/**
 * Softmax of β·x for an inverse temperature β ≥ 0, safe for every finite β: the shift by the
 * maximum comes before the factor β, so a huge β gives the one-hot limit (ties shared) and β = 0
 * the uniform distribution, never an overflow to NaN.
 *
 * $$\mathrm{softmax}(\beta x)_i = \frac{e^{\beta (x_i - m)}}{\sum_j e^{\beta (x_j - m)}},\quad m = \max_j x_j$$
 *
 * @example
 * Array.from(softmaxBeta([1, 2, 2], 1e308));
 * // returns [0, 0.5, 0.5]
 *
 * @see {@link softmax}
 */
export function softmaxBeta(x: VectorLike, beta: number): Float64Array {
  if (!(beta >= 0) || !Number.isFinite(beta))
    throw new RangeError(`softmaxBeta: β must be a finite number ≥ 0, got ${beta}`);
  checkInput("softmaxBeta", x, 1);
  return shiftedExp(x, beta === 0 ? () => 0 : (d) => beta * d);
}

/**
 * Numerically stable log-softmax of a vector.
 *
 * $$\log\mathrm{softmax}(x)_i = \frac{x_i - m}{T} - \log\sum_j e^{(x_j - m)/T}$$
 *
 * @example
 * Array.from(logSoftmax([0, 0])).map((v) => v.toFixed(4));
 * // returns ["-0.6931", "-0.6931"]
 *
 * @see {@link softmax}
 */
export function logSoftmax(x: VectorLike, temperature = 1): Float64Array {
  checkInput("logSoftmax", x, temperature);
  const n = x.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < n; i++) if (x[i] !== -Infinity) s += Math.exp((x[i] - m) / temperature);
  const lse = Math.log(s);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = x[i] === -Infinity ? -Infinity : (x[i] - m) / temperature - lse;
  return out;
}

/**
 * Row-wise softmax of a matrix (over the last axis: over keys).
 *
 * $$A_{ij} = \mathrm{softmax}(S_{i,:})_j$$
 *
 * @example
 * softmaxRows([[0, 0], [0, Math.log(3)]]).toArray();
 * // returns [[0.5, 0.5], [0.25, 0.75]]
 */
export function softmaxRows(x: MatrixLike, temperature = 1): Matrix {
  const X = asMatrix(x);
  const out = new Matrix(X.rows, X.cols); // (rows, cols)
  for (let i = 0; i < X.rows; i++) out.data.set(softmax(X.row(i), temperature), i * X.cols);
  return out;
}

/**
 * Row-wise log-softmax of a matrix.
 *
 * $$L_{ij} = \log\mathrm{softmax}(S_{i,:})_j$$
 *
 * @example
 * logSoftmaxRows([[0, 0]]).toArray()[0].map((v) => +v.toFixed(4));
 * // returns [-0.6931, -0.6931]
 *
 * @see {@link logSoftmax}, {@link softmaxRows}
 */
export function logSoftmaxRows(x: MatrixLike, temperature = 1): Matrix {
  const X = asMatrix(x);
  const out = new Matrix(X.rows, X.cols); // (rows, cols)
  for (let i = 0; i < X.rows; i++) out.data.set(logSoftmax(X.row(i), temperature), i * X.cols);
  return out;
}

function checkInput(what: string, x: VectorLike, temperature: number): void {
  if (x.length === 0) throw new RangeError(`${what}: empty input; need at least one entry`);
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`${what}: temperature must be a positive finite number, got ${temperature}`);
  }
  let anyFinite = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v) || v === Infinity) throw new RangeError(`${what}: entry ${i} is ${v}`);
    if (v !== -Infinity) anyFinite = true;
  }
  if (!anyFinite) throw new RangeError(`${what}: every entry is -Infinity (everything is masked)`);
}
