import { Matrix } from "./matrix";
import type { Rng } from "./random";

/**
 * A matrix of independent normal samples N(0, scale²) drawn from a seeded source, row by row.
 *
 * $$M_{ij} \sim \mathcal{N}(0, \sigma^2),\quad M \in \mathbb{R}^{n \times d}$$
 *
 * @example
 * const a = normalMatrix(2, 3, rng(7)), b = normalMatrix(2, 3, rng(7));
 * [a.shape, a.toArray().join() === b.toArray().join()];
 * // returns [[2, 3], true]
 *
 * @see {@link rng}
 */
export function normalMatrix(rows: number, cols: number, random: Rng, scale = 1): Matrix {
  if (!Number.isFinite(scale)) throw new RangeError(`normalMatrix: scale must be finite, got ${scale}`);
  const m = new Matrix(rows, cols); // (rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * random.normal();
  return m;
}
