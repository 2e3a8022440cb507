import { Matrix, type MatrixLike, type VectorLike, matmul, shapeOf } from "../core/matrix";
import { linear } from "../core/linear";
import { type MaskOptions, combineAllow, maskedSoftmaxRows } from "./mask";
import { requireSequence } from "../core/validate";

/**
 * Weights of a multi-head attention block, in torch `nn.MultiheadAttention` layout.
 * Give either the packed `inProjWeight` (3E, E) = [W_q; W_k; W_v], or the three separate ones.
 */
export interface MultiHeadParams {
  inProjWeight?: MatrixLike;
  /** (E, E) */
  qProjWeight?: MatrixLike;
  /** (E, kdim) */
  kProjWeight?: MatrixLike;
  /** (E, vdim) */
  vProjWeight?: MatrixLike;
  /** (3E) = [b_q; b_k; b_v]; absent means no bias. */
  inProjBias?: VectorLike | null;
  /** (E, E) */
  outProjWeight: MatrixLike;
  /** (E); absent means no bias. */
  outProjBias?: VectorLike | null;
}

/** Options of {@link multiHeadAttention}: the head count and masks (`allow` is torch's attn_mask, inverted). */
export interface MultiHeadOptions extends MaskOptions {
  numHeads: number;
}

/** Every stage of multi-head attention. */
export interface MultiHeadResult {
  /** (n_q, E), (n_k, E), (n_k, E) projected queries, keys, values. */
  Q: Matrix;
  K: Matrix;
  V: Matrix;
  /** H × (n_q, n_k) attention weights of each head. */
  weightsPerHead: Matrix[];
  /** (n_q, n_k) mean of the heads' weights. */
  weightsAvg: Matrix;
  /** H × (n_q, E/H) each head's output. */
  headOutputs: Matrix[];
  /** (n_q, E) the heads side by side. */
  concat: Matrix;
  /** (n_q, E) after the output projection. */
  output: Matrix;
}

/**
 * Multi-head attention with torch `nn.MultiheadAttention` semantics (no dropout, no bias_kv).
 *
 * $$\mathrm{head}_h = \mathrm{softmax}\!\left(\frac{Q_h K_h^\top}{\sqrt{E/H}}\right) V_h,\qquad \mathrm{out} = [\mathrm{head}_1 \cdots \mathrm{head}_H]\, W_o^\top + b_o$$
 *
 * @example
 * const I = [[1, 0], [0, 1]];
 * const p = { qProjWeight: I, kProjWeight: I, vProjWeight: I, outProjWeight: I };
 * multiHeadAttention([[1, 2]], [[3, 4]], [[5, 6]], p, { numHeads: 2 }).output.toArray();
 * // returns [[5, 6]]
 *
 * @see {@link scaledDotProduct}, {@link multiHeadParamCount}, {@link encoderLayer}
 */
