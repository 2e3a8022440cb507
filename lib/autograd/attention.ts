/**
 * Attention built from differentiable pieces: scaled dot-product attention, torch
 * `nn.MultiheadAttention`, and one additive (Bahdanau) attention step. Their gradients are the
 * composition of the pieces' backward rules.
 */
import { type AllowMask, type KeyAllow, combineAllow } from "../attention/mask";
import { tanh } from "./activation";
import { add, scale } from "./elementwise";
import { linear, matmul } from "./linalg";
import { concat, sliceCols, sliceRows } from "./shape";
import { softmax } from "./softmax";
import { Tensor, requireRow } from "./tensor";

/** Masks of an attention call, combined with AND; `true` (or 1) means allowed. */
export interface AttentionMasks {
  /** (n_q × n_k) pairwise allow-mask. */
  allow?: AllowMask | null;
  /** (n_k) key allow-mask (padding). */
  keyAllow?: KeyAllow | null;
  /** Mask key j for query i when j > i. */
  causal?: boolean;
}

/** Weights and output of an attention call. */
export interface AttentionResult {
  output: Tensor;
  /** (n_q × n_k) attention weights. */
  weights: Tensor;
}

/**
 * Masked scaled dot-product attention (Vaswani et al. 2017, eq. 1); masked keys get weight
 * exactly 0.
 *
 * $$W = \mathrm{softmax}\!\Big(\frac{QK^\top}{\sqrt{d_k}}\Big),\quad O = WV,\qquad \bar{S} = W \circ (\bar{W} - \mathrm{rowsum}(\bar{W} \circ W))$$
 *
 * Shapes: Q (n_q×d_k), K (n_k×d_k), V (n_k×d_v) → output (n_q×d_v), weights (n_q×n_k). `scale`
 * defaults to 1/√d_k. Throws a RangeError naming the shapes that do not fit.
 *
 * @example
 * const q = autograd.constant([[1, 0]]), k = autograd.constant([[1, 0], [0, 1]]);
 * autograd.scaledDotProductAttention(q, k, k, { keyAllow: [true, false] }).output.toArray();
 * // returns [[1, 0]]
 *
 * @see {@link multiheadAttention}
 */
export function scaledDotProductAttention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options: AttentionMasks & { scale?: number } = {},
): AttentionResult {
  if (k.rows !== v.rows) {
    throw new RangeError(
      `scaledDotProductAttention: K is ${k.rows}×${k.cols} but V is ${v.rows}×${v.cols}; one value per key`,
    );
  }
  const scores = scale(matmul(q, k, false, true), options.scale ?? 1 / Math.sqrt(q.cols)); // (n_q, n_k)
  const mask = combineAllow(q.rows, k.rows, options, "scaledDotProductAttention");
  const weights = softmax(scores, { mask }); // (n_q, n_k)
  return { output: matmul(weights, v), weights }; // (n_q, d_v)
}

/** Weights of {@link multiheadAttention}, in torch's Linear orientation and names. */
export interface MultiheadWeights {
  /** (3E × E) = [W_q; W_k; W_v], when kdim = vdim = E. */
  inProjWeight?: Tensor | null;
  /** (E × E), (E × kdim), (E × vdim): separate projections, when inProjWeight is absent. */
  qProjWeight?: Tensor | null;
  kProjWeight?: Tensor | null;
  vProjWeight?: Tensor | null;
  /** (1 × 3E) = [b_q; b_k; b_v], or null. */
  inProjBias?: Tensor | null;
  /** (E × E) */
  outProjWeight: Tensor;
  /** (1 × E) or null */
  outProjBias?: Tensor | null;
}

/** Output of {@link multiheadAttention}. */
export interface MultiheadResult {
  output: Tensor;
  /** One (n_q × n_k) weight matrix per head. */
  weightsPerHead: Tensor[];
}

/**
 * Multi-head attention as torch `nn.MultiheadAttention` (dropout 0, no bias_kv, no zero_attn):
 * project, split the columns into heads, attend per head, concatenate, project out.
 *
 * $$\mathrm{head}_h = \mathrm{softmax}\!\Big(\frac{Q_h K_h^\top}{\sqrt{d/H}}\Big) V_h,\qquad O = [\mathrm{head}_1, \dots, \mathrm{head}_H]\, W_o^\top + b_o$$
 *
 * Shapes: query (n_q×E), key (n_k×kdim), value (n_k×vdim) → output (n_q×E), H weight matrices
 * (n_q×n_k). Throws a RangeError when E is not divisible by numHeads or a weight is missing.
 *
 * @example
 * const E = 2, w = { inProjWeight: autograd.constant([[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]]), outProjWeight: autograd.constant([[1, 0], [0, 1]]) };
 * const x = autograd.constant([[1, 2]]);
 * autograd.multiheadAttention(x, x, x, w, 2).output.toArray();
 * // returns [[1, 2]]
 *
 * @see {@link scaledDotProductAttention}
 */
