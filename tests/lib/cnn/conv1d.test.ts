import { describe, expect, it } from "vitest";
import { conv1d } from "../../../lib/cnn/conv1d";

describe("conv1d", () => {
  it("computes valid, stride-1 windows by hand (two filters, width 2, d = 2)", () => {
    const X = [
      [1, 0],
      [0, 1],
      [2, 2],
    ];
    // filter 0 sums the first feature of both rows; filter 1 = second feature of row t+1 minus of row t
    const W = [
      [1, 0, 1, 0],
      [0, -1, 0, 1],
    ];
    expect(conv1d(X, W, { activation: "none" }).toArray()).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(conv1d(X, W, { bias: [0, -1.5] }).toArray()).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });
  it("a width-1 filter is a per-position linear map", () => {
    expect(
      conv1d(
        [
          [1, 2],
          [3, 4],
        ],
        [[1, 1]],
      ).toArray(),
    ).toEqual([[3], [7]]);
  });
  it("checks shapes", () => {
    expect(() => conv1d([[1, 2]], [[1, 2, 3]])).toThrow(/k·2 weights/);
    expect(() => conv1d([[1]], [[1, 1]])).toThrow(/1 rows but the filters are 2 wide/);
    expect(() => conv1d([[1], [1]], [[1]], { bias: [1, 2] })).toThrow(/length 2/);
  });
});
