/**
 * Optimisers and gradient clipping over parameter tensors, step for step as `torch.optim`
 * (single-tensor code path): SGD with momentum, dampening, Nesterov and L2 weight decay; Adam with
 * amsgrad and L2 weight decay (Adam's, not AdamW's). A parameter whose gradient is null is skipped,
 * as torch skips a parameter whose `.grad` is None.
 */
import { clipGradNorm, clipGradValue } from "../training/gradClip";
import type { Tensor } from "./tensor";

/** What every optimiser shares: the parameters, per-parameter state made on first use, zeroGrad. */
abstract class Optimiser<S> {
  lr: number;
  private readonly params: readonly Tensor[];
  private readonly state: Array<S | null>;

  protected constructor(what: string, params: readonly Tensor[], lr: number) {
    for (const p of params) {
      if (!p.requiresGrad || p.backwardFn) {
        throw new RangeError(
          `${what}: every parameter must be a leaf that requires a gradient (see param())`,
        );
      }
    }
    if (!(lr > 0)) throw new RangeError(`${what}: lr must be > 0, got ${lr}`);
    this.lr = lr;
    this.params = params;
    this.state = params.map(() => null);
  }

  /** Fresh state for a parameter of n entries. */
  protected abstract init(n: number): S;
  /** Update the values x in place from the gradient g. */
  protected abstract update(x: Float64Array, g: Float64Array, state: S): void;

  /** One update of every parameter that has a gradient. */
  step(): void {
    this.params.forEach((p, k) => {
      if (!p.grad) return;
      const s = this.state[k] ?? (this.state[k] = this.init(p.data.length));
      this.update(p.data, p.grad, s);
    });
  }

  /** Set every parameter's gradient to null. */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }
}

/** Options of {@link SGD}: torch's names and defaults. */
export interface SGDOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

const SGD_DEFAULTS = { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } as const;

/**
 * Stochastic gradient descent as `torch.optim.SGD`. The momentum buffer is the raw (decayed)
 * gradient on the first step, so one step with momentum equals plain SGD.
 *
 * $$d = g + \lambda p,\quad b \leftarrow \mu b + (1 - \tau) d,\quad d \leftarrow \text{nesterov} ? d + \mu b : b,\quad p \leftarrow p - \eta d$$
 *
 * Throws a RangeError for a non-positive learning rate, Nesterov without momentum or with
 * dampening, or a parameter that is not a trainable leaf.
 *
 * @example
 * const p = autograd.param([[1]]); p.grad = new Float64Array([2]);
 * new autograd.SGD([p], { lr: 0.1 }).step(); p.data[0];
 * // returns 0.8
 *
 * @see {@link Adam}
 */
export class SGD extends Optimiser<{ buf: Float64Array | null; first: boolean }> {
  readonly options: Required<Omit<SGDOptions, "lr">>;

  constructor(params: readonly Tensor[], options: SGDOptions) {
    super("SGD", params, options.lr);
    const { momentum, dampening, nesterov, weightDecay } = { ...SGD_DEFAULTS, ...options };
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw new RangeError("SGD: Nesterov momentum needs momentum > 0 and dampening 0");
    }
    this.options = { momentum, dampening, nesterov, weightDecay };
  }

  protected init(n: number) {
    return { buf: this.options.momentum !== 0 ? new Float64Array(n) : null, first: true };
  }

  protected update(x: Float64Array, g: Float64Array, s: { buf: Float64Array | null; first: boolean }): void {
    const { momentum: mu, dampening: tau, nesterov, weightDecay: wd } = this.options;
    const { buf, first } = s;
    const lr = this.lr;
    for (let i = 0; i < x.length; i++) {
      let d = g[i] + wd * x[i];
      if (buf) {
        buf[i] = first ? d : mu * buf[i] + (1 - tau) * d;
        d = nesterov ? d + mu * buf[i] : buf[i];
      }
      x[i] -= lr * d;
    }
    s.first = false;
  }
}

/** Options of {@link Adam}: torch's names and defaults. */
export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** L2 penalty added to the gradient before the moments (torch Adam, not AdamW). */
  weightDecay?: number;
  amsgrad?: boolean;
}

const ADAM_DEFAULTS = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
} as const;

interface AdamState {
  step: number;
  m: Float64Array;
  v: Float64Array;
  vMax: Float64Array | null;
}

/**
 * Adam (Kingma & Ba 2015) as `torch.optim.Adam`: eps is added to the bias-corrected √v̂, the
 * weight decay is L2 (it enters the moments), and amsgrad keeps the maximum of the raw v.
 *
 * $$g \leftarrow g + \lambda p,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad p \leftarrow p - \frac{\eta}{1-\beta_1^t}\,\frac{m}{\sqrt{v}/\sqrt{1-\beta_2^t} + \epsilon}$$
 *
 * Throws a RangeError for lr ≤ 0, a beta outside [0, 1), eps < 0 or a parameter that is not a
 * trainable leaf.
 *
 * @example
 * const p = autograd.param([[1]]); p.grad = new Float64Array([5]);
 * new autograd.Adam([p], { lr: 0.1 }).step(); Math.round(p.data[0] * 1e6) / 1e6;
 * // returns 0.9
 *
 * @see {@link SGD}, {@link clipGradientsByNorm}
 */
