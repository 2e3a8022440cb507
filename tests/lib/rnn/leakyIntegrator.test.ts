import { describe, expect, it } from "vitest";
import { leakyStates } from "../../../lib/rnn/leakyIntegrator";

describe("leakyStates", () => {
  it("λ = 0 copies the inputs; the last state forgets early inputs geometrically", () => {
    expect(leakyStates([[1], [2]], 0).toArray()).toEqual([[1], [2]]);
    const H = leakyStates([[1], [0], [0], [0]], 0.5).toArray();
    expect(H.map((r) => r[0])).toEqual([0.5, 0.25, 0.125, 0.0625]);
  });
  it("rejects λ outside [0, 1)", () => {
    expect(() => leakyStates([[1]], 1)).toThrow(/λ/);
    expect(() => leakyStates([[1]], -0.1)).toThrow(/λ/);
  });
});
