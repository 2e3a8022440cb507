import { describe, expect, it } from "vitest";
import { PRESETS, corrupt } from "../../../src/widgets/hopfield-networks/patterns";
import { dot, printed, softmax, uniform } from "./independent";

/** Binary Hopfield: Hebb weights (1/N, zero diagonal), asynchronous updates in random order to a fixed point. */
function exactRecallRate(N: number, P: number, trials: number, seed: number): number {
  const u = uniform(seed);
  let ok = 0;
  for (let t = 0; t < trials; t++) {
    const X = Array.from({ length: P }, () => Array.from({ length: N }, (): number => (u() < 0.5 ? -1 : 1)));
    const W = Array.from({ length: N }, (_, i) =>
      Array.from({ length: N }, (_, j) => (i === j ? 0 : X.reduce((s, x) => s + x[i] * x[j], 0) / N)),
    );
    for (const x of X) {
      const s = x.slice();
      for (let sweep = 0, changed = true; changed && sweep < 50; sweep++) {
        changed = false;
        const order = Array.from({ length: N }, (_, i) => i).sort(() => u() - 0.5);
        for (const i of order) {
          const v = dot(W[i], s) >= 0 ? 1 : -1;
          if (v !== s[i]) [s[i], changed] = [v, true];
        }
      }
      if (s.every((v, i) => v === x[i])) ok++;
    }
  }
  return ok / (trials * P);
}

describe("Hopfield networks: capacity (exact recall)", () => {
  it(
    "N = 100: about 96% at load 0.1 and about 80% at 0.14, so no collapse at 0.138",
    { timeout: 60_000 },
    () => {
      expect(exactRecallRate(100, 10, 40, 1)).toBeGreaterThan(0.92);
      const at014 = exactRecallRate(100, 14, 40, 2);
      expect(at014).toBeGreaterThan(0.72);
      expect(at014).toBeLessThan(0.88);
    },
  );

  it(
    "doubling N lowers exact recall at load 0.18 from about a half to about a quarter",
    { timeout: 60_000 },
    () => {
      const n100 = exactRecallRate(100, 18, 30, 3);
      const n200 = exactRecallRate(200, 36, 15, 4);
      expect(n100).toBeGreaterThan(0.4);
      expect(n100).toBeLessThan(0.6);
      expect(n200).toBeGreaterThan(0.15);
      expect(n200).toBeLessThan(0.33);
    },
  );

  it("N/(2 ln N) is 11 for N = 100", () => {
    expect(Math.round(100 / (2 * Math.log(100)))).toBe(11);
  });

  it("the Hebb exercise: x = [1, −1, 1] has energy −3, the lowest of all 8 states", () => {
    const x = [1, -1, 1];
    const W = x.map((a, i) => x.map((b, j) => (i === j ? 0 : a * b)));
    const energy = (s: number[]) =>
      -0.5 *
      dot(
        s,
        W.map((row) => dot(row, s)),
      );
    expect(energy(x)).toBe(-3);
    const states = Array.from({ length: 8 }, (_, k) => [0, 1, 2].map((b) => ((k >> b) & 1 ? 1 : -1)));
    expect(Math.min(...states.map(energy))).toBe(-3);
  });
});

describe("Hopfield networks: modern Hopfield widget (default query: the T, 20% noise, seed 1)", () => {
  const X = PRESETS;
  const query = corrupt(X[0], 0.2, 1);
  const update = (xi: number[], beta: number) => {
    const p = softmax(X.map((x) => beta * dot(x, xi)));
    return { p, xi: xi.map((_, i) => X.reduce((s, x, k) => s + p[k] * x[i], 0)) };
  };
  /** Weights after one update and at the fixed point (no pixel moves by more than 1e-9). */
  const run = (beta: number) => {
    let xi = query;
    let first: number[] | undefined;
    for (let t = 0; t < 100000; t++) {
      const next = update(xi, beta);
      first ??= next.p;
      const moved = Math.max(...next.xi.map((v, i) => Math.abs(v - xi[i])));
      xi = next.xi;
      if (moved < 1e-9) return { first, fixed: next.p };
    }
    throw new Error(`no fixed point at β = ${beta}`);
  };
  const show = (p: number[]) => p.map((v) => printed(v, 3));

  it("the T and the I agree on 84 of 100 pixels", () => {
    expect(X[0].filter((v, i) => v === X[1][i]).length).toBe(84);
  });

  it("β = 0.001: about a third each, and one update is already the fixed point", () => {
    const { first, fixed } = run(10 ** -3);
    for (const v of [...first, ...fixed]) expect(Math.abs(v - 1 / 3)).toBeLessThan(0.015);
    expect(Math.max(...first.map((v, i) => Math.abs(v - fixed[i])))).toBeLessThan(0.01);
  });

  it("β = 0.050 (slider 10^−1.3): one update 0.694 / 0.255, fixed point 0.482 / 0.499", () => {
    expect(printed(10 ** -1.3, 3)).toBe("0.050");
    const { first, fixed } = run(10 ** -1.3);
    expect(show(first).slice(0, 2)).toEqual(["0.694", "0.255"]);
    expect(show(fixed).slice(0, 2)).toEqual(["0.482", "0.499"]);
  });

  it("β = 0.200 (slider 10^−0.7): one update 0.982 on the T, fixed point 0.998", () => {
    expect(printed(10 ** -0.7, 3)).toBe("0.200");
    const { first, fixed } = run(10 ** -0.7);
    expect(printed(first[0], 3)).toBe("0.982");
    expect(printed(fixed[0], 3)).toBe("0.998");
  });
});