export class Adam extends Optimiser<AdamState> {
  readonly options: Required<Omit<AdamOptions, "lr">>;

  constructor(params: readonly Tensor[], options: AdamOptions = {}) {
    const o = { ...ADAM_DEFAULTS, ...options };
    super("Adam", params, o.lr);
    for (const [name, b] of [
      ["beta1", o.beta1],
      ["beta2", o.beta2],
    ] as const) {
      if (!(b >= 0 && b < 1)) throw new RangeError(`Adam: ${name} must be in [0, 1), got ${b}`);
    }
    if (!(o.eps >= 0)) throw new RangeError(`Adam: eps must be ≥ 0, got ${o.eps}`);
    this.options = {
      beta1: o.beta1,
      beta2: o.beta2,
      eps: o.eps,
      weightDecay: o.weightDecay,
      amsgrad: o.amsgrad,
    };
  }

  protected init(n: number): AdamState {
    const vMax = this.options.amsgrad ? new Float64Array(n) : null;
    return { step: 0, m: new Float64Array(n), v: new Float64Array(n), vMax };
  }

  protected update(x: Float64Array, g: Float64Array, s: AdamState): void {
    const { beta1, beta2, eps, weightDecay: wd } = this.options;
    s.step++;
    const stepSize = this.lr / (1 - beta1 ** s.step);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** s.step);
    const { m, v, vMax } = s;
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] + wd * x[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      let second = v[i];
      if (vMax) {
        if (v[i] > vMax[i]) vMax[i] = v[i];
        second = vMax[i];
      }
      x[i] -= (stepSize * m[i]) / (Math.sqrt(second) / bc2Sqrt + eps);
    }
  }
}

/** Options of {@link clipGradientsByNorm}. */
export interface ClipByNormOptions {
  /** 2 (default), 1, any p > 0, or Infinity (max |g|). */
  normType?: number;
  /** Clip each parameter by its own norm instead of one global norm (default false). */
  perParameter?: boolean;
  /** Throw when the norm is NaN or infinite (default true). */
  errorIfNonfinite?: boolean;
}

/**
 * Clip the parameters' gradients in place by their global norm, as torch `clip_grad_norm_`
 * (with its +1e-6), or each parameter by its own norm. Returns the norm(s) before clipping.
 * Parameters without a gradient are left out.
 *
 * $$c = \min\!\Big(1, \frac{\text{maxNorm}}{\lVert g \rVert_p + 10^{-6}}\Big),\qquad g \leftarrow c\,g$$
 *
 * @example
 * const p = autograd.param([[0, 0]]); p.grad = new Float64Array([3, 4]);
 * autograd.clipGradientsByNorm([p], 1); Array.from(p.grad).map((x) => Math.round(x * 1e6) / 1e6);
 * // returns [0.6, 0.8]
 *
 * @see {@link clipGradientsByValue}
 */
export function clipGradientsByNorm(
  params: readonly Tensor[],
  maxNorm: number,
  options: ClipByNormOptions = {},
): number[] {
  const withGrad = params.filter((p) => p.grad !== null);
  const groups = options.perParameter ? withGrad.map((p) => [p]) : [withGrad];
  const opts = { normType: options.normType ?? 2, errorIfNonfinite: options.errorIfNonfinite ?? true };
  return groups.map((group) => {
    const r = clipGradNorm(
      group.map((p) => p.grad as Float64Array),
      maxNorm,
      opts,
    );
    group.forEach((p, k) => (p.grad as Float64Array).set(r.grads[k]));
    return r.totalNorm;
  });
}

/**
 * Clamp every gradient entry of the parameters to [−clipValue, clipValue] in place, as torch
 * `clip_grad_value_`.
 *
 * $$g_i \leftarrow \min(\max(g_i, -c), c)$$
 *
 * @example
 * const p = autograd.param([[0, 0]]); p.grad = new Float64Array([3, -0.5]);
 * autograd.clipGradientsByValue([p], 1); Array.from(p.grad);
 * // returns [1, -0.5]
 *
 * @see {@link clipGradientsByNorm}
 */
export function clipGradientsByValue(params: readonly Tensor[], clipValue: number): void {
  const withGrad = params.filter((p) => p.grad !== null);
  const clipped = clipGradValue(
    withGrad.map((p) => p.grad as Float64Array),
    clipValue,
  );
  withGrad.forEach((p, k) => (p.grad as Float64Array).set(clipped[k]));
}
