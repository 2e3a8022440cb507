/** Elementwise nonlinearities, each forward loop next to its derivative. */
import { portableTanh } from "../core/portableMath";
import { Tensor, gradOf, result } from "./tensor";

/**
 * The result of an elementwise map: value y and derivative dy/dx per entry, both computed in the
 * forward pass, so the backward rule is one multiply-add per entry.
 */
function pointwise(x: Tensor, y: Float64Array, dydx: Float64Array): Tensor {
  return result(x.rows, x.cols, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * dydx[i];
  });
}

/** Logistic sigmoid of one number, stable for large |x|. */
export function sigmoidScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Hyperbolic tangent.
 *
 * $$y = \tanh x,\qquad \bar{x} = \bar{y}\,(1 - y^2)$$
 *
 * @example
 * autograd.tanh(autograd.constant([[0]])).item();
 * // returns 0
 *
 * @see {@link sigmoid}
 */
export function tanh(x: Tensor): Tensor {
  const X = x.data;
  const y = new Float64Array(X.length);
  const d = new Float64Array(X.length);
  for (let i = 0; i < y.length; i++) {
    y[i] = portableTanh(X[i]);
    d[i] = 1 - y[i] * y[i];
  }
  return pointwise(x, y, d);
}

/**
 * Logistic sigmoid.
 *
 * $$y = \sigma(x) = \frac{1}{1 + e^{-x}},\qquad \bar{x} = \bar{y}\,y(1 - y)$$
 *
 * @example
 * autograd.sigmoid(autograd.constant([[0]])).item();
 * // returns 0.5
 *
 * @see {@link tanh}
 */
export function sigmoid(x: Tensor): Tensor {
  const X = x.data;
  const y = new Float64Array(X.length);
  const d = new Float64Array(X.length);
  for (let i = 0; i < y.length; i++) {
    y[i] = sigmoidScalar(X[i]);
    d[i] = y[i] * (1 - y[i]);
  }
  return pointwise(x, y, d);
}

/**
 * Rectified linear unit, with relu'(0) = 0 as in PyTorch.
 *
 * $$y = \max(0, x),\qquad \bar{x} = \bar{y}\,[x > 0]$$
 *
 * @example
 * autograd.relu(autograd.constant([[-1, 0, 2]])).toArray();
 * // returns [[0, 0, 2]]
 *
 * @see {@link leakyRelu}
 */
export function relu(x: Tensor): Tensor {
  return leakyRelu(x, 0);
}

/**
 * Leaky ReLU with negative slope α (PyTorch's default 0.01; GAT uses 0.2).
 *
 * $$y = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases},\qquad \bar{x} = \bar{y}\,(x > 0 ? 1 : \alpha)$$
 *
 * @example
 * autograd.leakyRelu(autograd.constant([[-1, 2]]), 0.2).toArray();
 * // returns [[-0.2, 2]]
 *
 * @see {@link relu}
 */
export function leakyRelu(x: Tensor, slope = 0.01): Tensor {
  const X = x.data;
  const y = new Float64Array(X.length);
  const d = new Float64Array(X.length);
  for (let i = 0; i < y.length; i++) {
    const pos = X[i] > 0;
    y[i] = pos ? X[i] : slope * X[i];
    d[i] = pos ? 1 : slope;
  }
  return pointwise(x, y, d);
}

/**
 * Exponential linear unit (Clevert et al. 2016), α = 1 by default.
 *
 * $$y = \begin{cases} x & x > 0 \\ \alpha(e^x - 1) & x \le 0 \end{cases},\qquad \bar{x} = \bar{y}\,(x > 0 ? 1 : \alpha e^x)$$
 *
 * @example
 * autograd.elu(autograd.constant([[0, 3]])).toArray();
 * // returns [[0, 3]]
 */
export function elu(x: Tensor, alpha = 1): Tensor {
  const X = x.data;
  const y = new Float64Array(X.length);
  const d = new Float64Array(X.length);
  for (let i = 0; i < y.length; i++) {
    const pos = X[i] > 0;
    y[i] = pos ? X[i] : alpha * Math.expm1(X[i]);
    d[i] = pos ? 1 : alpha * Math.exp(X[i]);
  }
  return pointwise(x, y, d);
}

/**
 * Exponential.
 *
 * $$y = e^x,\qquad \bar{x} = \bar{y}\,y$$
 *
 * @example
 * autograd.exp(autograd.constant([[0]])).item();
 * // returns 1
 *
 * @see {@link log}
 */
export function exp(x: Tensor): Tensor {
  const X = x.data;
  const y = new Float64Array(X.length);
  for (let i = 0; i < y.length; i++) y[i] = Math.exp(X[i]);
  return pointwise(x, y, y);
}

/**
 * Natural logarithm (−∞ at 0, NaN below, as in PyTorch).
 *
 * $$y = \ln x,\qquad \bar{x} = \bar{y} / x$$
 *
 * @example
 * autograd.log(autograd.constant([[1]])).item();
 * // returns 0
 *
 * @see {@link exp}
 */
export function log(x: Tensor): Tensor {
  const X = x.data;
  const y = new Float64Array(X.length);
  const d = new Float64Array(X.length);
  for (let i = 0; i < y.length; i++) {
    y[i] = Math.log(X[i]);
    d[i] = 1 / X[i];
  }
  return pointwise(x, y, d);
}
