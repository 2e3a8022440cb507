import { Matrix, type MatrixLike, asMatrix, shapeOf } from "../core/matrix";

/**
 * An allow-mask over (query, key) pairs: `true` (or 1) means the query may attend to the key,
 * `false` (or 0) that it may not. Any other entry (0.5, NaN, a PyTorch-style additive −1e9) is
 * rejected with a RangeError: this is a boolean mask, not PyTorch's float `attn_mask`.
 */
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
      for (let j = 0; j < nk; j++)
        if (!maskEntry(what, "allow-mask", r[j], `(${i}, ${j})`)) m[i * nk + j] = 0;
    }
  }
  if (keyAllow) {
    if (keyAllow.length !== nk) {
      throw new RangeError(
        `${what}: the key mask has length ${keyAllow.length} but there are ${nk} keys; they must match`,
      );
    }
    for (let j = 0; j < nk; j++)
      if (!maskEntry(what, "key mask", keyAllow[j], `${j}`)) for (let i = 0; i < nq; i++) m[i * nk + j] = 0;
  }
  if (causal) for (let i = 0; i < nq; i++) for (let j = i + 1; j < nk; j++) m[i * nk + j] = 0;
  return m;
}

/**
 * A key allow-mask as 0/1 bytes, after checking that every entry is a boolean or 0/1.
 *
 * $$a_j \in \{\text{true}, \text{false}, 1, 0\} \mapsto \{1, 0\}$$
 *
 * @example
 * Array.from(allowVector("demo", "mask", [true, 0, 1]));
 * // returns [1, 0, 1]
 *
 * @see {@link combineAllow}
 */
export function allowVector(what: string, name: string, mask: KeyAllow): Uint8Array {
  return Uint8Array.from({ length: mask.length }, (_, j) => (maskEntry(what, name, mask[j], `${j}`) ? 1 : 0));
}

/** One mask entry as allowed (true) or blocked (false); anything but a boolean or 0/1 throws. */
function maskEntry(what: string, name: string, v: boolean | number, at: string): boolean {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  throw new RangeError(
    `${what}: ${name} entry ${at} is ${String(v)}; a mask holds true/false or 1/0 (1 = may attend). ` +
      "For an additive float mask (PyTorch's attn_mask), add it to the scores instead.",
  );
}

/**
 * Row-wise softmax over the allowed keys only; masked keys get weight exactly 0. The scores may
 * carry a factor `scale` (c below), applied after the shift by the row maximum, so no parameter
 * overflows: a tiny temperature or a huge scale gives the one-hot limit, never NaN.
 *
 * $$A_{ij} = \frac{M_{ij}\, e^{c\,(S_{ij} - m_i)/T}}{\sum_{k} M_{ik}\, e^{c\,(S_{ik} - m_i)/T}},\quad m_i = \max_{k: M_{ik}} c\,S_{ik} \,/\, c$$
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
  scale = 1,
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
  if (!Number.isFinite(scale)) throw new RangeError(`${what}: scale must be finite, got ${scale}`);
  // The row's largest scaled score is at its largest raw score (smallest when the scale is < 0).
  const dir = scale < 0 ? -1 : 1;
  // (S − m)·c / T: the shifted score is ≤ 0 after the factor, so it can only underflow, to −∞.
  const z = scale === 0 ? () => 0 : (v: number, mx: number) => ((v - mx) * scale) / temperature;
  for (let i = 0; i < n; i++) {
    const o = i * m;
    // One pass finds the row maximum over allowed keys and rejects NaN/±∞ scores.
    let mx = -dir * Infinity;
    for (let j = 0; j < m; j++) {
      const v = s[o + j];
      if (v - v !== 0)
        throw new RangeError(`${what}: scores: entry ${o + j} is ${v}; expected a finite number`);
      if (dir * v > dir * mx && (!allow || allow[o + j])) mx = v;
    }
    if (mx === -dir * Infinity)
      throw new RangeError(
        `${what}: every key is masked for query ${i}; each row needs at least one allowed key`,
      );
    let sum = 0;
    if (allow) {
      for (let j = 0; j < m; j++) {
        if (!allow[o + j]) continue;
        const e = Math.exp(z(s[o + j], mx));
        w[o + j] = e;
        sum += e;
      }
    } else {
      for (let j = 0; j < m; j++) {
        const e = Math.exp(z(s[o + j], mx));
        w[o + j] = e;
        sum += e;
      }
    }
    const inv = 1 / sum;
    for (let j = 0; j < m; j++) w[o + j] *= inv;
  }
  return W;
}
