import { Matrix, type MatrixLike, type VectorLike, asMatrix, assertFinite, shapeOf } from "../core/matrix";
import { softmaxBeta } from "../attention/softmax";

/** Numerical options of NTM addressing. */
export interface NtmOptions {
  /**
   * Added to every memory and key entry before the cosine, and to the sharpening denominator.
   * 0 (the paper's formulas) by default; {@link NTM_PEER} sets pytorch-ntm's 1e-16.
   */
  epsilon: number;
}

/** The paper's formulas, no epsilon. */
export const NTM_DEFAULTS: NtmOptions = { epsilon: 0 };
/** Peer quirk preset: loudinthecloud/pytorch-ntm adds 1e-16 before the cosine and in the sharpening sum. */
export const NTM_PEER: NtmOptions = { epsilon: 1e-16 };

/** The activated outputs of one head: key, key strength, gate, shift kernel and sharpening exponent. */
export interface NtmHead {
  k: VectorLike;
  beta: number;
  g: number;
  /** Shift kernel of odd length 2r+1: `s[0]` moves the focus r slots forward, `s[r]` keeps it. */
  s: VectorLike;
  gamma: number;
}

/** Every stage of the addressing pipeline, each a distribution over the N slots. */
export interface NtmAddressing {
  content: Float64Array;
  gated: Float64Array;
  shifted: Float64Array;
  sharpened: Float64Array;
}

/**
 * Content addressing: a softmax over the cosine similarity of the key with every memory row.
 *
 * $$w^c_i = \mathrm{softmax}_i\big(\beta \cos(M_i, k)\big)$$
 *
 * A zero-norm row or key has cosine 0 (norms are clamped at 1e-8, as in torch).
 *
 * @example
 * Array.from(ntmContent([[1, 0], [0, 1]], [1, 0], 0));
 * // returns [0.5, 0.5]
 *
 * @see {@link ntmAddress}
 */
export function ntmContent(
  memory: MatrixLike,
  k: VectorLike,
  beta: number,
  options: Partial<NtmOptions> = {},
): Float64Array {
  const { epsilon } = { ...NTM_DEFAULTS, ...options };
  const M = checkMemory("ntmContent", memory);
  checkVector("ntmContent: k", k, M.cols, M);
  if (!(beta >= 0) || !Number.isFinite(beta))
    throw new RangeError(`ntmContent: beta must be finite and ≥ 0, got ${beta}`);
  const m = M.cols;
  let kk = 0;
  for (let j = 0; j < m; j++) kk += (k[j] + epsilon) ** 2;
  const kNorm = Math.max(Math.sqrt(kk), 1e-8);
  const scores = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) {
    let d = 0;
    let mm = 0;
    for (let j = 0; j < m; j++) {
      const x = M.data[i * m + j] + epsilon;
      d += x * (k[j] + epsilon);
      mm += x * x;
    }
    scores[i] = d / (Math.max(Math.sqrt(mm), 1e-8) * kNorm);
  }
  // softmax(β·cos) with β applied after the shift: every finite β gives finite weights.
  return softmaxBeta(scores, beta);
}

/**
 * Interpolation gate: blend the content weighting with the previous weighting.
 *
 * $$w^g = g\, w^c + (1 - g)\, w_{t-1}$$
 *
 * @example
 * Array.from(ntmInterpolate([1, 0], [0, 1], 0.25));
 * // returns [0.25, 0.75]
 *
 * @see {@link ntmAddress}
 */
export function ntmInterpolate(wc: VectorLike, wPrev: VectorLike, g: number): Float64Array {
  checkVector("ntmInterpolate: wPrev", wPrev, wc.length, wc);
  if (!(g >= 0 && g <= 1)) throw new RangeError(`ntmInterpolate: gate g must lie in [0, 1], got ${g}`);
  const out = new Float64Array(wc.length);
  for (let i = 0; i < wc.length; i++) out[i] = g * wc[i] + (1 - g) * wPrev[i];
  return out;
}

/**
 * Circular shift: convolve the weighting with a shift kernel of odd length 2r+1 (indices mod N).
 *
 * $$\tilde w_i = \sum_{k=0}^{2r} s_k\, w_{(i - r + k) \bmod N}$$
 *
 * So `s[0]` moves the focus r slots forward and `s[2r]` r slots back (`[1, 0, 0]`: one forward).
 *
 * @example
 * Array.from(ntmShift([1, 0, 0, 0], [1, 0, 0]));
 * // returns [0, 1, 0, 0]
 *
 * @see {@link ntmShiftKernel}, {@link ntmAddress}
 */
export function ntmShift(w: VectorLike, s: VectorLike): Float64Array {
  const n = w.length;
  if (n === 0) throw new RangeError("ntmShift: empty weighting");
  if (s.length % 2 !== 1)
    throw new RangeError(`ntmShift: the shift kernel needs odd length, got ${s.length}`);
  let sum = 0;
  for (let k = 0; k < s.length; k++) {
    if (!(s[k] >= 0) || !Number.isFinite(s[k]))
      throw new RangeError(`ntmShift: s[${k}] is ${s[k]}; need ≥ 0`);
    sum += s[k];
  }
  if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`ntmShift: the shift kernel must sum to 1, got ${sum}`);
  const r = (s.length - 1) / 2;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let k = 0; k < s.length; k++) acc += s[k] * w[(((i - r + k) % n) + n) % n];
    out[i] = acc;
  }
  return out;
}

/**
 * A one-hot shift kernel that moves the focus by `offset` slots (positive = forward).
 *
 * $$s_k = [\,k = r - \text{offset}\,],\quad \text{length } 2r + 1$$
 *
 * @example
 * Array.from(ntmShiftKernel(1));
 * // returns [1, 0, 0]
 *
 * @see {@link ntmShift}
 */
