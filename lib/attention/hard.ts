import { Matrix, type MatrixLike, shapeOf } from "../core/matrix";
import type { Rng } from "../core/random";
import { type ScoreKind, type ScoreParams, scoreMatrix } from "../scores/index";
import { type MaskOptions, combineAllow, maskedSoftmaxRows } from "./mask";
import { requireSequence } from "../core/validate";

/** Options of {@link hardAttention}. */
export interface HardAttentionOptions extends MaskOptions {
  /** Similarity function; default "dot". */
  score?: ScoreKind;
  scoreParams?: ScoreParams;
}

/** What hard attention returns. */
export interface HardAttentionResult {
  /** (n_q, n_k) scores. */
  scores: Matrix;
  /** (n_q) the chosen key of each query. */
  index: Int32Array;
  /** (n_q, n_k) one-hot rows. */
  weights: Matrix;
  /** (n_q, d_v) the chosen value rows. */
  output: Matrix;
}

/**
 * Hard attention: each query takes the value of its best-scoring allowed key (ties → lowest index).
 *
 * $$j^*_i = \min \arg\max_j S_{ij},\qquad o_i = v_{j^*_i}$$
 *
 * @example
 * Array.from(hardAttention([[1, 0]], [[0, 1], [2, 0], [2, 0]], [[1], [2], [3]]).index);
 * // returns [1]
 *
 * @see {@link sampleHard}, {@link gumbelSoftmax}, {@link attention}
 */
export function hardAttention(
  Q: MatrixLike,
  K: MatrixLike,
  V: MatrixLike | null = null,
  options: HardAttentionOptions = {},
): HardAttentionResult {
  const what = "hardAttention";
  const k = requireSequence(what, "K", K);
  const v = V === null ? k : requireSequence(what, "V", V);
  if (k.rows !== v.rows) {
    throw new RangeError(
      `${what}: K is ${shapeOf(k)} but V is ${shapeOf(v)}; their row counts (n_k) must match`,
    );
  }
  const scores = scoreMatrix(options.score ?? "dot", Q, k, options.scoreParams); // (n_q, n_k)
  const { rows: nq, cols: nk } = scores;
  const allow = combineAllow(nq, nk, options, what);
  const index = new Int32Array(nq);
  for (let i = 0; i < nq; i++) {
    let best = -1;
    let bestS = -Infinity;
    for (let j = 0; j < nk; j++) {
      if (allow && !allow[i * nk + j]) continue;
      const s = scores.data[i * nk + j];
      if (best < 0 || s > bestS) {
        best = j;
        bestS = s;
      }
    }
    if (best < 0)
      throw new RangeError(
        `${what}: every key is masked for query ${i}; each row needs at least one allowed key`,
      );
    index[i] = best;
  }
  return { scores, index, ...pick(index, nk, v) };
}

/**
 * Stochastic hard attention: sample one key per query from its attention weights (seeded).
 *
 * $$j_i \sim \mathrm{Categorical}(\alpha_{i,:})$$
 *
 * @example
 * Array.from(sampleHard([[0, 1, 0]], rng(1)).index);
 * // returns [1]
 *
 * @see {@link hardAttention}, {@link gumbelSoftmax}
 */
export function sampleHard(
  weights: MatrixLike,
  random: Rng,
  V: MatrixLike | null = null,
): Omit<HardAttentionResult, "scores"> {
  const what = "sampleHard";
  const W = requireSequence(what, "weights", weights);
  const { rows: nq, cols: nk } = W;
  const index = new Int32Array(nq);
  for (let i = 0; i < nq; i++) {
    let total = 0;
    for (let j = 0; j < nk; j++) {
      const w = W.data[i * nk + j];
      if (w < 0) throw new RangeError(`${what}: weight [${i}][${j}] is ${w}; weights must be non-negative`);
      total += w;
    }
    if (total === 0) throw new RangeError(`${what}: row ${i} has zero total weight`);
    const u = random.uniform() * total;
    let acc = 0;
    let chosen = -1;
    for (let j = 0; j < nk; j++) {
      const w = W.data[i * nk + j];
      if (w === 0) continue;
      chosen = j;
      acc += w;
      if (u < acc) break;
    }
    index[i] = chosen;
  }
  const v = V === null ? null : requireSequence(what, "V", V);
  if (v && v.rows !== nk)
    throw new RangeError(`${what}: weights are ${shapeOf(W)} but V is ${shapeOf(v)}; n_k must match`);
  return { index, ...pick(index, nk, v) };
}

/**
 * Gumbel-softmax: a differentiable, seeded sample that approaches one-hot as the temperature falls.
 *
 * $$y_{ij} = \frac{\exp((S_{ij} + g_{ij})/\tau)}{\sum_l \exp((S_{il} + g_{il})/\tau)},\quad g = -\log(-\log u),\ u \sim U(0,1)$$
 *
 * @example
 * gumbelSoftmax([[0, 0, 100]], 1, rng(1)).toArray()[0].map((x) => +x.toFixed(4));
 * // returns [0, 0, 1]
 *
 * @see {@link sampleHard}, {@link softmax}
 */
export function gumbelSoftmax(scores: MatrixLike, temperature: number, random: Rng): Matrix {
  const S = requireSequence("gumbelSoftmax", "scores", scores);
  const G = new Matrix(S.rows, S.cols); // (n_q, n_k)
  for (let i = 0; i < S.data.length; i++) {
    let u = random.uniform();
    while (u === 0) u = random.uniform();
    G.data[i] = S.data[i] - Math.log(-Math.log(u));
  }
  return maskedSoftmaxRows(G, null, temperature, "gumbelSoftmax");
}

/** One-hot weights for the chosen keys, and the chosen value rows (V = null: the one-hot rows). */
function pick(index: Int32Array, nk: number, v: Matrix | null): { weights: Matrix; output: Matrix } {
  const nq = index.length;
  const weights = new Matrix(nq, nk); // (n_q, n_k)
  for (let i = 0; i < nq; i++) weights.data[i * nk + index[i]] = 1;
  if (!v) return { weights, output: weights.clone() };
  const dv = v.cols;
  const output = new Matrix(nq, dv); // (n_q, d_v)
  for (let i = 0; i < nq; i++) output.data.set(v.row(index[i]), i * dv);
  return { weights, output };
}
