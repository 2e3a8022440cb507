import type { Matrix, MatrixLike, VectorLike } from "../core/matrix";
import { linear } from "../core/linear";

/** Weights of a position-wise feed-forward block, torch `nn.Linear` orientation. */
export interface FeedForwardParams {
  /** (d_ff, d_model) */
  w1: MatrixLike;
  /** (d_ff) */
  b1?: VectorLike | null;
  /** (d_model, d_ff) */
  w2: MatrixLike;
  /** (d_model) */
  b2?: VectorLike | null;
}

/** Options of {@link feedForward}. */
export interface FeedForwardOptions {
  /** Default "relu". "gelu" uses an erf approximation accurate to 1.5e-7. */
  activation?: "relu" | "gelu";
}

const DEFAULTS = { activation: "relu" } as const;

/** The feed-forward block's stages. */
export interface FeedForwardResult {
  /** (n, d_ff) before the activation. */
  hiddenPre: Matrix;
  /** (n, d_ff) after the activation. */
  hidden: Matrix;
  /** (n, d_model) */
  output: Matrix;
}

/**
 * The Transformer's position-wise feed-forward block: two linear layers with a ReLU between.
 *
 * $$\mathrm{FFN}(x) = \max(0,\, x W_1^\top + b_1)\, W_2^\top + b_2$$
 *
 * @example
 * feedForward([[1, -1]], { w1: [[1, 0], [0, 1]], w2: [[1, 1]] }).output.toArray();
 * // returns [[1]]
 *
 * @see {@link encoderLayer}, {@link linear}
 */
export function feedForward(
  x: MatrixLike,
  params: FeedForwardParams,
  options: FeedForwardOptions = {},
): FeedForwardResult {
  const { activation } = { ...DEFAULTS, ...options };
  const hiddenPre = linear(x, params.w1, params.b1 ?? null, "feedForward (linear1)"); // (n, d_ff)
  const hidden = hiddenPre.clone(); // (n, d_ff)
  const h = hidden.data;
  if (activation === "relu") {
    for (let i = 0; i < h.length; i++) if (h[i] < 0) h[i] = 0;
  } else if (activation === "gelu") {
    for (let i = 0; i < h.length; i++) h[i] = 0.5 * h[i] * (1 + erf(h[i] / Math.SQRT2));
  } else {
    throw new RangeError(`feedForward: unknown activation "${String(activation)}"; expected relu or gelu`);
  }
  const output = linear(hidden, params.w2, params.b2 ?? null, "feedForward (linear2)"); // (n, d_model)
  return { hiddenPre, hidden, output };
}

/** erf by Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): enough for a teaching GELU. */
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const p = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return s * (1 - p * Math.exp(-a * a));
}
