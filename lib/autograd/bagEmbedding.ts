/** Sentence embedding for memory networks: a weighted bag of embedding rows, with its backward rule. */
import { Tensor, gradOf, result } from "./tensor";

/**
 * Embed sentences of token ids as the sum of their words' embedding rows, each word weighted per
 * dimension by its position (Sukhbaatar et al. 2015, §4.1: bag of words when every weight is 1,
 * position encoding when row j of `positionWeights` is l_j). Token 0 is padding and adds nothing.
 * The backward pass scatter-adds into the rows that were used, weighted the same way.
 *
 * $$m_i = \sum_{j} l_j \circ E_{x_{ij}},\qquad \bar{E}_r \mathrel{+}= \sum_{(i,j):\ x_{ij} = r \neq 0} l_j \circ \bar{m}_i$$
 *
 * Shapes: table (V×d), tokens (n·J integers in [0, V), row-major: sentence i is tokens
 * i·J…i·J+J−1), positionWeights (J×d, row-major) or null for all ones → (n×d). Throws a RangeError
 * for a token out of range, a token count that is not a multiple of J or weights of the wrong size.
 *
 * @example
 * autograd.bagEmbedding(autograd.constant([[0, 0], [1, 2], [10, 20]]), [1, 2, 2, 0], 2).toArray();
 * // returns [[11, 22], [10, 20]]
 *
 * @see {@link embedding}
 */
export function bagEmbedding(
  table: Tensor,
  tokens: ArrayLike<number>,
  J: number,
  positionWeights: Float64Array | null = null,
): Tensor {
  const d = table.cols;
  if (!(Number.isInteger(J) && J >= 1) || tokens.length % J !== 0) {
    throw new RangeError(`bagEmbedding: ${tokens.length} tokens do not split into sentences of ${J}`);
  }
  if (positionWeights && positionWeights.length !== J * d) {
    throw new RangeError(
      `bagEmbedding: position weights have ${positionWeights.length} entries; expected ${J}×${d} for the table ${table.rows}×${d}`,
    );
  }
  const n = tokens.length / J;
  const idx = Int32Array.from(tokens);
  for (let k = 0; k < idx.length; k++) {
    if (idx[k] !== tokens[k] || idx[k] < 0 || idx[k] >= table.rows) {
      throw new RangeError(
        `bagEmbedding: token ${k} is ${tokens[k]}; expected an integer in [0, ${table.rows})`,
      );
    }
  }
  const E = table.data;
  const y = new Float64Array(n * d); // (n, d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < J; j++) {
      const r = idx[i * J + j];
      if (r === 0) continue;
      const eo = r * d;
      const yo = i * d;
      if (positionWeights) for (let k = 0; k < d; k++) y[yo + k] += positionWeights[j * d + k] * E[eo + k];
      else for (let k = 0; k < d; k++) y[yo + k] += E[eo + k];
    }
  }
  return result(n, d, y, [table], (out) => {
    const g = out.grad as Float64Array;
    const gE = gradOf(table);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < J; j++) {
        const r = idx[i * J + j];
        if (r === 0) continue;
        const eo = r * d;
        const go = i * d;
        if (positionWeights) for (let k = 0; k < d; k++) gE[eo + k] += positionWeights[j * d + k] * g[go + k];
        else for (let k = 0; k < d; k++) gE[eo + k] += g[go + k];
      }
    }
  });
}