export function multiheadAttention(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  w: MultiheadWeights,
  numHeads: number,
  masks: AttentionMasks = {},
): MultiheadResult {
  const E = w.outProjWeight.rows;
  if (!Number.isInteger(numHeads) || numHeads < 1 || E % numHeads !== 0) {
    throw new RangeError(`multiheadAttention: embed size ${E} is not divisible by ${numHeads} heads`);
  }
  const hd = E / numHeads;
  const proj = (k: 0 | 1 | 2, separate: Tensor | null | undefined, name: string): Tensor => {
    const weight = w.inProjWeight ? sliceRows(w.inProjWeight, k * E, (k + 1) * E) : separate;
    if (!weight) throw new RangeError(`multiheadAttention: give inProjWeight or ${name}`);
    return weight;
  };
  if (w.inProjBias) requireRow("multiheadAttention", "inProjBias", w.inProjBias, 3 * E);
  const bias = (k: number): Tensor | null =>
    w.inProjBias ? sliceCols(w.inProjBias, k * E, (k + 1) * E) : null;
  const Q = linear(query, proj(0, w.qProjWeight, "qProjWeight"), bias(0)); // (n_q, E)
  const K = linear(key, proj(1, w.kProjWeight, "kProjWeight"), bias(1)); // (n_k, E)
  const V = linear(value, proj(2, w.vProjWeight, "vProjWeight"), bias(2)); // (n_k, E)
  const mask = combineAllow(query.rows, key.rows, masks, "multiheadAttention");
  const heads: Tensor[] = [];
  const weightsPerHead: Tensor[] = [];
  for (let h = 0; h < numHeads; h++) {
    const cols = (t: Tensor): Tensor => (numHeads === 1 ? t : sliceCols(t, h * hd, (h + 1) * hd));
    const scores = scale(matmul(cols(Q), cols(K), false, true), 1 / Math.sqrt(hd)); // (n_q, n_k)
    const weights = softmax(scores, { mask });
    weightsPerHead.push(weights);
    heads.push(matmul(weights, cols(V))); // (n_q, hd)
  }
  const joined = numHeads === 1 ? heads[0] : concat(heads, 1); // (n_q, E)
  return { output: linear(joined, w.outProjWeight, w.outProjBias ?? null), weightsPerHead };
}

/** Output of {@link additiveAttention}. */
export interface AdditiveResult {
  /** (1 × d_h) */
  context: Tensor;
  /** (1 × n), 0 at masked keys */
  weights: Tensor;
  /** (1 × n) energies e_j, masked ones included */
  scores: Tensor;
}

/**
 * One additive (Bahdanau et al. 2015, eq. 6 and appendix A.1.2) attention step, in the
 * mathematical orientation: W1 acts on the encoder states (keys), W2 on the decoder state.
 *
 * $$e_j = v^\top \tanh(W_1 h_j + W_2 s),\quad \alpha = \mathrm{softmax}(e),\quad c = \textstyle\sum_j \alpha_j h_j$$
 *
 * Shapes: H (n×d_h) encoder states as rows, s (1×d_s), W1 (d_a×d_h), W2 (d_a×d_s), v (1×d_a),
 * keyAllow (n) → context (1×d_h), weights and scores (1×n).
 *
 * @example
 * const H = autograd.constant([[1, 0], [0, 1]]), z = autograd.zeros(1, 2);
 * autograd.additiveAttention(H, z, autograd.zeros(1, 2), autograd.zeros(1, 2), autograd.constant([[1]])).context.toArray();
 * // returns [[0.5, 0.5]]
 *
 * @see {@link scaledDotProductAttention}
 */
export function additiveAttention(
  H: Tensor,
  s: Tensor,
  W1: Tensor,
  W2: Tensor,
  v: Tensor,
  keyAllow: KeyAllow | null = null,
): AdditiveResult {
  requireRow("additiveAttention", "s", s, W2.cols);
  requireRow("additiveAttention", "v", v, W1.rows);
  const keys = matmul(H, W1, false, true); // (n, d_a)
  const q = matmul(s, W2, false, true); // (1, d_a)
  const t = tanh(add(keys, q)); // (n, d_a)
  const scores = matmul(v, t, false, true); // (1, n)
  const mask = keyAllow ? combineAllow(1, H.rows, { keyAllow }, "additiveAttention") : null;
  const weights = softmax(scores, { mask }); // (1, n)
  return { context: matmul(weights, H), weights, scores }; // (1, d_h)
}
