import type { Matrix, MatrixLike, VectorLike } from "../core/matrix";
import { additiveScoreMatrix } from "./additive";
import { concatScoreMatrix } from "./concat";
import { concatLinearScoreMatrix } from "./concatLinear";
import { cosineScoreMatrix } from "./cosine";
import { dotScoreMatrix } from "./dot";
import { generalScoreMatrix } from "./general";
import { scaledDotScoreMatrix } from "./scaledDot";

export * from "./additive";
export * from "./concat";
export * from "./concatLinear";
export * from "./cosine";
export * from "./dot";
export * from "./general";
export * from "./scaledDot";

/** The score functions a widget can pick from. */
export type ScoreKind = "dot" | "scaled_dot" | "general" | "additive" | "concat" | "concat_linear" | "cosine";

/** Every score function's weights; each kind reads only the ones it needs. */
export interface ScoreParams {
  /** general: (d_q, d_k); concat: (d_a, d_q + d_k). */
  W?: MatrixLike;
  /** additive: (d_a, d_k). */
  W1?: MatrixLike;
  /** additive: (d_a, d_q). */
  W2?: MatrixLike;
  /** additive / concat: (d_a). */
  v?: VectorLike;
  /** concat_linear: (d_q + d_k). */
  w?: VectorLike;
  /** scaled_dot: overrides 1/√d_k. */
  scale?: number;
}

/** Every score kind, in the order the chapter introduces them. */
export const SCORE_KINDS: readonly ScoreKind[] = [
  "dot",
  "scaled_dot",
  "general",
  "additive",
  "concat",
  "concat_linear",
  "cosine",
];

/**
 * Score every query against every key with the chosen score function: S[i][j] = score(q_i, k_j).
 *
 * $$S \in \mathbb{R}^{n_q \times n_k},\quad S_{ij} = \mathrm{score}(q_i, k_j)$$
 *
 * @example
 * scoreMatrix("scaled_dot", [[1, 1, 1, 1]], [[1, 0, 0, 0], [1, 1, 1, 1]]).toArray();
 * // returns [[0.5, 2]]
 *
 * @see {@link dotScoreMatrix}, {@link additiveScoreMatrix}, {@link attention}
 */
export function scoreMatrix(kind: ScoreKind, Q: MatrixLike, K: MatrixLike, params: ScoreParams = {}): Matrix {
  const need = <T>(name: keyof ScoreParams, x: T | undefined): T => {
    if (x === undefined) throw new RangeError(`scoreMatrix: the "${kind}" score needs params.${name}`);
    return x;
  };
  switch (kind) {
    case "dot":
      return dotScoreMatrix(Q, K);
    case "scaled_dot":
      return scaledDotScoreMatrix(Q, K, params.scale);
    case "general":
      return generalScoreMatrix(Q, K, need("W", params.W));
    case "additive":
      return additiveScoreMatrix(Q, K, {
        W1: need("W1", params.W1),
        W2: need("W2", params.W2),
        v: need("v", params.v),
      });
    case "concat":
      return concatScoreMatrix(Q, K, { W: need("W", params.W), v: need("v", params.v) });
    case "concat_linear":
      return concatLinearScoreMatrix(Q, K, need("w", params.w));
    case "cosine":
      return cosineScoreMatrix(Q, K);
    default:
      throw new RangeError(
        `scoreMatrix: unknown score kind "${String(kind)}"; expected one of ${SCORE_KINDS.join(", ")}`,
      );
  }
}
