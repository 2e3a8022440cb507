/** A gradient: a number or an array of any nesting (rank 0, 1, 2, …), or a typed array. */
export type Grad = number | ArrayLike<number> | ReadonlyArray<Grad>;

/** Options of {@link clipGradNorm}. */
export interface ClipGradNormOptions {
  /** 1, 2 (default), any p > 0, Infinity or "inf" (max |g|). */
  normType?: number | "inf";
  /** Throw when the total norm is NaN or infinite (default true: never a silent NaN). */
  errorIfNonfinite?: boolean;
}

const DEFAULTS = { normType: 2, errorIfNonfinite: true } as const;

/** What {@link clipGradNorm} returns. */
export interface ClipGradNormResult<G> {
  /** The p-norm of all gradients together, before clipping. */
  totalNorm: number;
  /** min(1, maxNorm / (totalNorm + 1e-6)): what every gradient was multiplied by. */
  coef: number;
  /** The scaled gradients, with the same nesting as the input. */
  grads: G[];
}

/**
 * Clip gradients by their global norm, like torch `clip_grad_norm_` (including its +1e-6).
 *
 * $$c = \min\!\left(1, \frac{\text{maxNorm}}{\lVert g \rVert_p + 10^{-6}}\right),\qquad g \leftarrow c\, g$$
 *
 * @example
 * clipGradNorm([[3, 4], 0], 10).coef;
 * // returns 1
 *
 * @see {@link clipGradValue}
 */
export function clipGradNorm<G extends Grad>(
  grads: readonly G[],
  maxNorm: number,
  options: ClipGradNormOptions = {},
): ClipGradNormResult<G> {
  const what = "clipGradNorm";
  const o = { ...DEFAULTS, ...options };
  const p = o.normType === "inf" ? Infinity : Number(o.normType);
  if (!(p > 0))
    throw new RangeError(`${what}: normType must be positive or "inf", got ${String(o.normType)}`);
  if (!(maxNorm >= 0)) throw new RangeError(`${what}: maxNorm must be ≥ 0, got ${maxNorm}`);
  // torch: the norm of the per-parameter norms.
  // A typed array is already flat: no copy into a number[] (the training loop clips every step).
  const norms = grads.map((g) => pNorm(ArrayBuffer.isView(g) ? (g as ArrayLike<number>) : flatten(g), p));
  const totalNorm = pNorm(norms, p);
  if (o.errorIfNonfinite && !Number.isFinite(totalNorm)) {
    throw new RangeError(`${what}: the total ${p}-norm of the gradients is ${totalNorm}`);
  }
  const coef = Math.min(1, maxNorm / (totalNorm + 1e-6));
  return { totalNorm, coef, grads: grads.map((g) => scaleGrad(g, coef)) };
}

/**
 * Clamp every gradient element to [-clipValue, clipValue], like torch `clip_grad_value_`.
 *
 * $$g_i \leftarrow \min(\max(g_i, -c), c)$$
 *
 * @example
 * clipGradValue([[0.2, -3], 5], 1);
 * // returns [[0.2, -1], 1]
 *
 * @see {@link clipGradNorm}
 */
export function clipGradValue<G extends Grad>(grads: readonly G[], clipValue: number): G[] {
  if (!(clipValue >= 0)) throw new RangeError(`clipGradValue: clipValue must be ≥ 0, got ${clipValue}`);
  return grads.map((g) => mapGrad(g, (x) => (x > clipValue ? clipValue : x < -clipValue ? -clipValue : x)));
}

function pNorm(x: ArrayLike<number>, p: number): number {
  let s = 0;
  if (p === Infinity) {
    for (let i = 0; i < x.length; i++) s = Math.max(s, Math.abs(x[i]));
    for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i])) return NaN;
    return s;
  }
  for (let i = 0; i < x.length; i++)
    s += p === 2 ? x[i] * x[i] : p === 1 ? Math.abs(x[i]) : Math.abs(x[i]) ** p;
  return p === 2 ? Math.sqrt(s) : p === 1 ? s : s ** (1 / p);
}

function flatten(g: Grad, out: number[] = []): number[] {
  if (typeof g === "number") out.push(g);
  else for (let i = 0; i < g.length; i++) flatten((g as ArrayLike<Grad>)[i], out);
  return out;
}

/** c·g; a typed array is scaled in one loop (no call per element). */
function scaleGrad<G extends Grad>(g: G, c: number): G {
  if (!ArrayBuffer.isView(g)) return mapGrad(g, (x) => x * c);
  const src = g as unknown as Float64Array;
  const out = new (src.constructor as Float64ArrayConstructor)(src.length); // same array type
  for (let i = 0; i < out.length; i++) out[i] = src[i] * c;
  return out as unknown as G;
}

function mapGrad<G extends Grad>(g: G, f: (x: number) => number): G {
  if (typeof g === "number") return f(g) as G;
  if (ArrayBuffer.isView(g)) return (g as unknown as Float64Array).map(f) as unknown as G;
  return Array.from(g as ArrayLike<Grad>, (x) => mapGrad(x, f)) as unknown as G;
}
