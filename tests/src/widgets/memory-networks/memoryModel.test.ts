import { describe, expect, it } from "vitest";
import {
  BETA,
  GAMMA,
  MAX_SENTENCES,
  PEOPLE,
  PLACES,
  TAU,
  VOCAB,
  answerStory,
  generateStory,
} from "../../../../src/widgets/memory-networks/babi";
import { hopTex, memSpec } from "../../../../src/widgets/memory-networks/memoryModel";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { expectLinkFieldErrors } from "../linkFieldErrors";
import { softmax } from "../../claims/independent";

const words = (s: string) => s.toLowerCase().match(/[a-z]+/g) ?? [];

/**
 * The hand-set network worked by the chapter's rule, in plain numbers: sentence i scores
 * β·[it names the person] + τ·i at every hop (the place the output adds is not on a dimension the
 * memory reads), oᵏ puts pᵢ on sentence i's place, and the answer reads γ·Σₖ oᵏ over the places.
 */
function byRule(sentences: string[], question: string, hops: number) {
  const who = words(question).find((w) => (PEOPLE as readonly string[]).includes(w))!;
  const scores = sentences.map((s, i) => BETA * words(s).filter((w) => w === who).length + TAU * i);
  const p = softmax(scores);
  const place = sentences.map((s) => words(s).find((w) => (PLACES as readonly string[]).includes(w)));
  const mass = PLACES.map((pl) => hops * p.reduce((a, pi, i) => a + (place[i] === pl ? pi : 0), 0));
  const logits = VOCAB.map((w) => {
    const k = (PLACES as readonly string[]).indexOf(w);
    return k >= 0 ? GAMMA * mass[k] : 0;
  });
  const probs = softmax(logits);
  const best = probs.indexOf(Math.max(...probs));
  return { scores, p, answer: VOCAB[best], confidence: probs[best] };
}

function expectByRule(story: string, question: string, hops: number, at: string) {
  const o = answerStory(story, question, hops);
  if (!o.ok) throw new Error(`${at}: ${o.error}`);
  const r = o.result;
  const want = byRule(r.sentences, question, hops);
  expect(r.p).toHaveLength(hops);
  for (let k = 0; k < hops; k++) {
    r.scores[k].forEach((x, i) => expect(x, `${at} hop ${k + 1} m${i + 1}·u`).toBeCloseTo(want.scores[i], 9));
    r.p[k].forEach((x, i) => expect(x, `${at} hop ${k + 1} p${i + 1}`).toBeCloseTo(want.p[i], 12));
    // u^{k+1} = u^k + o^k
    r.u[k + 1].forEach((x, t) => expect(x).toBeCloseTo(r.u[k][t] + r.o[k][t], 12));
  }
  expect(r.answer, at).toBe(want.answer);
  expect(r.confidence, at).toBeCloseTo(want.confidence, 12);
  return r;
}

describe("memory network widget model", () => {
  it("computes the default story (seed 1) by the chapter's rule: β·[names the person] + τ·i, and the answer", () => {
    const s = defaults(memSpec);
    const story = generateStory(1);
    expect(s.story).toBe(story.sentences.join("\n"));
    expect(s.question).toBe(story.question);
    const r = expectByRule(s.story, s.question, s.hops, "default");
    expect(r.answer).toBe(story.answer);
    const tex = hopTex(r, s.hop);
    expect(tex).toContain(
      `p^{1} &= \\operatorname{softmax}(m\\, u^{1}) = [${r.p[0].map((x) => x.toFixed(3)).join(",\\ ")}]`,
    );
    expect(tex).toContain(`P(\\text{${r.answer}}) = ${r.confidence.toFixed(3)}`);
    // The worked example: Mary is named in sentence 4 (β + 3τ = 49), which outbids recency (τ·5 = 15).
    expect(tex).toContain("m_i \\cdot u^{1} &= [0,\\ 3,\\ 6,\\ 49,\\ 12,\\ 15]");
    // Weights under 0.0005 are left out of the written sum, and the sum says so; a weight has three
    // decimals there as in the softmax line above.
    expect(tex).toContain(
      "o^{1} &= \\textstyle\\sum_i p^{1}_i c_i = 1.000\\,c_{4} + \\dots = 1\\,e_{\\text{kitchen}}",
    );
    expect(tex).toContain(
      "u^{2} &= u^{1} + o^{1} = 40\\,e_{\\text{mary}} + 1\\,e_{\\text{kitchen}} + 1\\,e_{\\text{time}}",
    );
    // P(kitchen) = e^γ / (e^γ + 19): the other 19 words of the vocabulary have logit 0.
    expect(Math.exp(GAMMA) / (Math.exp(GAMMA) + VOCAB.length - 1)).toBeCloseTo(r.confidence, 12);
    expect(tex).toContain("P(\\text{kitchen}) = 0.999");
  });

  it("computes every story New story gives (seeds 1–20) at 1, 2 and 3 hops, and every hop's equation", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const story = generateStory(seed);
      for (const hops of [1, 2, 3]) {
        const r = expectByRule(
          story.sentences.join("\n"),
          story.question,
          hops,
          `seed ${seed}, ${hops} hops`,
        );
        expect(r.answer).toBe(story.answer);
        for (let hop = 1; hop <= 3; hop++) {
          const tex = hopTex(r, hop);
          const k = Math.min(hop, hops);
          expect(tex).toContain(`u^{${k + 1}} &= u^{${k}} + o^{${k}}`);
          expect(tex.includes("\\hat a")).toBe(k === hops);
        }
      }
    }
  });

  it("reports every error of the story and question fields, on its field", () => {
    const q = "Where is Mary?";
    expect(answerStory("", q, 1)).toEqual({
      ok: false,
      field: "story",
      error: "Write at least one sentence.",
    });
    const long = Array(MAX_SENTENCES + 1)
      .fill("Mary went to the kitchen.")
      .join("\n");
    expect(answerStory(long, q, 1)).toEqual({
      ok: false,
      field: "story",
      error: "The story has 13 sentences; at most 12 fit in memory.",
    });
    expect(answerStory("Mary flew to the moon.", q, 1)).toEqual({
      ok: false,
      field: "story",
      error: "Not in the demo vocabulary: “flew”, “moon”.",
    });
    expect(answerStory("a b c d e f g.", q, 1)).toEqual({
      ok: false,
      field: "story",
      error: "Not in the demo vocabulary: “a”, “b”, “c”, “d”, “e” and 2 more.",
    });
    expect(answerStory("Mary went to the kitchen.", "Where is Bob?", 1)).toEqual({
      ok: false,
      field: "question",
      error: "Not in the demo vocabulary: “bob”.",
    });
    expect(answerStory("Mary went to the kitchen.", "Where is the kitchen?", 1)).toEqual({
      ok: false,
      field: "question",
      error: "Ask about a person, for example “Where is Mary?”.",
    });
    // A word that is a key of a plain object is an unknown word, not a lookup.
    expect(answerStory("Mary went to the constructor.", q, 1)).toMatchObject({ ok: false, field: "story" });
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("mem", memSpec, {
      seed: { value: "x", says: '"x" is not a number' },
      story: { value: "a".repeat(20_001), says: "is longer than 480 characters (it has 20,001)" },
      question: { value: "a".repeat(20_001), says: "is longer than 60 characters (it has 20,001)" },
      hops: { value: "4", says: "4 is outside [1, 3]" },
      hop: { value: "0", says: "0 is outside [1, 3]" },
    });
  });
});
