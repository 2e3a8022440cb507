import { Matrix, type MatrixLike, type VectorLike } from "../core/matrix";
import { type AttentionPoolOptions, type AttentionPoolResult, attentionPool } from "./pooling";

/** Options of {@link hierarchicalAttention}: the projections of the word and sentence levels. */
export interface HierarchicalOptions {
  word?: AttentionPoolOptions;
  sentence?: AttentionPoolOptions;
}

/** What {@link hierarchicalAttention} returns. */
export interface HierarchicalResult {
  /** One attention pooling per sentence, over its words. */
  words: AttentionPoolResult[];
  /** (m, d) the sentence vectors s_i. */
  sentences: Matrix;
  /** Attention pooling over the sentence vectors. */
  sentence: AttentionPoolResult;
  /** (d) the document vector. */
  document: Float64Array;
}

/**
 * Two-level (hierarchical) attention: words pool into sentence vectors, sentences into a document vector.
 *
 * $$s_i = \sum_t \alpha_{it} h_{it},\ \ \alpha_{i} = \mathrm{softmax}_t(u_{it}^\top u_w);\qquad v = \sum_i \beta_i s_i,\ \ \beta = \mathrm{softmax}_i(u_i^\top u_s)$$
 *
 * @example
 * Array.from(hierarchicalAttention([[[1, 0]], [[0, 1]]], [0, 0], [0, 0]).document);
 * // returns [0.5, 0.5]
 *
 * @see {@link attentionPool}
 */
export function hierarchicalAttention(
  sentences: readonly MatrixLike[],
  uWord: VectorLike,
  uSentence: VectorLike,
  options: HierarchicalOptions = {},
): HierarchicalResult {
  if (sentences.length === 0) throw new RangeError("hierarchicalAttention: the document has no sentences");
  const words = sentences.map((H, i) => {
    try {
      return attentionPool(H, uWord, options.word);
    } catch (err) {
      throw new RangeError(`hierarchicalAttention: sentence ${i}: ${(err as Error).message}`);
    }
  });
  const d = words[0].pooled.length;
  words.forEach((w, i) => {
    if (w.pooled.length !== d) {
      throw new RangeError(
        `hierarchicalAttention: sentence ${i} has vectors of size ${w.pooled.length}, sentence 0 of size ${d}`,
      );
    }
  });
  const S = new Matrix(sentences.length, d); // (m, d)
  words.forEach((w, i) => S.data.set(w.pooled, i * d));
  const sentence = attentionPool(S, uSentence, options.sentence);
  return { words, sentences: S, sentence, document: sentence.pooled };
}
