import { Matrix, type MatrixLike, type VectorLike, asMatrix, assertFinite, shapeOf } from "../core/matrix";
import { softmax } from "../attention/softmax";

/** The weights of a K-hop end-to-end memory network; all embedding tables are (V × d). */
export interface MemN2NWeights {
  /** Memory (addressing) embeddings A¹…A^K. */
  A: readonly MatrixLike[];
  /** Output embeddings C¹…C^K. */
  C: readonly MatrixLike[];
  /** Query embedding B. */
  B: MatrixLike;
  /** Temporal encodings T_A^k, T_C^k: row i is added to memory slot i, (n_max × d). Optional. */
  TA?: readonly MatrixLike[];
  TC?: readonly MatrixLike[];
  /** Answer matrix W (V × d) and optional bias (V). */
  W: MatrixLike;
  bias?: VectorLike;
  /** Layer-wise tying's optional H (d × d): u^{k+1} = H u^k + o^k. Absent: u^{k+1} = u^k + o^k. */
  H?: MatrixLike;
}

/** Options of the forward pass. */
export interface MemN2NOptions {
  /** `"paper"` (Sukhbaatar et al.'s l_kj), `"bag"` (all ones: plain bag of words), or a (J × d) matrix. */
  positionEncoding: "paper" | "bag" | MatrixLike;
}

export const MEMN2N_DEFAULTS: MemN2NOptions = { positionEncoding: "paper" };

/** Every hop's intermediates plus the answer. Lists are per hop; `u` has K+1 entries (u¹…u^{K+1}). */
export interface MemN2NResult {
  m: Matrix[];
  c: Matrix[];
  p: Float64Array[];
  o: Float64Array[];
  u: Float64Array[];
  /** W u^{K+1} + b, (V). */
  logits: Float64Array;
  /** softmax(logits): the predicted answer distribution, (V). */
  probs: Float64Array;
}

/**
 * The paper's position encoding, weighting word j of J in embedding dimension k of d.
 *
 * $$l_{kj} = (1 - j/J) - (k/d)(1 - 2j/J),\quad j = 1..J,\ k = 1..d$$
 *
 * Returned as a (J × d) matrix: row j−1 is the weight vector of word j.
 *
 * @example
 * memn2nPositionEncoding(2, 2).toArray();
 * // returns [[0.5, 0.5], [0.5, 1]]
 *
 * @see {@link memn2nForward}
 */
export function memn2nPositionEncoding(J: number, d: number): Matrix {
  if (!(Number.isInteger(J) && J > 0 && Number.isInteger(d) && d > 0)) {
    throw new RangeError(`memn2nPositionEncoding: need J, d ≥ 1 integers, got J=${J}, d=${d}`);
  }
  return Matrix.fromFn(J, d, (j, k) => 1 - (j + 1) / J - ((k + 1) / d) * (1 - (2 * (j + 1)) / J)); // (J, d)
}

/**
 * Embed sentences of token ids as position-weighted sums of embedding rows, plus a temporal row.
 *
 * $$m_i = \sum_j l_j \circ E_{x_{ij}} + T_i$$
 *
 * @example
 * memn2nEmbed([[1, 0]], [[0, 0], [1, 2]], [[1, 1], [1, 1]]).toArray();
 * // returns [[1, 2]]
 *
 * @see {@link memn2nForward}
 */
export function memn2nEmbed(
  sentences: ReadonlyArray<ArrayLike<number>>,
  embedding: MatrixLike,
  pe: MatrixLike,
  temporal?: MatrixLike,
): Matrix {
  const E = asMatrix(embedding);
  const P = asMatrix(pe);
  const d = E.cols;
  if (P.cols !== d)
    throw new RangeError(`memn2nEmbed: position encoding is ${shapeOf(P)}, embedding is ${shapeOf(E)}`);
  const out = new Matrix(sentences.length, d); // (n, d)
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.length !== P.rows) {
      throw new RangeError(
        `memn2nEmbed: sentence ${i} has ${s.length} tokens, position encoding is ${shapeOf(P)}`,
      );
    }
    for (let j = 0; j < s.length; j++) {
      const id = s[j];
      if (!Number.isInteger(id) || id < 0 || id >= E.rows) {
        throw new RangeError(
          `memn2nEmbed: token id ${id} is outside the vocabulary of ${E.rows} (embedding ${shapeOf(E)})`,
        );
      }
      for (let k = 0; k < d; k++) out.data[i * d + k] += P.data[j * d + k] * E.data[id * d + k];
    }
  }
  if (temporal !== undefined) {
    const T = asMatrix(temporal);
    if (T.cols !== d || T.rows < sentences.length) {
      throw new RangeError(
        `memn2nEmbed: temporal table is ${shapeOf(T)}, need at least ${sentences.length}×${d}`,
      );
    }
    for (let t = 0; t < out.data.length; t++) out.data[t] += T.data[t];
  }
  assertFinite("memn2nEmbed", out);
  return out;
}

