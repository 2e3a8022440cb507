import { type Matrix, type MatrixLike, type VectorLike, matmul, shapeOf } from "./matrix";
import { requireSequence } from "./validate";

/**
 * A fully connected layer with torch `nn.Linear` orientation: weight is (out, in).
 *
 * $$Y = X W^\top + b,\quad W \in \mathbb{R}^{d_{out} \times d_{in}}$$
 *
 * @example
 * linear([[1, 2]], [[1, 1], [0, 1]], [10, 20]).toArray();
 * // returns [[13, 22]]
 *
 * @see {@link feedForward}, {@link multiHeadAttention}
 */
export function linear(
  x: MatrixLike,
  weight: MatrixLike,
  bias: VectorLike | null = null,
  what = "linear",
): Matrix {
  const X = requireSequence(what, "input", x);
  const W = requireSequence(what, "weight", weight);
  if (W.cols !== X.cols) {
    throw new RangeError(
      `${what}: input is ${shapeOf(X)} but weight is ${shapeOf(W)}; weight must be (out × ${X.cols})`,
    );
  }
  const Y = matmul(X, W, true); // (n, out)
  if (bias) {
    if (bias.length !== W.rows)
      throw new RangeError(`${what}: bias has length ${bias.length} but weight is ${shapeOf(W)}`);
    const m = W.rows;
    for (let i = 0; i < Y.rows; i++) for (let j = 0; j < m; j++) Y.data[i * m + j] += bias[j];
  }
  return Y;
}
