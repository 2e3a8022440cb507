/** Losses: cross-entropy from logits and mean squared error, each a 1×1 tensor. */
import { Tensor, gradOf, requireSameShape, result } from "./tensor";

/**
 * Cross-entropy from logits, averaged over rows, as torch `F.cross_entropy` (reduction mean,
 * no class weights). Rows whose target is `ignoreIndex` (default −1, never a class) are left out
 * of the sum and of the count, like torch's `ignore_index`.
 *
 * $$L = \frac{1}{n}\sum_i \Big(\log \sum_c e^{z_{ic}} - z_{i,t_i}\Big),\qquad \bar{z}_{ic} = \frac{\bar{L}}{n}\big(\mathrm{softmax}(z_i)_c - [c = t_i]\big)$$
 *
 * Shapes: logits (n×C), targets (n integers in [0, C)) → 1×1. Throws a RangeError for a target
 * out of range, a length mismatch or no target left to average.
 *
 * @example
 * autograd.crossEntropy(autograd.constant([[0, 0]]), [1]).item();
 * // returns 0.6931471805599453
 *
 * @see {@link logSoftmax}
 */
export function crossEntropy(logits: Tensor, targets: ArrayLike<number>, ignoreIndex = -1): Tensor {
  const { rows, cols } = logits;
  if (targets.length !== rows) {
    throw new RangeError(`crossEntropy: ${targets.length} targets for ${rows} rows of logits`);
  }
  const Z = logits.data;
  const p = new Float64Array(Z.length); // softmax per row
  let total = 0;
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const t = targets[i];
    if (t === ignoreIndex) continue;
    if (!Number.isInteger(t) || t < 0 || t >= cols) {
      throw new RangeError(`crossEntropy: target ${i} is ${t}; expected an integer in [0, ${cols})`);
    }
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (Z[o + j] > max) max = Z[o + j];
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(Z[o + j] - max);
      p[o + j] = e;
      s += e;
    }
    for (let j = 0; j < cols; j++) p[o + j] /= s;
    total += max + Math.log(s) - Z[o + t];
    count++;
  }
  if (count === 0) throw new RangeError("crossEntropy: every target is ignored; there is nothing to average");
  const loss = new Float64Array([total / count]);
  return result(1, 1, loss, [logits], (out) => {
    const g = (out.grad as Float64Array)[0] / count;
    const gz = gradOf(logits);
    for (let i = 0; i < rows; i++) {
      const t = targets[i];
      if (t === ignoreIndex) continue;
      const o = i * cols;
      for (let j = 0; j < cols; j++) gz[o + j] += g * (p[o + j] - (j === t ? 1 : 0));
    }
  });
}

/**
 * Mean squared error over all entries, as torch `F.mse_loss` (reduction mean).
 *
 * $$L = \frac{1}{nd}\sum_{ij} (y_{ij} - t_{ij})^2,\qquad \bar{y} = \frac{2\bar{L}}{nd}(y - t)$$
 *
 * Shapes: prediction and target both n×d → 1×1. The target may need a gradient too.
 *
 * @example
 * autograd.mseLoss(autograd.constant([[1, 2]]), autograd.constant([[0, 0]])).item();
 * // returns 2.5
 *
 * @see {@link crossEntropy}
 */
export function mseLoss(prediction: Tensor, target: Tensor): Tensor {
  requireSameShape("mseLoss", prediction, target);
  const P = prediction.data;
  const T = target.data;
  const n = P.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += (P[i] - T[i]) * (P[i] - T[i]);
  return result(1, 1, new Float64Array([s / n]), [prediction, target], (out) => {
    const g = ((out.grad as Float64Array)[0] * 2) / n;
    if (prediction.requiresGrad) {
      const gp = gradOf(prediction);
      for (let i = 0; i < n; i++) gp[i] += g * (P[i] - T[i]);
    }
    if (target.requiresGrad) {
      const gt = gradOf(target);
      for (let i = 0; i < n; i++) gt[i] -= g * (P[i] - T[i]);
    }
  });
}