/**
 * End-to-end memory network forward pass (Sukhbaatar et al.) with K hops.
 *
 * $$p^k = \mathrm{softmax}(m^k u^k),\quad o^k = \sum_i p^k_i c^k_i,\quad u^{k+1} = u^k + o^k,\quad \hat a = \mathrm{softmax}(W u^{K+1})$$
 *
 * @example
 * const E = [[0, 0], [1, 0], [0, 1]];
 * const w = memn2nAdjacent([E, E]);
 * Array.from(memn2nForward([[1], [2]], [1], w, { positionEncoding: "bag" }).p[0]).map((v) => +v.toFixed(4));
 * // returns [0.7311, 0.2689]
 *
 * @see {@link memn2nAdjacent}, {@link memn2nLayerwise}, {@link memn2nPositionEncoding}, {@link bagOfWords}
 */
export function memn2nForward(
  story: ReadonlyArray<ArrayLike<number>>,
  query: ArrayLike<number>,
  weights: MemN2NWeights,
  options: Partial<MemN2NOptions> = {},
): MemN2NResult {
  const { positionEncoding } = { ...MEMN2N_DEFAULTS, ...options };
  const K = weights.A.length;
  if (K === 0 || weights.C.length !== K) {
    throw new RangeError(
      `memn2nForward: need K ≥ 1 hops with as many A as C tables, got ${K} and ${weights.C.length}`,
    );
  }
  if (story.length === 0) throw new RangeError("memn2nForward: empty story (no sentences)");
  const d = asMatrix(weights.B).cols;
  const pe = (J: number): MatrixLike =>
    positionEncoding === "paper"
      ? memn2nPositionEncoding(J, d)
      : positionEncoding === "bag"
        ? Matrix.fromFn(J, d, () => 1)
        : positionEncoding;
  const peStory = pe(story[0].length); // (J, d)
  const u: Float64Array[] = [memn2nEmbed([query], weights.B, pe(query.length)).data];
  const res: MemN2NResult = {
    m: [],
    c: [],
    p: [],
    o: [],
    u,
    logits: new Float64Array(0),
    probs: new Float64Array(0),
  };
  const H = weights.H === undefined ? undefined : asMatrix(weights.H);
  if (H && (H.rows !== d || H.cols !== d))
    throw new RangeError(`memn2nForward: H is ${shapeOf(H)}, expected ${d}×${d}`);
  for (let k = 0; k < K; k++) {
    const m = memn2nEmbed(story, weights.A[k], peStory, weights.TA?.[k]); // (n, d)
    const c = memn2nEmbed(story, weights.C[k], peStory, weights.TC?.[k]); // (n, d)
    if (m.cols !== d || c.cols !== d)
      throw new RangeError(`memn2nForward: hop ${k + 1}: A is ${shapeOf(m)}, C is ${shapeOf(c)}, u has ${d}`);
    const uk = u[k];
    const scores = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) for (let t = 0; t < d; t++) scores[i] += m.data[i * d + t] * uk[t];
    const p = softmax(scores);
    const o = new Float64Array(d);
    for (let i = 0; i < c.rows; i++) for (let t = 0; t < d; t++) o[t] += p[i] * c.data[i * d + t];
    const next = H ? memn2nAnswer(H, uk) : uk.slice();
    for (let t = 0; t < d; t++) next[t] += o[t];
    res.m.push(m);
    res.c.push(c);
    res.p.push(p);
    res.o.push(o);
    u.push(next);
  }
  res.logits = memn2nAnswer(weights.W, u[K], weights.bias);
  res.probs = softmax(res.logits);
  return res;
}

/**
 * The answer layer: a linear map of the final controller state to vocabulary logits.
 *
 * $$z = W v + b$$
 *
 * @example
 * Array.from(memn2nAnswer([[1, 0], [0, 2]], [3, 4], [1, 1]));
 * // returns [4, 9]
 *
 * @see {@link memn2nForward}
 */
export function memn2nAnswer(W: MatrixLike, v: VectorLike, bias?: VectorLike): Float64Array {
  const M = asMatrix(W);
  if (M.cols !== v.length) throw new RangeError(`memn2nAnswer: W is ${shapeOf(M)}, vector has ${v.length}`);
  if (bias && bias.length !== M.rows)
    throw new RangeError(`memn2nAnswer: W is ${shapeOf(M)}, bias has ${bias.length}`);
  const z = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) {
    let s = bias ? bias[i] : 0;
    for (let t = 0; t < M.cols; t++) s += M.data[i * M.cols + t] * v[t];
    z[i] = s;
  }
  return z;
}
