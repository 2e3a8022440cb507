/** Losses: cross-entropy from logits and mean squared error, each a 1×1 tensor. */
import type { SoftmaxMask } from "./softmax";
import { Tensor, gradOf, requireSameShape, result } from "./tensor";

/** Options of {@link crossEntropy}. */
export interface CrossEntropyOptions {
  /** Rows whose target is this are left out (default −1, never a class), as torch's `ignore_index`. */
  ignoreIndex?: number;
  /**
   * Allowed classes per row: a flat allow-mask of length rows·cols (row-major) or of length cols
   * (the same for every row); `true` or 1 means allowed. Masked logits are treated as −∞: they get
   * probability exactly 0 and no gradient, as a pointer network's already-chosen positions. A
   * row's target must be allowed.
   */
  mask?: SoftmaxMask | null;
}

/**
 * Cross-entropy from logits, averaged over rows, as torch `F.cross_entropy` (reduction mean,
 * no class weights). Rows whose target is `ignoreIndex` (default −1, never a class) are left out
 * of the sum and of the count, like torch's `ignore_index`. With an allow-mask M the softmax runs
 * over the allowed classes only (masked logits count as −∞), as a pointer network's loss over the
 * positions not yet chosen (Vinyals et al. 2015).
 *
 * $$L = \frac{1}{n}\sum_i \Big(\log \sum_c M_{ic}\, e^{z_{ic}} - z_{i,t_i}\Big),\qquad \bar{z}_{ic} = \frac{\bar{L}}{n}\big(p_{ic} - [c = t_i]\big),\quad p_{ic} = \frac{M_{ic}\, e^{z_{ic}}}{\sum_k M_{ik}\, e^{z_{ik}}}$$
 *
 * Shapes: logits (n×C), targets (n integers in [0, C)), mask (n·C or C entries) → 1×1. The third
 * argument is the ignore index or an options object. Throws a RangeError for a target out of
 * range or masked, a length mismatch or no target left to average.
 *
 * @example
 * autograd.crossEntropy(autograd.constant([[0, 0, 9]]), [1], { mask: [1, 1, 0] }).item();
 * // returns 0.6931471805599453
 *
 * @see {@link logSoftmax}
 */
export function crossEntropy(
  logits: Tensor,
  targets: ArrayLike<number>,
  options: number | CrossEntropyOptions = {},
): Tensor {
  const { rows, cols } = logits;
  const o = typeof options === "number" ? { ignoreIndex: options } : options;
  const ignoreIndex = o.ignoreIndex ?? -1;
  const mask = o.mask ?? null;
  if (targets.length !== rows) {
    throw new RangeError(`crossEntropy: ${targets.length} targets for ${rows} rows of logits`);
  }
  const ms = mask === null ? 0 : mask.length === rows * cols ? cols : mask.length === cols ? 0 : -1;
  if (ms < 0) {
    throw new RangeError(
      `crossEntropy: the mask has ${mask?.length} entries but the logits are ${rows}×${cols}; give rows·cols or cols entries`,
    );
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
    const mo = i * ms;
    if (mask && !mask[mo + t]) {
      throw new RangeError(`crossEntropy: target ${i} is ${t}, which the mask does not allow`);
    }
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if ((!mask || mask[mo + j]) && Z[o + j] > max) max = Z[o + j];
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = mask && !mask[mo + j] ? 0 : Math.exp(Z[o + j] - max);
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