export function ntmShiftKernel(offset: number, length = 3): Float64Array {
  const r = (length - 1) / 2;
  if (!Number.isInteger(r) || r < 0)
    throw new RangeError(`ntmShiftKernel: length must be odd and ≥ 1, got ${length}`);
  if (!Number.isInteger(offset) || Math.abs(offset) > r) {
    throw new RangeError(`ntmShiftKernel: offset must be an integer in [-${r}, ${r}], got ${offset}`);
  }
  const s = new Float64Array(length);
  s[r - offset] = 1;
  return s;
}

/**
 * Sharpening: raise the weights to the power γ ≥ 1 and renormalise.
 *
 * $$w_i = \frac{\tilde w_i^{\gamma}}{\sum_j \tilde w_j^{\gamma}}$$
 *
 * @example
 * Array.from(ntmSharpen([0.25, 0.75], 2)).map((v) => +v.toFixed(4));
 * // returns [0.1, 0.9]
 *
 * @see {@link ntmAddress}
 */
export function ntmSharpen(w: VectorLike, gamma: number, options: Partial<NtmOptions> = {}): Float64Array {
  const { epsilon } = { ...NTM_DEFAULTS, ...options };
  if (!(gamma >= 1) || !Number.isFinite(gamma))
    throw new RangeError(`ntmSharpen: gamma must be finite and ≥ 1, got ${gamma}`);
  assertFinite("ntmSharpen: w", w);
  const out = new Float64Array(w.length);
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, w[i]);
  if (max <= 0 && epsilon === 0) throw new RangeError("ntmSharpen: every weight is 0; nothing to normalise");
  const scale = epsilon === 0 ? max : 1;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    out[i] = (w[i] / scale) ** gamma;
    sum += out[i];
  }
  for (let i = 0; i < w.length; i++) out[i] /= sum + epsilon;
  return out;
}

/**
 * The full NTM addressing pipeline: content → interpolation → circular shift → sharpening.
 *
 * $$w_t = \mathrm{sharpen}_\gamma\Big(s * \big(g\,\mathrm{softmax}(\beta \cos(M, k)) + (1-g)\,w_{t-1}\big)\Big)$$
 *
 * @example
 * const head = { k: [1, 0], beta: 0, g: 0, s: [1, 0, 0], gamma: 1 };
 * Array.from(ntmAddress([[1, 0], [0, 1], [1, 1]], head, [1, 0, 0]).sharpened);
 * // returns [0, 1, 0]
 *
 * @see {@link ntmContent}, {@link ntmInterpolate}, {@link ntmShift}, {@link ntmSharpen}, {@link NTMMemory}
 */
export function ntmAddress(
  memory: MatrixLike,
  head: NtmHead,
  wPrev: VectorLike,
  options: Partial<NtmOptions> = {},
): NtmAddressing {
  const M = checkMemory("ntmAddress", memory);
  checkVector("ntmAddress: wPrev", wPrev, M.rows, M);
  const content = ntmContent(M, head.k, head.beta, options);
  const gated = ntmInterpolate(content, wPrev, head.g);
  const shifted = ntmShift(gated, head.s);
  const sharpened = ntmSharpen(shifted, head.gamma, options);
  return { content, gated, shifted, sharpened };
}

/**
 * Read: the weighted sum of memory rows.
 *
 * $$r = \sum_i w_i M_i = w^\top M$$
 *
 * @example
 * Array.from(ntmRead([[1, 2], [3, 4]], [0.5, 0.5]));
 * // returns [2, 3]
 *
 * @see {@link ntmWrite}
 */
export function ntmRead(memory: MatrixLike, w: VectorLike): Float64Array {
  const M = checkMemory("ntmRead", memory);
  checkVector("ntmRead: w", w, M.rows, M);
  const m = M.cols;
  const r = new Float64Array(m);
  for (let i = 0; i < M.rows; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    for (let j = 0; j < m; j++) r[j] += wi * M.data[i * m + j];
  }
  return r;
}

/**
 * Write: erase then add, each slot in proportion to its weight.
 *
 * $$M'_i = M_i \circ (1 - w_i e) + w_i a$$
 *
 * @example
 * ntmWrite([[1, 1], [1, 1]], [1, 0], [1, 0], [5, 5]).toArray();
 * // returns [[5, 6], [1, 1]]
 *
 * @see {@link ntmRead}
 */
export function ntmWrite(memory: MatrixLike, w: VectorLike, e: VectorLike, a: VectorLike): Matrix {
  const M = checkMemory("ntmWrite", memory);
  checkVector("ntmWrite: w", w, M.rows, M);
  checkVector("ntmWrite: e", e, M.cols, M);
  checkVector("ntmWrite: a", a, M.cols, M);
  const m = M.cols;
  const out = new Matrix(M.rows, m); // (N, M)
  for (let i = 0; i < M.rows; i++) {
    const wi = w[i];
    for (let j = 0; j < m; j++) out.data[i * m + j] = M.data[i * m + j] * (1 - wi * e[j]) + wi * a[j];
  }
  return out;
}

function checkMemory(what: string, memory: MatrixLike): Matrix {
  const M = asMatrix(memory);
  if (M.rows === 0 || M.cols === 0) throw new RangeError(`${what}: empty memory (${shapeOf(M)})`);
  assertFinite(`${what}: memory`, M);
  return M;
}

function checkVector(what: string, v: VectorLike, n: number, against: Matrix | VectorLike): void {
  if (v.length !== n)
    throw new RangeError(`${what} has length ${v.length}, expected ${n} to match ${shapeOf(against)}`);
  assertFinite(what, v);
}
