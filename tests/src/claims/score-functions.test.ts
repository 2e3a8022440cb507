import { describe, expect, it } from "vitest";
import { dot, normal, printed, softmax } from "./independent";

describe("Score functions: the default query and keys", () => {
  const q = [2, 1, 0, 1];
  const K = [
    [1, 0, 0, 0],
    [2, 1, 0, 1],
    [4, 2, 0, 2],
    [0, 0, 3, 0],
    [-1, 1, 1, -1],
  ];
  const norm = (v: number[]) => Math.sqrt(dot(v, v));

  it("dot scores k2 and k3 6 and 12 and puts 0.997 on k3", () => {
    const s = K.map((k) => dot(q, k));
    expect(s.slice(1, 3)).toEqual([6, 12]);
    expect(printed(softmax(s)[2], 3)).toBe("0.997");
  });

  it("cosine scores k2 and k3 exactly 1 and gives each 0.290", () => {
    const s = K.map((k) => dot(q, k) / (norm(q) * norm(k)));
    expect(s[1]).toBeCloseTo(1, 12);
    expect(s[2]).toBeCloseTo(1, 12);
    expect(printed(softmax(s)[1], 3)).toBe("0.290");
  });

  it("with five keys cosine's best weight is e/(e + 4/e) ≈ 0.65", () => {
    expect(printed(softmax([1, -1, -1, -1, -1])[0], 2)).toBe("0.65");
  });

  it("a score gap of 20 is a weight ratio of about 5 × 10⁸", () => {
    expect(Math.exp(20) / 1e8).toBeCloseTo(4.85, 2);
  });
});

describe("Score functions: why divide by √d (16 keys, standard normal entries)", () => {
  /** Mean largest softmax weight over `samples` queries, raw and divided by √d. */
  function saturation(d: number, samples: number, seed: number) {
    const z = normal(seed);
    let raw = 0;
    let scaled = 0;
    let sumSq = 0;
    const q = new Float64Array(d);
    const scores = new Array<number>(16);
    for (let s = 0; s < samples; s++) {
      for (let i = 0; i < d; i++) q[i] = z();
      for (let j = 0; j < 16; j++) {
        let x = 0;
        for (let i = 0; i < d; i++) x += q[i] * z();
        scores[j] = x;
      }
      for (const x of scores) sumSq += x * x;
      raw += Math.max(...softmax(scores));
      scaled += Math.max(...softmax(scores.map((x) => x / Math.sqrt(d))));
    }
    return { raw: raw / samples, scaled: scaled / samples, std: Math.sqrt(sumSq / (samples * 16)) };
  }

  it("about 0.21 at d = 1, 0.84 at d = 64 and 0.95 at d = 512; scaled between 0.21 and 0.25", () => {
    // Standard errors: about 0.0008, 0.0019 and 0.0036; with the rounding in the printed value
    // (0.2076, 0.843, 0.946 from 10,000+ samples in numpy) the tolerances allow about three of them.
    const d1 = saturation(1, 20000, 1);
    const d64 = saturation(64, 4000, 2);
    const d512 = saturation(512, 1000, 3);
    expect(Math.abs(d1.raw - 0.21)).toBeLessThan(0.006);
    expect(Math.abs(d64.raw - 0.84)).toBeLessThan(0.009);
    expect(Math.abs(d512.raw - 0.95)).toBeLessThan(0.015);
    for (const { scaled } of [d1, d64, d512]) {
      expect(scaled).toBeGreaterThan(0.2);
      expect(scaled).toBeLessThan(0.255);
    }
    // The spread of q·k grows like √d: about 8 at d = 64 and 22.6 at d = 512.
    expect(d64.std / 8).toBeCloseTo(1, 1);
    expect(d512.std / Math.sqrt(512)).toBeCloseTo(1, 1);
  }, 60_000);
});

describe("Score functions: concat is additive with W = [W₂ W₁]", () => {
  it("the widget's concat weights give the additive scores for any seed", async () => {
    const { scoreParams } = await import("../../../src/widgets/score-functions/scoreModel");
    const z = normal(9);
    for (const seed of [1, 2, 77]) {
      const p = scoreParams(4, seed);
      const [W1, W2, Wc] = [p.W1.toArray(), p.W2.toArray(), p.Wc.toArray()];
      const v = Array.from(p.v);
      const q = Array.from({ length: 4 }, z);
      const k = Array.from({ length: 4 }, z);
      const additive = dot(
        v,
        W1.map((row, a) => Math.tanh(dot(row, k) + dot(W2[a], q))),
      );
      const concat = dot(
        v,
        Wc.map((row) => Math.tanh(dot(row, [...q, ...k]))),
      );
      expect(concat).toBeCloseTo(additive, 12);
    }
  });
});
