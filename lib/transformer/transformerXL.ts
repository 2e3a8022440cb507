/** What {@link transformerXLContext} returns. */
export interface XLContext {
  /** Tokens before the current segment that the last token can depend on: L · M. */
  reach: number;
  /** Longest context of the last token of a segment: its segment plus the reach. */
  total: number;
}

/**
 * The allow-mask of Transformer-XL attention: a segment of n queries attends to a cached memory of
 * m earlier positions (all allowed) followed by itself (causally).
 *
 * $$\mathrm{allow}_{ij} = [\,j < m\,] \;\lor\; [\,j - m \le i\,],\qquad i < n,\; j < m + n$$
 *
 * @example
 * transformerXLMask(2, 2).map((r) => r.map(Number));
 * // returns [[1, 1, 1, 0], [1, 1, 1, 1]]
 *
 * @see {@link transformerXLContext}, {@link combineAllow}
 */
export function transformerXLMask(segLen: number, memLen: number): boolean[][] {
  if (!Number.isInteger(segLen) || segLen < 1)
    throw new RangeError(`transformerXLMask: segLen must be a positive integer, got ${segLen}`);
  if (!Number.isInteger(memLen) || memLen < 0)
    throw new RangeError(`transformerXLMask: memLen must be a non-negative integer, got ${memLen}`);
  return Array.from({ length: segLen }, (_, i) =>
    Array.from({ length: memLen + segLen }, (_, j) => j < memLen || j - memLen <= i),
  );
}

/**
 * How far back Transformer-XL can see: each of L layers reaches one memory length M further into
 * the past, because layer l's memory holds layer l−1's states, which already saw their own memory.
 *
 * $$\text{reach} = L \cdot M,\qquad \text{total} = N + L \cdot M \approx L \cdot N \text{ when } M = N$$
 *
 * @example
 * transformerXLContext(3, 4);
 * // returns {"reach":12,"total":16}
 *
 * @see {@link transformerXLMask}
 */
export function transformerXLContext(layers: number, segLen: number, memLen = segLen): XLContext {
  for (const [k, v] of [
    ["layers", layers],
    ["segLen", segLen],
    ["memLen", memLen],
  ] as const) {
    if (!Number.isInteger(v) || v < (k === "memLen" ? 0 : 1))
      throw new RangeError(
        `transformerXLContext: ${k} must be a ${k === "memLen" ? "non-negative" : "positive"} integer, got ${v}`,
      );
  }
  return { reach: layers * memLen, total: segLen + layers * memLen };
}
