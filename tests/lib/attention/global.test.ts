import { describe, expect, it } from "vitest";
import { globalAttention } from "../../../lib/attention/global";

const I4 = [
  [1, 0, 0, 0],
  [0, 1, 0, 0],
];

describe("globalAttention", () => {
  it("masks positions ≥ srcLength and applies tanh by default (Luong)", () => {
    const r = globalAttention(
      [[1, 0]],
      [
        [1, 0],
        [0, 1],
        [9, 9],
      ],
      { linearOut: I4 },
      { attnType: "dot", srcLength: 2 },
    );
    expect(r.align.get(0, 2)).toBe(0);
    expect(r.align.get(0, 0)).toBeCloseTo(Math.E / (Math.E + 1), 15);
    expect(r.attnH.get(0, 0)).toBeCloseTo(Math.tanh(r.context.get(0, 0)), 15);
  });

  it("mlp without output tanh, and clear errors", () => {
    const p = {
      linearQuery: [
        [1, 0],
        [0, 1],
      ],
      linearContext: [
        [1, 0],
        [0, 1],
      ],
      v: [1, 1],
      linearOut: I4,
      linearOutBias: [1, 1],
    };
    const r = globalAttention([[0, 0]], [[0, 0]], p, { attnType: "mlp", outputTanh: false });
    expect(r.attnH.toArray()).toEqual([[1, 1]]);
    expect(() => globalAttention([[0, 0]], [[0, 0]], { linearOut: I4 }, { attnType: "general" })).toThrow(
      /needs params.linearIn/,
    );
    expect(() => globalAttention([[0, 0]], [[0, 0, 0]], { linearOut: I4 })).toThrow(
      /query is 1×2 but memoryBank is 1×3/,
    );
  });
});
