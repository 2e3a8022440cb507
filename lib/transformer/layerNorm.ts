import { Matrix, type MatrixLike, type VectorLike } from "../core/matrix";
import { requireSequence } from "../core/validate";
import { checkVector } from "../core/validate";

/** Options of {@link layerNorm}. */
export interface LayerNormOptions {
  /** Added to the variance inside the square root; default 1e-5 (torch). */
  eps?: number;
  /** (d) scale γ; absent: no affine scale. */
  weight?: VectorLike | null;
  /** (d) shift β; absent: no affine shift. */
  bias?: VectorLike | null;
}

const DEFAULTS = { eps: 1e-5 } as const;

/** Layer norm's output with its per-row statistics. */
export interface LayerNormResult {
  /** (n, d) */
  output: Matrix;
  /** (n) row means. */
  mean: Float64Array;
  /** (n) biased row variances. */
  variance: Float64Array;
  /** (n) 1 / sqrt(variance + eps). */
  rstd: Float64Array;
}

/**
 * Layer normalisation over the last axis (torch `nn.LayerNorm`), computed in two passes.
 *
 * $$y = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} \odot \gamma + \beta,\quad \sigma^2 = \frac{1}{d}\sum_i (x_i - \mu)^2$$
 *
 * @example
 * layerNorm([[1, 3]], { eps: 0 }).output.toArray();
 * // returns [[-1, 1]]
 *
 * @see {@link encoderLayer}
 */
export function layerNorm(x: MatrixLike, options: LayerNormOptions = {}): LayerNormResult {
  const what = "layerNorm";
  const o = { ...DEFAULTS, ...options };
  const X = requireSequence(what, "x", x);
  const { rows: n, cols: d } = X;
  if (!(o.eps >= 0) || !Number.isFinite(o.eps))
    throw new RangeError(`${what}: eps must be a finite number ≥ 0, got ${o.eps}`);
  const w = o.weight ? checkVector(what, "weight", o.weight, d) : null;
  const b = o.bias ? checkVector(what, "bias", o.bias, d) : null;
  const output = new Matrix(n, d); // (n, d)
  const mean = new Float64Array(n);
  const variance = new Float64Array(n);
  const rstd = new Float64Array(n);
  const xd = X.data;
  const y = output.data;
  for (let i = 0; i < n; i++) {
    const o0 = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += xd[o0 + j];
    let mu = s / d;
    let c = 0;
    for (let j = 0; j < d; j++) c += xd[o0 + j] - mu;
    mu += c / d; // second pass corrects the mean's rounding error (matters for large offsets)
    let v = 0;
    for (let j = 0; j < d; j++) {
      const t = xd[o0 + j] - mu;
      y[o0 + j] = t;
      v += t * t;
    }
    v /= d;
    if (v + o.eps === 0)
      throw new RangeError(`${what}: row ${i} is constant and eps is 0; the output is undefined`);
    const r = 1 / Math.sqrt(v + o.eps);
    for (let j = 0; j < d; j++) y[o0 + j] = y[o0 + j] * r * (w ? w[j] : 1) + (b ? b[j] : 0);
    mean[i] = mu;
    variance[i] = v;
    rstd[i] = r;
  }
  return { output, mean, variance, rstd };
}