export function multiHeadAttention(
  query: MatrixLike,
  key: MatrixLike,
  value: MatrixLike,
  params: MultiHeadParams,
  options: MultiHeadOptions,
): MultiHeadResult {
  const what = "multiHeadAttention";
  const q = requireSequence(what, "query", query);
  const k = requireSequence(what, "key", key);
  const v = requireSequence(what, "value", value);
  if (k.rows !== v.rows)
    throw new RangeError(`${what}: key is ${shapeOf(k)} but value is ${shapeOf(v)}; n_k must match`);
  const E = q.cols;
  const H = options.numHeads;
  if (!Number.isInteger(H) || H < 1 || E % H !== 0) {
    throw new RangeError(`${what}: embed dim ${E} must be divisible by numHeads ${H}`);
  }
  const [Wq, Wk, Wv] = projections(what, params, E);
  const b = params.inProjBias ? Float64Array.from(params.inProjBias) : null;
  if (b && b.length !== 3 * E)
    throw new RangeError(`${what}: inProjBias has length ${b.length}, expected 3E = ${3 * E}`);
  const Q = linear(q, Wq, b && b.slice(0, E), `${what} (W_q)`); // (n_q, E)
  const K = linear(k, Wk, b && b.slice(E, 2 * E), `${what} (W_k)`); // (n_k, E)
  const V = linear(v, Wv, b && b.slice(2 * E), `${what} (W_v)`); // (n_k, E)
  const nq = q.rows;
  const nk = k.rows;
  const hd = E / H;
  const scale = 1 / Math.sqrt(hd);
  const allow = combineAllow(nq, nk, options, what);
  const weightsPerHead: Matrix[] = [];
  const headOutputs: Matrix[] = [];
  const concat = new Matrix(nq, E); // (n_q, E)
  const weightsAvg = new Matrix(nq, nk); // (n_q, n_k)
  for (let h = 0; h < H; h++) {
    const off = h * hd;
    const Qh = columns(Q, off, hd); // (n_q, hd)
    const Kh = columns(K, off, hd); // (n_k, hd)
    const Vh = columns(V, off, hd); // (n_k, hd)
    const S = matmul(Qh, Kh, true); // (n_q, n_k)
    const sd = S.data;
    for (let x = 0; x < sd.length; x++) sd[x] *= scale;
    const A = maskedSoftmaxRows(S, allow, 1, `${what} (head ${h})`); // (n_q, n_k)
    const O = matmul(A, Vh); // (n_q, hd)
    for (let i = 0; i < nq; i++) concat.data.set(O.row(i), i * E + off);
    const ad = A.data;
    const wa = weightsAvg.data;
    for (let x = 0; x < ad.length; x++) wa[x] += ad[x];
    weightsPerHead.push(A);
    headOutputs.push(O);
  }
  for (let x = 0; x < weightsAvg.data.length; x++) weightsAvg.data[x] /= H;
  const output = linear(concat, params.outProjWeight, params.outProjBias ?? null, `${what} (W_o)`); // (n_q, E)
  return { Q, K, V, weightsPerHead, weightsAvg, headOutputs, concat, output };
}

/** Columns `off … off + width − 1` of M as a contiguous matrix: one head's slice. */
function columns(M: Matrix, off: number, width: number): Matrix {
  const out = new Matrix(M.rows, width); // (rows, width)
  for (let i = 0; i < M.rows; i++)
    out.data.set(M.data.subarray(i * M.cols + off, i * M.cols + off + width), i * width);
  return out;
}

function projections(what: string, p: MultiHeadParams, E: number): [Matrix, Matrix, Matrix] {
  if (p.inProjWeight) {
    const W = requireSequence(what, "inProjWeight", p.inProjWeight);
    if (W.rows !== 3 * E || W.cols !== E)
      throw new RangeError(`${what}: inProjWeight is ${shapeOf(W)} but must be ${3 * E}×${E}`);
    const part = (i: number) => new Matrix(E, E, W.data.slice(i * E * E, (i + 1) * E * E)); // (E, E)
    return [part(0), part(1), part(2)];
  }
  if (!p.qProjWeight || !p.kProjWeight || !p.vProjWeight) {
    throw new RangeError(`${what}: give either inProjWeight or all of qProjWeight, kProjWeight, vProjWeight`);
  }
  const check = (name: string, w: MatrixLike): Matrix => {
    const W = requireSequence(what, name, w);
    if (W.rows !== E) throw new RangeError(`${what}: ${name} is ${shapeOf(W)} but must have E = ${E} rows`);
    return W;
  };
  return [
    check("qProjWeight", p.qProjWeight),
    check("kProjWeight", p.kProjWeight),
    check("vProjWeight", p.vProjWeight),
  ];
}

/**
 * The number of trainable parameters of a multi-head attention block (torch layout).
 *
 * $$E^2 + E\,k_{dim} + E\,v_{dim} + E^2 + [\text{bias}]\,4E$$
 *
 * @example
 * multiHeadParamCount(512, 8);
 * // returns 1050624
 *
 * @see {@link multiHeadAttention}
 */
export function multiHeadParamCount(
  dModel: number,
  heads: number,
  options: { kdim?: number; vdim?: number; bias?: boolean } = {},
): number {
  const { kdim = dModel, vdim = dModel, bias = true } = options;
  if (
    !Number.isInteger(dModel) ||
    dModel < 1 ||
    !Number.isInteger(heads) ||
    heads < 1 ||
    dModel % heads !== 0
  ) {
    throw new RangeError(
      `multiHeadParamCount: dModel ${dModel} must be a positive multiple of heads ${heads}`,
    );
  }
  return dModel * dModel + dModel * kdim + dModel * vdim + dModel * dModel + (bias ? 4 * dModel : 0);
}
