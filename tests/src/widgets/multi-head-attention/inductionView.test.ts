import { describe, expect, it } from "vitest";
import type { InductionOutput } from "../../../../lib/models/induction";
import { copyableScore, headSummary } from "../../../../src/widgets/multi-head-attention/inductionView";

/** An answer for "abcab" whose layer-1 head 1 is an exact previous-token head and layer-2 head 1 an exact induction head. */
function answer(predictions: number[]): InductionOutput {
  const n = 5;
  const onehot = (f: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === f(i) ? 1 : 0)));
  const prev = onehot((i) => Math.max(0, i - 1));
  // "abcab": the second a (3) looks at b (1), the second b (4) at c (2); others at themselves.
  const ind = onehot((i) => (i >= 3 ? i - 2 : i));
  const self = onehot((i) => i);
  return {
    tokens: [0, 1, 2, 0, 1],
    predictions,
    confidence: predictions.map(() => 0.5),
    attention: [
      [prev, self],
      [ind, self],
    ],
    knockout: [],
    // The view reads the weights only, not the numbers behind the scores.
    scores: [],
  };
}

describe("induction widget view", () => {
  it("counts the next letters that can be copied from an earlier occurrence, and the right ones", () => {
    // Copyable: after the second a (position 3) comes b; the last b (4) has no next letter.
    const s = copyableScore(answer([1, 2, 0, 1, 2]));
    expect(s.copyable).toEqual([false, false, false, true, false]);
    expect([s.correct, s.total]).toEqual([1, 1]);
    expect(copyableScore(answer([1, 2, 0, 4, 2])).correct).toBe(0);
  });

  it("describes a head by its mean weight on the previous letter and after the earlier copy", () => {
    const a = answer([0, 0, 0, 0, 0]);
    expect(headSummary(a, 0, 0)).toBe(
      "mean weight 1.00 on the previous letter, 0.00 on the letter after the earlier copy",
    );
    expect(headSummary(a, 1, 0)).toBe(
      "mean weight 0.00 on the previous letter, 1.00 on the letter after the earlier copy",
    );
    const one = { ...a, tokens: [3], attention: [[[[1]]]] };
    expect(headSummary(one, 0, 0)).toBe(
      "mean weight – on the previous letter, – on the letter after the earlier copy",
    );
  });
});
