import { capacityExperiment } from "../../../lib";
import { fields } from "../primitives/urlState";

/** The state a link reproduces (seed included); the curve itself is recomputed live. */
export const capacitySpec = {
  neurons: fields.int(100, 20, 200),
  trials: fields.int(4, 1, 20),
  noise: fields.number(0, 0, 0.3),
  seed: fields.int(1, 0, 99999),
  /** The load the equation writes out, as an index into `counts(neurons)` (6: P/N = 0.14). */
  point: fields.int(6, 0, 14),
};

export interface CapacityInput {
  neurons: number;
  trials: number;
  noise: number;
  seed: number;
}

export type CapacityPoint = { patterns: number; ratio: number; successRate: number };

/** Pattern counts for loads P/N from about 0.02 to 0.3. */
export function counts(n: number): number[] {
  const out = new Set<number>();
  for (let r = 0.02; r <= 0.3001; r += 0.02) out.add(Math.max(1, Math.round(r * n)));
  return [...out];
}

export const capacityKey = (s: CapacityInput) => `${s.neurons}:${s.trials}:${s.noise}:${s.seed}`;

/** The capacity curve with `lib/`, one pattern count (load) at a time, each with its own seed. */
export function* capacityPoints(s: CapacityInput): Generator<CapacityPoint> {
  const todo = counts(s.neurons);
  for (let k = 0; k < todo.length; k++) {
    yield capacityExperiment(s.neurons, [todo[k]], s.trials, s.seed * 1000 + k, { noise: s.noise })[0];
  }
}
