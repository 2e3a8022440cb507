import { describe, expect, it } from "vitest";
import { createNodeClassifier } from "../../../../lib/models/nodeClassification";
import { KARATE_TASK } from "../../../../src/data/karate";
import {
  KARATE_HOODS,
  answerRows,
  conflictCounts,
  parseLabelled,
  ranks,
  topIsLargestKey,
  wrongMembers,
} from "../../../../src/widgets/graph-attention/trainKarateModel";

describe("the karate trainer's labelled members", () => {
  it("reads 1-based members separated by spaces or commas, returns them 0-based", () => {
    expect(parseLabelled("1 34")).toEqual([0, 33]);
    expect(parseLabelled(" 1, 34;9 ")).toEqual([0, 33, 8]);
  });
  it("says what to change for a set it cannot train from", () => {
    expect(() => parseLabelled("")).toThrow(/Type the members/);
    expect(() => parseLabelled("1 35")).toThrow(/“35” is not a member/);
    expect(() => parseLabelled("1 x")).toThrow(/“x” is not a member/);
    expect(() => parseLabelled("1 34 1")).toThrow(/Member 1 is listed twice/);
    expect(() => parseLabelled("1 2 3")).toThrow(/at least one member of Officer's faction/);
    expect(() => parseLabelled("34 33")).toThrow(/Mr\. Hi's faction/);
    expect(() => parseLabelled("1 2 3 4 5 6 34")).toThrow(/at most 6/);
  });
});

describe("the karate trainer's view", () => {
  it("neighbourhoods: 34 members, 78 friendships plus the self-loops", () => {
    expect(KARATE_HOODS.flat().reduce((a, b) => a + b, 0)).toBe(2 * 78 + 34);
    expect(KARATE_HOODS[33].reduce((a, b) => a + b, 0)).toBe(18);
  });
  it("ranks: 1 for the largest, ties share the better rank", () => {
    expect(ranks([0.2, 0.5, 0.2, 0.1])).toEqual([2, 1, 2, 4]);
  });
  it("reads the trained model: wrong members, GAT's static ranking, the query table", () => {
    const m = createNodeClassifier(1, { task: KARATE_TASK, labelled: [0, 33] });
    for (let s = 0; s < 200; s++) m.trainStep(m.nextBatch());
    const v = m.view();
    expect(wrongMembers(v.gat, [0, 33]).length).toBe(Math.round(32 * (1 - v.gat.accuracy)));
    expect(wrongMembers(v.gcn, [0, 33])).not.toContain(1);
    expect(topIsLargestKey(v.gat)).toBe(34);
    const c = conflictCounts(v);
    expect(c.gat).toBe(0);
    expect(c.gcn).toBe(0);
    const rows = answerRows(m.query({ node: 33 }));
    expect(rows[0].member).toBe(34);
    expect(rows).toHaveLength(18);
    // GAT's rank order is the order of its scores e.
    const byScore = [...rows].sort((a, b) => b.gat.score - a.gat.score).map((r) => r.gat.rank);
    expect(byScore).toEqual([...byScore].sort((a, b) => a - b));
  });
});
