/**
 * Static against dynamic attention (Brody, Alon and Yahav 2022): do all nodes rank the nodes they
 * share in the same order? Read from attention weights alone, so it applies to any graph layer.
 */

/** Output of {@link rankConflicts}. */
export interface RankConflicts {
  /** Pairs of nodes {j, k} that lie together in at least two neighbourhoods (self-loops count). */
  pairs: number;
  /** Of those, the pairs some node ranks j above k and another node ranks k above j. */
  conflicting: number;
  /** The conflicting pairs, 0-based, j < k. */
  examples: [number, number][];
}

/**
 * Count the pairs of nodes that two observers rank in opposite orders. Row i of `weights` is node
 * i's distribution over its neighbourhood (zeros elsewhere; `allowed` says which entries are in
 * it). Static attention (GAT's, and GCN's degree weights) has no conflicting pair at all: every
 * node ranks its neighbours by one score of the neighbour alone.
 *
 * $$\text{conflict}(j, k) \iff \exists\, i, i' :\ \alpha_{ij} > \alpha_{ik} \ \wedge\ \alpha_{i'k} > \alpha_{i'j}$$
 *
 * Shapes: weights (N×N), allowed (N×N, nonzero = in the neighbourhood). Ties (equal weights) rank
 * neither way. Throws a RangeError when the shapes differ.
 *
 * @example
 * rankConflicts([[0.5, 0.3, 0.2], [0.2, 0.5, 0.3], [0.3, 0.2, 0.5]], [[1, 1, 1], [1, 1, 1], [1, 1, 1]]).conflicting;
 * // returns 3
 */
export function rankConflicts(
  weights: readonly ArrayLike<number>[],
  allowed: readonly ArrayLike<number | boolean>[],
): RankConflicts {
  const N = weights.length;
  if (allowed.length !== N || weights.some((r, i) => r.length !== N || allowed[i].length !== N))
    throw new RangeError(`rankConflicts: weights and allowed must both be ${N}×${N}`);
  let pairs = 0;
  const examples: [number, number][] = [];
  for (let j = 0; j < N; j++) {
    for (let k = j + 1; k < N; k++) {
      let seen = 0;
      let up = false;
      let down = false;
      for (let i = 0; i < N; i++) {
        if (!allowed[i][j] || !allowed[i][k]) continue;
        seen++;
        const d = weights[i][j] - weights[i][k];
        if (d > 0) up = true;
        else if (d < 0) down = true;
      }
      if (seen < 2) continue;
      pairs++;
      if (up && down) examples.push([j, k]);
    }
  }
  return { pairs, conflicting: examples.length, examples };
}
