import { Matrix } from "../core/matrix";
import { rng } from "../core/random";
import { hebbianWeights, hopfieldMatch, hopfieldRun } from "../memory/hopfieldBinary";

/** Sizes for {@link capacityExperiment}: `tiny` paints at once in a widget, `reference` is smoother. */
export const CAPACITY_PRESETS = {
  tiny: { neurons: 32, patternCounts: [1, 2, 3, 4, 5, 6, 8, 10], trials: 4 },
  reference: { neurons: 100, patternCounts: [2, 5, 8, 10, 12, 14, 16, 20, 25, 30], trials: 20 },
} as const;

/**
 * Recall success rate against load P/M: store P random patterns in M neurons, start from each
 * (optionally with a fraction `noise` of bits flipped), run asynchronously to a fixed point, count exact recalls.
 *
 * $$\text{rate}(P) = \frac{\#\{\text{trials}, \mu : s_\infty = x^{(\mu)}\}}{\text{trials}\cdot P},\qquad \text{capacity} \approx 0.14\,M$$
 *
 * @example
 * capacityExperiment(64, [1], 2, 7).map((r) => [r.ratio, r.successRate]);
 * // returns [[0.015625, 1]]
 *
 * @see {@link hebbianWeights}, {@link hopfieldRun}
 */
export function capacityExperiment(
  neurons: number,
  patternCounts: readonly number[],
  trials: number,
  seed: number,
  options: { noise?: number; maxSteps?: number } = {},
): { patterns: number; ratio: number; successRate: number }[] {
  const { noise = 0, maxSteps = 50 } = options;
  if (!(Number.isInteger(neurons) && neurons >= 2))
    throw new RangeError(`capacityExperiment: neurons must be ≥ 2, got ${neurons}`);
  if (!(Number.isInteger(trials) && trials >= 1))
    throw new RangeError(`capacityExperiment: trials must be ≥ 1, got ${trials}`);
  if (!(noise >= 0 && noise <= 1))
    throw new RangeError(`capacityExperiment: noise must lie in [0, 1], got ${noise}`);
  const r = rng(seed);
  return patternCounts.map((P) => {
    if (!(Number.isInteger(P) && P >= 1))
      throw new RangeError(`capacityExperiment: pattern count must be ≥ 1, got ${P}`);
    let ok = 0;
    for (let t = 0; t < trials; t++) {
      const X = Matrix.fromFn(P, neurons, () => (r.uniform() < 0.5 ? -1 : 1)); // (P, M)
      const W = hebbianWeights(X, { scale: "neurons" });
      for (let mu = 0; mu < P; mu++) {
        const s0 = X.row(mu).slice();
        const idx = Array.from({ length: neurons }, (_, i) => i);
        for (let f = 0; f < Math.round(noise * neurons); f++) {
          const j = f + r.int(neurons - f);
          [idx[f], idx[j]] = [idx[j], idx[f]];
          s0[idx[f]] = -s0[idx[f]];
        }
        const run = hopfieldRun(W, s0, { mode: "async", maxSteps, seed: r.int(2 ** 31) });
        if (hopfieldMatch(run.final, new Matrix(1, neurons, X.row(mu).slice())).pattern === 0) ok++;
      }
    }
    return { patterns: P, ratio: P / neurons, successRate: ok / (trials * P) };
  });
}
