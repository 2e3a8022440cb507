import type { MatrixLike, VectorLike } from "../core/matrix";
import type { MemN2NWeights } from "./memn2n";

/**
 * Adjacent weight tying: K+1 tables E⁰…E^K with A^{k+1} = C^k, B = A¹ and W = C^K (transposed use).
 *
 * $$A^1 = B = E^0,\quad C^k = A^{k+1} = E^k,\quad W = E^K$$
 *
 * @example
 * memn2nAdjacent([[[1]], [[2]], [[3]]]).C.length;
 * // returns 2
 *
 * @see {@link memn2nForward}, {@link memn2nLayerwise}
 */
export function memn2nAdjacent(
  embeddings: readonly MatrixLike[],
  temporal?: readonly MatrixLike[],
): MemN2NWeights {
  const K = embeddings.length - 1;
  if (K < 1) throw new RangeError(`memn2nAdjacent: need K+1 ≥ 2 tables, got ${embeddings.length}`);
  if (temporal && temporal.length !== K + 1) {
    throw new RangeError(
      `memn2nAdjacent: ${embeddings.length} embedding tables but ${temporal.length} temporal tables`,
    );
  }
  return {
    A: embeddings.slice(0, K),
    C: embeddings.slice(1),
    B: embeddings[0],
    TA: temporal?.slice(0, K),
    TC: temporal?.slice(1),
    W: embeddings[K],
  };
}

/**
 * Layer-wise (RNN-like) tying: one A and one C shared by all K hops, a separate B and answer W.
 *
 * $$A^1 = \dots = A^K = A,\quad C^1 = \dots = C^K = C,\quad u^{k+1} = H u^k + o^k\ (H\ \text{optional})$$
 *
 * @example
 * memn2nLayerwise({ A: [[1]], C: [[1]], B: [[1]], W: [[1]], hops: 3 }).A.length;
 * // returns 3
 *
 * @see {@link memn2nForward}, {@link memn2nAdjacent}
 */
export function memn2nLayerwise(w: {
  A: MatrixLike;
  C: MatrixLike;
  B: MatrixLike;
  W: MatrixLike;
  hops: number;
  TA?: MatrixLike;
  TC?: MatrixLike;
  bias?: VectorLike;
  H?: MatrixLike;
}): MemN2NWeights {
  if (!(Number.isInteger(w.hops) && w.hops >= 1))
    throw new RangeError(`memn2nLayerwise: hops must be ≥ 1, got ${w.hops}`);
  const rep = <T>(x: T): T[] => Array.from({ length: w.hops }, () => x);
  return {
    A: rep(w.A),
    C: rep(w.C),
    B: w.B,
    TA: w.TA === undefined ? undefined : rep(w.TA),
    TC: w.TC === undefined ? undefined : rep(w.TC),
    W: w.W,
    bias: w.bias,
    H: w.H,
  };
}
