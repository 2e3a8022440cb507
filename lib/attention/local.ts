import { Matrix, type MatrixLike, type VectorLike, matmul, shapeOf } from "../core/matrix";
import { dotScoreMatrix } from "../scores/dot";
import { generalScoreMatrix } from "../scores/general";
import { checkVector, checkWeight } from "../core/validate";
import { requireSequence } from "../core/validate";

/** Options of Luong's local attention. */
export interface LocalAttentionOptions {
  /** Half-width of the window; default 2. */
  D?: number;
  /** Gaussian width; default D/2. */
  sigma?: number;
  /** "general" (h_tᵀ W_a h_s, needs Wa) or "dot"; default "dot". */
  score?: "general" | "dot";
  /** (d, d) weight of the "general" score. */
  Wa?: MatrixLike;
}

/** Local attention's stages, for a widget to step through. */
export interface LocalAttentionResult {
  /** (n_t) aligned source positions, 0-based, in [0, S]. */
  pT: Float64Array;
  /** (n_t) `[first, last]` window bounds, inclusive, clipped to [0, S-1]. */
  window: [number, number][];
  /** (n_t, S) scores of every source position (also outside the window). */
  scores: Matrix;
  /** (n_t, S) softmax over the window; 0 outside it. */
  align: Matrix;
  /** (n_t, S) the Gaussian factor exp(-(s - p_t)² / 2σ²). */
  gaussian: Matrix;
  /** (n_t, S) align ∘ gaussian: NOT renormalised, rows sum to less than 1. */
  weights: Matrix;
  /** (n_t, d) weighted sums of the source states. */
  context: Matrix;
}

const DEFAULTS = { D: 2, score: "dot" } as const;

/**
 * Luong's local-p attention: predict a source position, attend inside a window, damp with a Gaussian.
 *
 * $$p_t = S\,\sigma(v_p^\top \tanh(W_p h_t)),\qquad a_t(s) = \mathrm{softmax}_{s \in [p_t \pm D]}(\mathrm{score}(h_t, \bar h_s))\, e^{-\frac{(s - p_t)^2}{2\sigma^2}}$$
 *
 * @example
 * Array.from(localAttention([[0]], [[1], [1], [1]], { Wp: [[0]], vp: [0] }, { D: 1 }).pT);
 * // returns [1.5]
 *
 * @see {@link localMAttention}, {@link globalAttention}
 */
export function localAttention(
  hT: MatrixLike,
  hS: MatrixLike,
  params: { Wp: MatrixLike; vp: VectorLike },
  options: LocalAttentionOptions = {},
): LocalAttentionResult {
  const what = "localAttention";
  const h = requireSequence(what, "h_t", hT);
  const S = requireSequence(what, "h_s", hS).rows;
  const vp = checkVector(what, "v_p", params.vp, params.vp.length);
  const Wp = checkWeight(what, "W_p", params.Wp, vp.length, h.cols);
  const hidden = matmul(h, Wp, true); // (n_t, d_p)
  const pT = new Float64Array(h.rows);
  for (let t = 0; t < h.rows; t++) {
    let s = 0;
    for (let a = 0; a < vp.length; a++) s += vp[a] * Math.tanh(hidden.data[t * vp.length + a]);
    pT[t] = S / (1 + Math.exp(-s));
  }
  return localMAttention(h, hS, pT, options, what);
}

/**
 * Luong's local-m attention: like local-p but with given (monotonic) positions, e.g. p_t = t.
 *
 * $$a_t(s) = \mathrm{softmax}_{s \in [p_t - D,\, p_t + D]}(\mathrm{score}(h_t, \bar h_s))\, e^{-\frac{(s - p_t)^2}{2\sigma^2}}$$
 *
 * @example
 * localMAttention([[1]], [[1], [1], [1]], [0], { D: 1 }).window;
 * // returns [[0, 1]]
 *
 * @see {@link localAttention}
 */
export function localMAttention(
  hT: MatrixLike,
  hS: MatrixLike,
  pT: VectorLike,
  options: LocalAttentionOptions = {},
  what = "localMAttention",
): LocalAttentionResult {
  const o = { ...DEFAULTS, ...options };
  const h = requireSequence(what, "h_t", hT);
  const src = requireSequence(what, "h_s", hS);
  const nt = h.rows;
  const S = src.rows;
  if (pT.length !== nt) throw new RangeError(`${what}: p_t has length ${pT.length} but h_t is ${shapeOf(h)}`);
  if (!(o.D >= 0) || !Number.isFinite(o.D))
    throw new RangeError(`${what}: D must be a finite number ≥ 0, got ${o.D}`);
  const sigma = o.sigma ?? o.D / 2;
  if (!(sigma > 0)) throw new RangeError(`${what}: σ must be positive, got ${sigma} (D = ${o.D})`);
  let scores: Matrix;
  if (o.score === "general") {
    if (!o.Wa) throw new RangeError(`${what}: the "general" score needs options.Wa`);
    scores = generalScoreMatrix(h, src, o.Wa); // (n_t, S)
  } else {
    scores = dotScoreMatrix(h, src); // (n_t, S)
  }
  const align = new Matrix(nt, S); // (n_t, S)
  const gaussian = new Matrix(nt, S); // (n_t, S)
  const weights = new Matrix(nt, S); // (n_t, S)
  const window: [number, number][] = [];
  for (let t = 0; t < nt; t++) {
    const p = pT[t];
    if (!Number.isFinite(p)) throw new RangeError(`${what}: p_t[${t}] is ${p}`);
    const first = Math.max(0, Math.ceil(p - o.D));
    const last = Math.min(S - 1, Math.floor(p + o.D));
    if (first > last)
      throw new RangeError(
        `${what}: the window [${p - o.D}, ${p + o.D}] holds no source position in [0, ${S - 1}]`,
      );
    window.push([first, last]);
    const row = t * S;
    let mx = -Infinity;
    for (let s = first; s <= last; s++) mx = Math.max(mx, scores.data[row + s]);
    let sum = 0;
    for (let s = first; s <= last; s++) {
      const e = Math.exp(scores.data[row + s] - mx);
      align.data[row + s] = e;
      sum += e;
    }
    for (let s = 0; s < S; s++) {
      // ((s − p)/σ)² rather than (s − p)²/σ²: σ² underflows to 0 for σ < 1e-162, and 0/0 is NaN.
      const g = Math.exp(-(((s - p) / sigma) ** 2) / 2);
      gaussian.data[row + s] = g;
      if (s >= first && s <= last) {
        align.data[row + s] /= sum;
        weights.data[row + s] = align.data[row + s] * g;
      }
    }
  }
  const context = matmul(weights, src); // (n_t, d)
  return { pT: Float64Array.from(pT), window, scores, align, gaussian, weights, context };
}
