import { Matrix, type MatrixLike, asMatrix, shapeOf } from "../core/matrix";

/** An allow-mask over (query, key) pairs: `true` (or 1) means the query may attend to the key. */
export type AllowMask = ReadonlyArray<ArrayLike<boolean | number>>;
/** An allow-mask over keys (a padding mask): `true` (or 1) means the key may be attended to. */
export type KeyAllow = ArrayLike<boolean | number>;

/** Which masks to combine (with AND). */
export interface MaskOptions {
  /** (n_q, n_k) allow-mask. */
  allow?: AllowMask | null;
  /** (n_k) key allow-mask. */
  keyAllow?: KeyAllow | null;
  /** Hide the future: key j is masked for query i when j > i. */
  causal?: boolean;
}

/**
 * Combine an allow-mask, a key allow-mask and a causal mask into one (n_q, n_k) 0/1 array.
 *
 * $$M_{ij} = \mathrm{allow}_{ij} \wedge \mathrm{keyAllow}_j \wedge [\,j \le i\,]$$
 *
 * @example
 * Array.from(combineAllow(2, 2, { causal: true }) ?? []);
 * // returns [1, 0, 1, 1]
 *
 * @see {@link maskedSoftmaxRows}
 */
export function combineAllow(
  nq: number,
  nk: number,
  opts: MaskOptions,
  what = "combineAllow",
): Uint8Array | null {
  const { allow, keyAllow, causal } = opts;
  if (!allow && !keyAllow && !causal) return null;
  const m = new Uint8Array(nq * nk).fill(1); // (n_q, n_k)
  if (allow) {
    const cols = allow.length === 0 ? 0 : allow[0].length;
    if (allow.length !== nq || cols !== nk) {
      throw new RangeError(
        `${what}: the allow-mask is ${allow.length}×${cols} but the scores are ${nq}×${nk}; they must match`,
      );
    }
    for (let i = 0; i < nq; i++) {
      const r = allow[i];
      if (r.length !== nk)
        throw new RangeError(`${what}: allow-mask row ${i} has length ${r.length}, expected ${nk}`);
      for (let j = 0; j < nk; j++) if (!r[j]) m[i * nk + j] = 0;
    }
  }
  if (keyAllow) {
    if (keyAllow.length !== nk) {
      throw new RangeError(
        `${what}: the key mask has length ${keyAllow.length} but there are ${nk} keys; they must match`,
      );
    }
    for (let j = 0; j < nk; j++) if (!keyAllow[j]) for (let i = 0; i < nq; i++) m[i * nk + j] = 0;
  }
  if (causal) for (let i = 0; i < nq; i++) for (let j = i + 1; j < nk; j++) m[i * nk + j] = 0;
  return m;
}

/**
 * Row-wise softmax over the allowed keys only; masked keys get weight exactly 0.
 *
 * $$A_{ij} = \frac{M_{ij}\, e^{(S_{ij} - m_i)/T}}{\sum_{k} M_{ik}\, e^{(S_{ik} - m_i)/T}},\quad m_i = \max_{k: M_{ik}} S_{ik}$$
 *
 * @example
 * Array.from(maskedSoftmaxRows([[0, 5, Math.log(3)]], Uint8Array.from([1, 0, 1])).row(0)).map((w) => +w.toFixed(4));
 * // returns [0.25, 0, 0.75]
 *
 * @see {@link combineAllow}, {@link softmaxRows}
 */
export function maskedSoftmaxRows(
  scores: MatrixLike,
  allow: Uint8Array | null = null,
  temperature = 1,
  what = "maskedSoftmaxRows",
): Matrix {
  const S = asMatrix(scores);
  const { rows: n, cols: m } = S;
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`${what}: temperature must be a positive finite number, got ${temperature}`);
  }
  if (allow && allow.length !== n * m) {
    throw new RangeError(`${what}: the mask holds ${allow.length} entries but the scores are ${shapeOf(S)}`);
  }
  const s = S.data;
  const W = new Matrix(n, m); // (n_q, n_k)
  const w = W.data;
  const invT = 1 / temperature;
  for (let i = 0; i < n; i++) {
    const o = i * m;
    // One pass finds the row maximum over allowed keys and rejects NaN/±∞ scores.
    let mx = -Infinity;
    for (let j = 0; j < m; j++) {
      const v = s[o + j];
      if (v - v !== 0)
        throw new RangeError(`${what}: scores: entry ${o + j} is ${v}; expected a finite number`);
      if (v > mx && (!allow || allow[o + j])) mx = v;
    }
    if (mx === -Infinity)
      throw new RangeError(
        `${what}: every key is masked for query ${i}; each row needs at least one allowed key`,
      );
    let sum = 0;
    if (allow) {
      for (let j = 0; j < m; j++) {
        if (!allow[o + j]) continue;
        const e = Math.exp((s[o + j] - mx) * invT);
        w[o + j] = e;
        sum += e;
      }
    } else {
      for (let j = 0; j < m; j++) {
        const e = Math.exp((s[o + j] - mx) * invT);
        w[o + j] = e;
        sum += e;
      }
    }
    const inv = 1 / sum;
    for (let j = 0; j < m; j++) w[o + j] *= inv;
  }
  return W;
}
