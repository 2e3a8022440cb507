/** Matrix products, transpose and the affine map, each with its backward rule beside it. */
import { Tensor, addGrad, gradOf, requireRow, result } from "./tensor";
import { addColumnSums, product, productATransposeB } from "./gemm";

/**
 * Matrix product with optional transposes: op(A)·op(B), where op transposes when asked.
 *
 * $$C = \mathrm{op}(A)\,\mathrm{op}(B),\qquad \bar{A} = \bar{C}\,B^\top,\quad \bar{B} = A^\top \bar{C}\ \ (\text{no transposes})$$
 *
 * Shapes: A (n×k) and B (k×m) give n×m; with `transposeA` A is (k×n); with `transposeB` B is
 * (m×k). Throws a RangeError naming both shapes when the inner sizes differ.
 *
 * @example
 * autograd.matmul(autograd.constant([[1, 2]]), autograd.constant([[3, 4]]), false, true).toArray();
 * // returns [[11]]
 *
 * @see {@link linear}
 */
export function matmul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (transposeA && transposeB) return transpose(matmul(b, a)); // AᵀBᵀ = (BA)ᵀ
  const n = transposeA ? a.cols : a.rows;
  const k = transposeA ? a.rows : a.cols;
  const kb = transposeB ? b.cols : b.rows;
  const m = transposeB ? b.rows : b.cols;
  if (k !== kb) {
    throw new RangeError(
      `matmul: inner sizes differ: A${transposeA ? "ᵀ" : ""} is ${n}×${k}, B${transposeB ? "ᵀ" : ""} is ${kb}×${m}`,
    );
  }
  const c = transposeA // (n, m)
    ? productATransposeB(a.data, k, n, b.data, m)
    : product(a.data, n, k, b.data, b.rows, b.cols, transposeB);
  return result(n, m, c, [a, b], (out) => {
    const g = out.grad as Float64Array; // (n, m)
    if (!transposeA && !transposeB) {
      if (a.requiresGrad) addGrad(a, product(g, n, m, b.data, k, m, true), true); // (n, k)
      if (b.requiresGrad) addGrad(b, productATransposeB(a.data, n, k, g, m), true); // (k, m)
    } else if (transposeB) {
      if (a.requiresGrad) addGrad(a, product(g, n, m, b.data, m, k, false), true); // (n, k)
      if (b.requiresGrad) addGrad(b, productATransposeB(g, n, m, a.data, k), true); // (m, k)
    } else {
      if (a.requiresGrad) addGrad(a, product(b.data, k, m, g, n, m, true), true); // (k, n)
      if (b.requiresGrad) addGrad(b, product(a.data, k, n, g, n, m, false), true); // (k, m)
    }
  });
}

/**
 * Transpose.
 *
 * $$Y = X^\top,\qquad \bar{X} = \bar{Y}^\top$$
 *
 * @example
 * autograd.transpose(autograd.constant([[1, 2, 3]])).shape;
 * // returns [3, 1]
 */
export function transpose(x: Tensor): Tensor {
  const { rows, cols } = x;
  const y = new Float64Array(rows * cols); // (cols, rows)
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) y[j * rows + i] = x.data[i * cols + j];
  return result(cols, rows, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) gx[i * cols + j] += g[j * rows + i];
  });
}

/**
 * The affine map of torch `nn.Linear`: x Wᵀ + b, with W in Linear orientation (out×in).
 *
 * $$Y = X W^\top + \mathbf{1} b,\qquad \bar{X} = \bar{Y} W,\quad \bar{W} = \bar{Y}^\top X,\quad \bar{b} = \mathbf{1}^\top \bar{Y}$$
 *
 * Shapes: x (n×in), weight (out×in), bias (1×out) or null → (n×out).
 *
 * @example
 * autograd.linear(autograd.constant([[1, 2]]), autograd.constant([[1, 1], [0, 1]]), autograd.constant([0, 10])).toArray();
 * // returns [[3, 12]]
 *
 * @see {@link matmul}
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const n = x.rows;
  const nIn = weight.cols;
  const nOut = weight.rows;
  if (x.cols !== nIn) {
    throw new RangeError(`linear: x is ${x.rows}×${x.cols} but the weight is ${nOut}×${nIn} (out×in)`);
  }
  if (bias) requireRow("linear", "the bias", bias, nOut);
  const y = product(x.data, n, nIn, weight.data, nOut, nIn, true); // (n, out)
  if (bias) addRowVector(y, bias.data, n, nOut);
  const parents = bias ? [x, weight, bias] : [x, weight];
  return result(n, nOut, y, parents, (out) => {
    linearBackward(out.grad as Float64Array, x, weight, bias);
  });
}

/** y (n, m) += the row vector b (m) on every row. */
export function addRowVector(y: Float64Array, b: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const r = i * m;
    for (let j = 0; j < m; j++) y[r + j] += b[j];
  }
}

/**
 * The backward rule of z = x Wᵀ + b given dz (n×out): adds dz W into x, dzᵀ x into W and the
 * column sums of dz into b, each only when it needs a gradient. Shared by the recurrent cells.
 */
export function linearBackward(dz: Float64Array, x: Tensor, weight: Tensor, bias: Tensor | null): void {
  const n = x.rows;
  const nIn = weight.cols;
  const nOut = weight.rows;
  if (x.requiresGrad) addGrad(x, product(dz, n, nOut, weight.data, nOut, nIn, false), true); // (n, in)
  if (weight.requiresGrad) addGrad(weight, productATransposeB(dz, n, nOut, x.data, nIn), true); // (out, in)
  if (bias && bias.requiresGrad) addColumnSums(dz, gradOf(bias), n, nOut);
}
