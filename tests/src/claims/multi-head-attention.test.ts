import { describe, expect, it } from "vitest";
import { softmax } from "./independent";

/**
 * The chapter's hand-built heads, from its own description: positions j = 1..n, θ_j = π(j − 1)/8,
 * dimension pairs for the rules previous (s = −1), same (0), next (+1) and broad (β = 0); key
 * (cos θ_j, sin θ_j), query β(cos θ_{i+s}, sin θ_{i+s}); H heads of 8/H dimensions, scores ÷ √(8/H).
 */
function headWeights(H: number, n = 6, beta = 60): number[][][] {
  const theta = (j: number) => (Math.PI * (j - 1)) / 8;
  const rules = [
    { s: -1, b: beta },
    { s: 0, b: beta },
    { s: 1, b: beta },
    { s: 0, b: 0 },
  ];
  const key = (j: number) => rules.flatMap(() => [Math.cos(theta(j)), Math.sin(theta(j))]);
  const query = (i: number) =>
    rules.flatMap((r) => [r.b * Math.cos(theta(i + r.s)), r.b * Math.sin(theta(i + r.s))]);
  const dHead = 8 / H;
  const pos = Array.from({ length: n }, (_, k) => k + 1);
  return Array.from({ length: H }, (_, h) =>
    pos.map((i) =>
      softmax(
        pos.map((j) => {
          let s = 0;
          for (let t = h * dHead; t < (h + 1) * dHead; t++) s += query(i)[t] * key(j)[t];
          return s / Math.sqrt(dHead);
        }),
      ),
    ),
  );
}
const argmax = (row: number[]) => row.indexOf(Math.max(...row)) + 1; // a position, counted from 1

describe("Multi-head attention: the hand-built heads (six words, β = 60)", () => {
  it("H = 4: previous, same and next word, and a uniform head", () => {
    const [prev, same, next, broad] = headWeights(4);
    for (let i = 2; i <= 6; i++) expect(argmax(prev[i - 1])).toBe(i - 1);
    for (let i = 1; i <= 6; i++) expect(argmax(same[i - 1])).toBe(i);
    for (let i = 1; i <= 5; i++) expect(argmax(next[i - 1])).toBe(i + 1);
    for (const row of broad) for (const w of row) expect(w).toBeCloseTo(1 / 6, 12);
  });

  it("H = 2: previous + same splits the weight between the word and its left neighbour", () => {
    const [prevSame] = headWeights(2);
    for (let i = 2; i <= 6; i++) {
      const row = prevSame[i - 1];
      expect(row[i - 1] + row[i - 2]).toBeGreaterThan(0.9);
      expect(Math.min(row[i - 1], row[i - 2])).toBeGreaterThan(0.3);
    }
  });

  it("H = 1: the single head's score peaks at the word itself", () => {
    const [one] = headWeights(1);
    for (let i = 1; i <= 6; i++) expect(argmax(one[i - 1])).toBe(i);
  });

  it("H = 8: cos heads look at the first or last word, sin heads put 0.74–0.98 on the fifth", () => {
    const heads = headWeights(8);
    for (const h of [0, 2, 4]) {
      for (const row of heads[h]) {
        const uniform = Math.max(...row) - Math.min(...row) < 1e-9;
        expect(uniform || [1, 6].includes(argmax(row))).toBe(true);
      }
    }
    const onFifth: number[] = [];
    for (const h of [1, 3, 5]) for (const row of heads[h]) if (argmax(row) === 5) onFifth.push(row[4]);
    // Heads 2, 4 and 6 send 4, 5 and 6 of their six queries to the fifth word.
    expect(onFifth.length).toBe(15);
    expect(Math.min(...onFifth).toFixed(2)).toBe("0.74");
    expect(Math.max(...onFifth).toFixed(2)).toBe("0.98");
  });
});
