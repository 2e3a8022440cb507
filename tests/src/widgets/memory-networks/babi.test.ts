import { describe, expect, it } from "vitest";
import { answerStory, generateStory, runStory } from "../../../../src/widgets/memory-networks/babi";

describe("hand-built memory network on generated bAbI-style stories", () => {
  it("answers every generated story correctly, for 1 to 3 hops (1000 seeds)", () => {
    for (let seed = 0; seed < 1000; seed++) {
      const s = generateStory(seed);
      expect(s.answer).not.toBeNull();
      for (const hops of [1, 2, 3]) {
        const r = runStory(s.sentences, s.question, hops);
        expect(r.answer, `seed ${seed}, ${hops} hops`).toBe(s.answer);
        expect(r.expected).toBe(s.answer);
      }
    }
  });

  it("puts most attention on the last sentence that names the person", () => {
    const r = runStory(
      ["Mary moved to the bathroom.", "John went to the hallway.", "Mary went to the kitchen."],
      "Where is Mary?",
      1,
    );
    expect(r.answer).toBe("kitchen");
    expect(r.p[0][2]).toBeGreaterThan(0.9);
    expect(r.p[0][1]).toBeLessThan(0.01);
  });

  it("names every unknown word and rejects questions about no one", () => {
    const bad = answerStory("Mary flew to the moon.", "Where is Mary?", 1);
    expect(bad).toEqual({ ok: false, field: "story", error: "Not in the demo vocabulary: “flew”, “moon”." });
    const q = answerStory("Mary went to the kitchen.", "Where is it?", 1);
    expect(q.ok).toBe(false);
  });
});
