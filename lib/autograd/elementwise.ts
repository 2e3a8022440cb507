/**
 * Elementwise arithmetic with broadcasting, and sums and means: forward and backward side by
 * side. An operand broadcasts along an axis where its size is 1 (a 1×d row against n×d, an n×1
 * column, a 1×1 scalar); its gradient is summed over that axis.
 */
import { Tensor, gradOf, result } from "./tensor";

type Kind = "add" | "sub" | "mul";

/** The broadcast shape of a and b, or a RangeError naming both shapes. */
function broadcastShape(what: string, a: Tensor, b: Tensor): [number, number] {
  const fit = (p: number, q: number): number => (p === q ? p : p === 1 ? q : q === 1 ? p : -1);
  const rows = fit(a.rows, b.rows);
  const cols = fit(a.cols, b.cols);
  if (rows < 0 || cols < 0) {
    throw new RangeError(
      `${what}: shapes ${a.rows}×${a.cols} and ${b.rows}×${b.cols} do not broadcast (each axis must match or be 1)`,
    );
  }
  return [rows, cols];
}

function binary(kind: Kind, a: Tensor, b: Tensor): Tensor {
  const [rows, cols] = broadcastShape(kind, a, b);
  const n = rows * cols;
  const y = new Float64Array(n);
  const A = a.data;
  const B = b.data;
  const same = a.data.length === n && b.data.length === n;
  // Strides: 0 along a broadcast axis.
  const ar = a.rows === 1 ? 0 : a.cols;
  const ac = a.cols === 1 ? 0 : 1;
  const br = b.rows === 1 ? 0 : b.cols;
  const bc = b.cols === 1 ? 0 : 1;
  if (same) {
    if (kind === "add") for (let i = 0; i < n; i++) y[i] = A[i] + B[i];
    else if (kind === "sub") for (let i = 0; i < n; i++) y[i] = A[i] - B[i];
    else for (let i = 0; i < n; i++) y[i] = A[i] * B[i];
  } else {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      const ia = i * ar;
      const ib = i * br;
      if (kind === "add") for (let j = 0; j < cols; j++) y[o + j] = A[ia + j * ac] + B[ib + j * bc];
      else if (kind === "sub") for (let j = 0; j < cols; j++) y[o + j] = A[ia + j * ac] - B[ib + j * bc];
      else for (let j = 0; j < cols; j++) y[o + j] = A[ia + j * ac] * B[ib + j * bc];
    }
  }
  return result(rows, cols, y, [a, b], (out) => {
    const g = out.grad as Float64Array;
    if (a.requiresGrad) {
      const ga = gradOf(a);
      const other = kind === "mul" ? B : null;
      for (let i = 0; i < rows; i++) {
        const o = i * cols;
        const ia = i * ar;
        const ib = i * br;
        if (other) for (let j = 0; j < cols; j++) ga[ia + j * ac] += g[o + j] * other[ib + j * bc];
        else for (let j = 0; j < cols; j++) ga[ia + j * ac] += g[o + j];
      }
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      const sign = kind === "sub" ? -1 : 1;
      for (let i = 0; i < rows; i++) {
        const o = i * cols;
        const ia = i * ar;
        const ib = i * br;
        if (kind === "mul") for (let j = 0; j < cols; j++) gb[ib + j * bc] += g[o + j] * A[ia + j * ac];
        else for (let j = 0; j < cols; j++) gb[ib + j * bc] += sign * g[o + j];
      }
    }
  });
}

/**
 * Sum with broadcasting (a 1×d row, an n×1 column or a 1×1 scalar stretches to the other shape).
 *
 * $$Y = A + B,\qquad \bar{A} = \textstyle\sum_{\text{broadcast axes}} \bar{Y},\quad \bar{B} = \textstyle\sum_{\text{broadcast axes}} \bar{Y}$$
 *
 * Throws a RangeError naming both shapes when an axis differs and neither size is 1.
 *
 * @example
 * autograd.add(autograd.constant([[1, 2], [3, 4]]), autograd.constant([10, 20])).toArray();
 * // returns [[11, 22], [13, 24]]
 *
 * @see {@link mul}, {@link sub}
 */
