/** What {@link layerCost} returns: multiply-adds per layer of each kind, and which is cheaper. */
export interface LayerCost {
  /** n²·d: every pair of positions compared with a dot product of length d. */
  selfAttention: number;
  /** n·d²: n sequential steps, each a d×d matrix-vector product. */
  recurrent: number;
  /** n·k·d²: a convolution with kernel width k (default 3). */
  convolution: number;
  /** The sequence length at which self-attention and recurrence cost the same (n = d). */
  crossover: number;
  cheaper: "self-attention" | "recurrent" | "equal";
}

/**
 * Per-layer cost (in multiply-adds, constants dropped) of self-attention, recurrence and
 * convolution for a sequence of n vectors of size d, as in Table 1 of Vaswani et al. (2017).
 *
 * $$C_{\text{self}} = n^2 d,\qquad C_{\text{rec}} = n\,d^2,\qquad C_{\text{conv}} = k\,n\,d^2,\qquad C_{\text{self}} < C_{\text{rec}} \iff n < d$$
 *
 * @example
 * layerCost(100, 512);
 * // returns {"selfAttention":5120000,"recurrent":26214400,"convolution":78643200,"crossover":512,"cheaper":"self-attention"}
 *
 * @see {@link multiHeadAttention}, {@link encoderLayer}
 */
export function layerCost(n: number, d: number, kernel = 3): LayerCost {
  for (const [name, v] of [
    ["n", n],
    ["d", d],
    ["kernel", kernel],
  ] as const) {
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`layerCost: ${name} must be a positive integer, got ${v}`);
  }
  const selfAttention = n * n * d;
  const recurrent = n * d * d;
  const cheaper =
    selfAttention < recurrent ? "self-attention" : selfAttention > recurrent ? "recurrent" : "equal";
  return { selfAttention, recurrent, convolution: kernel * recurrent, crossover: d, cheaper };
}
