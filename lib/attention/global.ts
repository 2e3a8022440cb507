import { Matrix, type MatrixLike, type VectorLike, matmul, shapeOf } from "../core/matrix";
import { tanhMix } from "../scores/kernel";
import { linear } from "../core/linear";
import { allowVector, combineAllow, maskedSoftmaxRows } from "./mask";
import { requireSequence } from "../core/validate";

/** Weights of {@link globalAttention}, in torch `nn.Linear` orientation (out, in), named as in OpenNMT. */
export interface GlobalAttentionParams {
  /** general: (dim, dim), no bias. */
  linearIn?: MatrixLike;
  /** mlp: (dim, dim) applied to the query, with `linearQueryBias`. */
  linearQuery?: MatrixLike;
  linearQueryBias?: VectorLike;
  /** mlp: (dim, dim) applied to the memory bank, no bias. */
  linearContext?: MatrixLike;
  /** mlp: (dim) the scoring vector v. */
  v?: VectorLike;
  /** (dim, 2·dim), applied to [c; q]. */
  linearOut: MatrixLike;
  linearOutBias?: VectorLike;
}

/** Options of {@link globalAttention}. */
export interface GlobalAttentionOptions {
  /** Score: "dot", "general" or "mlp"; default "general". */
  attnType?: "dot" | "general" | "mlp";
  /** (n_s) key allow-mask. */
  keyAllow?: ArrayLike<boolean | number> | null;
  /** Source length: positions ≥ srcLength are masked (OpenNMT's `memory_lengths`). */
  srcLength?: number | null;
  /** Apply tanh to attn_h (Luong's h̃_t). Default true, as in the paper. */
  outputTanh?: boolean;
}

const DEFAULTS = { attnType: "general", outputTanh: true } as const;

/** Global attention's stages. */
export interface GlobalAttentionResult {
  /** (n_t, n_s) */
  scores: Matrix;
  /** (n_t, n_s) align vectors a_t. */
  align: Matrix;
  /** (n_t, dim) context vectors c_t. */
  context: Matrix;
  /** (n_t, dim) attentional hidden states h̃_t. */
  attnH: Matrix;
}

/**
 * Luong's global attention (OpenNMT `GlobalAttention`): align over the whole source, then combine.
 *
 * $$a_t = \mathrm{softmax}(\mathrm{score}(h_t, \bar H)),\quad c_t = a_t \bar H,\quad \tilde h_t = \tanh(W_c [c_t; h_t])$$
 *
 * @example
 * const r = globalAttention([[1, 0]], [[0, 1]], { linearOut: [[1, 0, 0, 0], [0, 1, 0, 0]] }, { attnType: "dot" });
 * r.attnH.toArray()[0].map((x) => +x.toFixed(4));
 * // returns [0, 0.7616]
 *
 * @see {@link localAttention}, {@link scoreMatrix}
 */
export function globalAttention(
  query: MatrixLike,
  memoryBank: MatrixLike,
  params: GlobalAttentionParams,
  options: GlobalAttentionOptions = {},
): GlobalAttentionResult {
  const what = "globalAttention";
  const o = { ...DEFAULTS, ...options };
  const q = requireSequence(what, "query", query);
  const H = requireSequence(what, "memoryBank", memoryBank);
  if (q.cols !== H.cols) {
    throw new RangeError(
      `${what}: query is ${shapeOf(q)} but memoryBank is ${shapeOf(H)}; their dims must match`,
    );
  }
  const need = <T>(name: string, x: T | undefined): T => {
    if (x === undefined) throw new RangeError(`${what}: attnType "${o.attnType}" needs params.${name}`);
    return x;
  };
  let scores: Matrix;
  if (o.attnType === "dot") {
    scores = matmul(q, H, true); // (n_t, n_s)
  } else if (o.attnType === "general") {
    scores = matmul(linear(q, need("linearIn", params.linearIn), null, what), H, true); // (n_t, n_s)
  } else if (o.attnType === "mlp") {
    const Qp = linear(q, need("linearQuery", params.linearQuery), params.linearQueryBias ?? null, what); // (n_t, dim)
    const Hp = linear(H, need("linearContext", params.linearContext), null, what); // (n_s, dim)
    scores = tanhMix(Qp, Hp, need("v", params.v)); // (n_t, n_s)
  } else {
    throw new RangeError(`${what}: unknown attnType "${String(o.attnType)}"; expected dot, general or mlp`);
  }
  let keyAllow = o.keyAllow ?? null;
  if (o.srcLength !== undefined && o.srcLength !== null) {
    const len = o.srcLength;
    const given = keyAllow ? allowVector(what, "key mask", keyAllow) : null;
    keyAllow = Array.from({ length: H.rows }, (_, j) => j < len && (!given || given[j] === 1));
  }
  const allow = combineAllow(q.rows, H.rows, { keyAllow }, what);
  const align = maskedSoftmaxRows(scores, allow, 1, what); // (n_t, n_s)
  const context = matmul(align, H); // (n_t, dim)
  const dim = q.cols;
  const cq = new Matrix(q.rows, 2 * dim); // (n_t, 2·dim): [c ; q], context first
  for (let t = 0; t < q.rows; t++) {
    cq.data.set(context.row(t), t * 2 * dim);
    cq.data.set(q.row(t), t * 2 * dim + dim);
  }
  const attnH = linear(cq, params.linearOut, params.linearOutBias ?? null, what); // (n_t, dim)
  if (o.outputTanh) for (let i = 0; i < attnH.data.length; i++) attnH.data[i] = Math.tanh(attnH.data[i]);
  return { scores, align, context, attnH };
}
