/** Layer normalisation over the last axis (torch `nn.LayerNorm`), fused with its backward rule. */
import { Tensor, gradOf, requireRow, result } from "./tensor";

/**
 * Layer norm over each row (Ba et al. 2016) with biased variance and eps inside the square root,
 * as torch; weight and bias are optional (elementwise_affine). Two-pass statistics, so a large
 * offset with a small spread stays accurate.
 *
 * $$\hat{x} = (x - \mu)\,r,\quad r = \frac{1}{\sqrt{\sigma^2 + \epsilon}},\quad y = \hat{x} \circ w + b,\qquad \bar{x} = r\big(g - \overline{g} - \hat{x}\,\overline{g \circ \hat{x}}\big),\ g = \bar{y} \circ w$$
 *
 * Shapes: x (n×d), weight and bias (1×d) or null → (n×d). Throws a RangeError when weight or
 * bias is not 1×d.
 *
 * @example
 * autograd.layerNorm(autograd.constant([[1, 3]]), null, null, 0).toArray();
 * // returns [[-1, 1]]
 *
 * @see {@link linear}
 */
export function layerNorm(x: Tensor, weight: Tensor | null, bias: Tensor | null, eps = 1e-5): Tensor {
  const { rows, cols: d } = x;
  if (weight) requireRow("layerNorm", "the weight", weight, d);
  if (bias) requireRow("layerNorm", "the bias", bias, d);
  const X = x.data;
  const xhat = new Float64Array(X.length);
  const rstd = new Float64Array(rows);
  const y = new Float64Array(X.length);
  for (let i = 0; i < rows; i++) {
    const o = i * d;
    let mu = 0;
    for (let j = 0; j < d; j++) mu += X[o + j];
    mu /= d;
    let v = 0;
    for (let j = 0; j < d; j++) v += (X[o + j] - mu) * (X[o + j] - mu);
    const r = 1 / Math.sqrt(v / d + eps);
    rstd[i] = r;
    for (let j = 0; j < d; j++) {
      const xh = (X[o + j] - mu) * r;
      xhat[o + j] = xh;
      y[o + j] = (weight ? xh * weight.data[j] : xh) + (bias ? bias.data[j] : 0);
    }
  }
  const parents = [x];
  if (weight) parents.push(weight);
  if (bias) parents.push(bias);
  return result(rows, d, y, parents, (out) => {
    const dy = out.grad as Float64Array;
    const gw = weight && weight.requiresGrad ? gradOf(weight) : null;
    const gb = bias && bias.requiresGrad ? gradOf(bias) : null;
    const gx = x.requiresGrad ? gradOf(x) : null;
    for (let i = 0; i < rows; i++) {
      const o = i * d;
      let mg = 0;
      let mgx = 0;
      for (let j = 0; j < d; j++) {
        const g = weight ? dy[o + j] * weight.data[j] : dy[o + j];
        mg += g;
        mgx += g * xhat[o + j];
        if (gw) gw[j] += dy[o + j] * xhat[o + j];
        if (gb) gb[j] += dy[o + j];
      }
      if (!gx) continue;
      mg /= d;
      mgx /= d;
      const r = rstd[i];
      for (let j = 0; j < d; j++) {
        const g = weight ? dy[o + j] * weight.data[j] : dy[o + j];
        gx[o + j] += r * (g - mg - xhat[o + j] * mgx);
      }
    }
  });
}
