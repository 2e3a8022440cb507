/** The two attention masks of XLNet's two-stream attention for one factorisation order. */
export interface XLNetMasks {
  /** rank[i] = the step at which position i is predicted (0-based). */
  rank: number[];
  /** (n, n) content stream: i may attend to j when rank(j) ≤ rank(i) (itself included). */
  content: boolean[][];
  /** (n, n) query stream: i may attend to j when rank(j) < rank(i) (not its own content). */
  query: boolean[][];
}

/**
 * The content-stream and query-stream masks implied by a factorisation order z (a permutation of
 * the positions 0…n−1, listed in the order they are predicted).
 *
 * $$\mathrm{content}_{ij} = [\,\mathrm{rank}(j) \le \mathrm{rank}(i)\,],\qquad \mathrm{query}_{ij} = [\,\mathrm{rank}(j) < \mathrm{rank}(i)\,]$$
 *
 * @example
 * xlnetMasks([2, 0, 1]).query.map((r) => r.map(Number));
 * // returns [[0, 0, 1], [1, 0, 1], [0, 0, 0]]
 *
 * @see {@link transformerXLMask}
 */
export function xlnetMasks(order: readonly number[]): XLNetMasks {
  const n = order.length;
  if (n === 0) throw new RangeError("xlnetMasks: the factorisation order is empty");
  const rank = new Array<number>(n).fill(-1);
  order.forEach((p, t) => {
    if (!Number.isInteger(p) || p < 0 || p >= n)
      throw new RangeError(`xlnetMasks: position ${p} is not in 0…${n - 1}`);
    if (rank[p] !== -1)
      throw new RangeError(`xlnetMasks: position ${p} appears twice; the order must be a permutation`);
    rank[p] = t;
  });
  const content = rank.map((ri) => rank.map((rj) => rj <= ri));
  const query = rank.map((ri) => rank.map((rj) => rj < ri));
  return { rank, content, query };
}
