import { describe, expect, it } from "vitest";
import { scoreSpread } from "../../../src/widgets/self-attention/workedModel";
import { dot, normal, printed, softmax } from "./independent";

describe("Self-attention: the worked examples", () => {
  it("scores 112 and 96 at d_k = 64 scale to 14 and 12 and give 0.88 / 0.12", () => {
    const scaled = [112, 96].map((s) => s / Math.sqrt(64));
    expect(scaled).toEqual([14, 12]);
    expect(softmax(scaled).map((w) => printed(w, 2))).toEqual(["0.88", "0.12"]);
  });

  it("scores 30 and 18 at d_k = 16 give the token 0.9526", () => {
    expect(printed(softmax([30 / 4, 18 / 4])[0], 4)).toBe("0.9526");
  });
});

describe("Self-attention: raw scores spread like √d_k", () => {
  it("q·k of unit-variance entries has standard deviation about √d_k (2, 8, 32)", { timeout: 60_000 }, () => {
    const z = normal(3);
    for (const dk of [4, 64, 1024]) {
      let sumSq = 0;
      const pairs = 2000;
      for (let p = 0; p < pairs; p++) {
        const s = dot(Array.from({ length: dk }, z), Array.from({ length: dk }, z));
        sumSq += s * s;
      }
      expect(Math.sqrt(sumSq / pairs) / Math.sqrt(dk)).toBeGreaterThan(0.94);
      expect(Math.sqrt(sumSq / pairs) / Math.sqrt(dk)).toBeLessThan(1.06);
      // The widget's own measurement (1,000 pairs) says the same.
      const shown = scoreSpread(dk);
      expect(Math.abs(shown.scaled - 1)).toBeLessThan(0.08);
    }
  });
});
