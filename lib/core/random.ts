/** A seeded random source: see {@link rng}. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

/**
 * A small seeded pseudo-random generator (mulberry32), so every figure and demo is reproducible.
 *
 * $$x_{t+1} = \mathrm{mix}(x_t + \texttt{0x6D2B79F5})$$
 *
 * @example
 * const r = rng(1); r.uniform() === rng(1).uniform();
 * // returns true
 */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal() {
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.floor(uniform() * n);
    },
  };
}