export function add(a: Tensor, b: Tensor): Tensor {
  return binary("add", a, b);
}

/**
 * Difference with broadcasting.
 *
 * $$Y = A - B,\qquad \bar{A} = \textstyle\sum \bar{Y},\quad \bar{B} = -\textstyle\sum \bar{Y}$$
 *
 * @example
 * autograd.sub(autograd.constant([[5, 5]]), autograd.constant([[1, 2]])).toArray();
 * // returns [[4, 3]]
 *
 * @see {@link add}
 */
export function sub(a: Tensor, b: Tensor): Tensor {
  return binary("sub", a, b);
}

/**
 * Elementwise (Hadamard) product with broadcasting.
 *
 * $$Y = A \circ B,\qquad \bar{A} = \textstyle\sum \bar{Y} \circ B,\quad \bar{B} = \textstyle\sum \bar{Y} \circ A$$
 *
 * @example
 * autograd.mul(autograd.constant([[1, 2], [3, 4]]), autograd.constant([[2], [3]])).toArray();
 * // returns [[2, 4], [9, 12]]
 *
 * @see {@link add}, {@link scale}
 */
export function mul(a: Tensor, b: Tensor): Tensor {
  return binary("mul", a, b);
}

/**
 * Multiply by a constant number.
 *
 * $$Y = s\,X,\qquad \bar{X} = s\,\bar{Y}$$
 *
 * @example
 * autograd.scale(autograd.constant([[1, -2]]), 3).toArray();
 * // returns [[3, -6]]
 */
export function scale(x: Tensor, s: number): Tensor {
  const y = new Float64Array(x.data.length);
  for (let i = 0; i < y.length; i++) y[i] = x.data[i] * s;
  return result(x.rows, x.cols, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * s;
  });
}

/**
 * Sum of all entries (a 1×1 tensor), or along an axis: axis 0 sums over rows (1×d), axis 1 over
 * columns (n×1).
 *
 * $$y = \textstyle\sum_{ij} X_{ij},\qquad \bar{X}_{ij} = \bar{y}$$
 *
 * @example
 * [autograd.sum(autograd.constant([[1, 2], [3, 4]])).item(), autograd.sum(autograd.constant([[1, 2], [3, 4]]), 0).toArray()];
 * // returns [10, [[4, 6]]]
 *
 * @see {@link mean}
 */
export function sum(x: Tensor, axis?: 0 | 1): Tensor {
  return reduce(x, axis, 1);
}

/**
 * Mean of all entries (1×1), or along an axis (0: over rows → 1×d; 1: over columns → n×1).
 *
 * $$y = \frac{1}{nd}\textstyle\sum_{ij} X_{ij},\qquad \bar{X}_{ij} = \bar{y} / (nd)$$
 *
 * @example
 * autograd.mean(autograd.constant([[1, 2], [3, 4]]), 1).toArray();
 * // returns [[1.5], [3.5]]
 *
 * @see {@link sum}
 */
export function mean(x: Tensor, axis?: 0 | 1): Tensor {
  const count = axis === undefined ? x.data.length : axis === 0 ? x.rows : x.cols;
  if (count === 0)
    throw new RangeError(`mean: the tensor is ${x.rows}×${x.cols}; there is nothing to average`);
  return reduce(x, axis, 1 / count);
}

function reduce(x: Tensor, axis: 0 | 1 | undefined, factor: number): Tensor {
  const { rows, cols } = x;
  const X = x.data;
  const outRows = axis === 1 ? rows : 1;
  const outCols = axis === 0 ? cols : 1;
  const y = new Float64Array(outRows * outCols);
  // Output index of entry (i, j): i·rowStride + j·colStride.
  const rs = axis === 1 ? 1 : 0;
  const cs = axis === 0 ? 1 : 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) y[i * rs + j * cs] += X[i * cols + j];
  if (factor !== 1) for (let i = 0; i < y.length; i++) y[i] *= factor;
  return result(outRows, outCols, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) gx[i * cols + j] += g[i * rs + j * cs] * factor;
  });
}
