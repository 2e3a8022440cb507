import { Matrix, type MatrixLike, matmul, shapeOf } from "../core/matrix";
import { requireSequence } from "../core/validate";

/** A fitted linear map with intercept: predictions are X W + b. */
export interface RidgeModel {
  /** (d, k) */
  W: Matrix;
  /** (k) */
  b: Float64Array;
}

/** Solve A X = B for symmetric positive definite A (Cholesky); A is (d, d), B is (d, k). */
function choleskySolve(A: Matrix, B: Matrix): Matrix {
  const n = A.rows;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A.data[i * n + j];
      for (let p = 0; p < j; p++) s -= L[i * n + p] * L[j * n + p];
      if (i === j) {
        if (!(s > 0))
          throw new RangeError("ridgeFit: the normal equations are not positive definite; raise lambda");
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j];
    }
  }
  const X = new Matrix(n, B.cols); // (d, k)
  for (let c = 0; c < B.cols; c++) {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = B.data[i * B.cols + c];
      for (let p = 0; p < i; p++) s -= L[i * n + p] * y[p];
      y[i] = s / L[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i];
      for (let p = i + 1; p < n; p++) s -= L[p * n + i] * X.data[p * B.cols + c];
      X.data[i * B.cols + c] = s / L[i * n + i];
    }
  }
  return X;
}

/**
 * Ridge regression with an intercept: the linear map from the rows of X to the rows of Y that
 * minimises squared error plus λ‖W‖² (the intercept is not penalised).
 *
 * $$W = (\tilde X^\top \tilde X + \lambda I)^{-1} \tilde X^\top \tilde Y,\qquad b = \bar y - \bar x W,\qquad \tilde X = X - \bar x,\ \tilde Y = Y - \bar y$$
 *
 * @example
 * const m = ridgeFit([[0], [1], [2], [3]], [[1], [3], [5], [7]], 0);
 * [+m.W.get(0, 0).toFixed(6), +m.b[0].toFixed(6)];
 * // returns [2, 1]
 *
 * @see {@link ridgePredict}, {@link rSquared}
 */
export function ridgeFit(X: MatrixLike, Y: MatrixLike, lambda: number): RidgeModel {
  const what = "ridgeFit";
  const x = requireSequence(what, "X", X);
  const y = requireSequence(what, "Y", Y);
  if (x.rows !== y.rows)
    throw new RangeError(
      `${what}: X is ${shapeOf(x)} but Y is ${shapeOf(y)}; they need the same number of rows`,
    );
  if (!(lambda >= 0) || !Number.isFinite(lambda))
    throw new RangeError(`${what}: lambda must be finite and ≥ 0, got ${lambda}`);
  const n = x.rows;
  const mx = colMeans(x);
  const my = colMeans(y);
  const xc = Matrix.fromFn(n, x.cols, (i, j) => x.data[i * x.cols + j] - mx[j]); // (n, d)
  const yc = Matrix.fromFn(n, y.cols, (i, j) => y.data[i * y.cols + j] - my[j]); // (n, k)
  const xt = Matrix.fromFn(x.cols, n, (j, i) => xc.data[i * x.cols + j]); // (d, n)
  const A = matmul(xt, xt, true); // (d, d) X̃ᵀX̃
  for (let i = 0; i < A.rows; i++) A.data[i * A.cols + i] += lambda;
  const W = choleskySolve(A, matmul(xt, yc)); // (d, k)
  const b = Float64Array.from(my, (m, c) => m - mx.reduce((s, v, j) => s + v * W.data[j * W.cols + c], 0));
  return { W, b };
}

/**
 * Predictions of a ridge model for the rows of X.
 *
 * $$\hat Y = X W + b$$
 *
 * @example
 * ridgePredict({ W: Matrix.from([[2]]), b: Float64Array.of(1) }, [[10]]).toArray();
 * // returns [[21]]
 *
 * @see {@link ridgeFit}
 */
export function ridgePredict(model: RidgeModel, X: MatrixLike): Matrix {
  const x = requireSequence("ridgePredict", "X", X);
  if (x.cols !== model.W.rows)
    throw new RangeError(`ridgePredict: X is ${shapeOf(x)} but W is ${shapeOf(model.W)}`);
  const P = matmul(x, model.W); // (n, k)
  for (let i = 0; i < P.rows; i++) for (let c = 0; c < P.cols; c++) P.data[i * P.cols + c] += model.b[c];
  return P;
}

/**
 * Coefficient of determination of predictions, pooled over all columns: 1 means perfect, 0 means
 * no better than predicting each column's mean, and it can be negative on held-out data.
 *
 * $$R^2 = 1 - \frac{\sum_{i,c} (y_{ic} - \hat y_{ic})^2}{\sum_{i,c} (y_{ic} - \bar y_c)^2}$$
 *
 * @example
 * rSquared([[1], [2], [3]], [[1], [2], [4]]);
 * // returns 0.5
 *
 * @see {@link ridgeFit}
 */
export function rSquared(Y: MatrixLike, Yhat: MatrixLike): number {
  const y = requireSequence("rSquared", "Y", Y);
  const p = requireSequence("rSquared", "Yhat", Yhat);
  if (y.rows !== p.rows || y.cols !== p.cols)
    throw new RangeError(`rSquared: Y is ${shapeOf(y)} but Yhat is ${shapeOf(p)}`);
  const m = colMeans(y);
  let res = 0;
  let tot = 0;
  for (let i = 0; i < y.rows; i++) {
    for (let c = 0; c < y.cols; c++) {
      const v = y.data[i * y.cols + c];
      res += (v - p.data[i * y.cols + c]) ** 2;
      tot += (v - m[c]) ** 2;
    }
  }
  if (tot === 0) throw new RangeError("rSquared: Y is constant, so R² is undefined");
  return 1 - res / tot;
}

function colMeans(m: Matrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out[j] += m.data[i * m.cols + j];
  for (let j = 0; j < m.cols; j++) out[j] /= m.rows;
  return out;
}
