/**
 * Small numeric helpers for the claim checks, written here so the checks do not share code with
 * `lib/`: a claim in the prose is only checked if it is computed a second, independent way.
 */

/** Mulberry32: a seeded uniform generator on [0, 1). */
export function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples by Box–Muller (both of each pair) from a seeded uniform generator. */
export function normal(seed: number): () => number {
  const u = uniform(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const t = 2 * Math.PI * u();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

export const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

export function softmax(scores: readonly number[]): number[] {
  const m = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - m));
  const z = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / z);
}

/** x rounded to `digits` decimals, as the prose prints it. */
export const printed = (x: number, digits: number) => x.toFixed(digits);
