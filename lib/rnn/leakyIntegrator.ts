import { Matrix, type MatrixLike } from "../core/matrix";
import { requireSequence } from "../core/validate";

/**
 * The simplest recurrent encoder: each state is a leaky running average of the inputs so far.
 *
 * $$h_t = \lambda\, h_{t-1} + (1 - \lambda)\, x_t,\qquad h_0 = 0$$
 *
 * @example
 * leakyStates([[1], [0]], 0.5).toArray();
 * // returns [[0.5], [0.25]]
 *
 * @see {@link lastPool}, {@link meanPool}
 */
export function leakyStates(X: MatrixLike, lambda: number): Matrix {
  const x = requireSequence("leakyStates", "X", X);
  if (!(lambda >= 0 && lambda < 1)) throw new RangeError(`leakyStates: λ must be in [0, 1), got ${lambda}`);
  const H = new Matrix(x.rows, x.cols); // (n, d)
  for (let t = 0; t < x.rows; t++) {
    for (let c = 0; c < x.cols; c++) {
      const prev = t > 0 ? H.data[(t - 1) * x.cols + c] : 0;
      H.data[t * x.cols + c] = lambda * prev + (1 - lambda) * x.data[t * x.cols + c];
    }
  }
  return H;
}
