import { fmt } from "../primitives/matrixText";
import { formats } from "../primitives/format";
import { type TextLimits, fields } from "../primitives/urlState";
import { DIMS, type Outcome, answerStory, generateStory, type runStory } from "./babi";

const first = generateStory(1);

/**
 * What the story and question fields take (both memory network widgets): 12 sentences of up to 6
 * words fit in 480 characters, with words of at most 20 letters. The demo vocabularies are plain
 * English words, so only ASCII is taken and a link at the limit stays short.
 */
export const STORY_LIMITS: TextLimits = { maxLength: 480, maxWord: 20, ascii: true };
export const QUESTION_LIMITS: TextLimits = { maxLength: 60, maxWord: 20, ascii: true };

/** The state a link reproduces: the story and question as written, the seed they came from, hops, the hop written out. */
export const memSpec = {
  seed: fields.int(1, 0, 999999),
  story: fields.text(first.sentences.join("\n"), STORY_LIMITS),
  question: fields.text(first.question, QUESTION_LIMITS),
  hops: fields.int(1, 1, 3),
  /** The hop the equation writes out (clamped to the hops there are). */
  hop: fields.int(1, 1, 3),
};

export type StoryResult = ReturnType<typeof runStory>;

/** The story's and the question's messages past their fields' limits, or null within them. */
export function storyLimitErrors(story: string, question: string) {
  return {
    story: memSpec.story.message(story, "The story") ?? null,
    question: memSpec.question.message(question, "The question") ?? null,
  };
}

/** {@link answerStory} behind the fields' limits: a story past them gets its message and is not read. */
export function answerWithinLimits(story: string, question: string, hops: number): Outcome {
  const long = storyLimitErrors(story, question);
  if (long.story) return { ok: false, field: "story", error: long.story };
  if (long.question) return { ok: false, field: "question", error: long.question };
  return answerStory(story, question, hops);
}

/** Weights below this are printed as 0.000, so their terms are left out of a written sum. */
const SMALL = 5e-4;

/** A vector of the embedding space as its nonzero entries on the named dimensions: 40 e_mary + 1 e_time. */
function named(v: readonly number[]): string {
  const terms = v.flatMap((x, t) => (Math.abs(x) >= SMALL ? [`${fmt(x, 3)}\\,e_{\\text{${DIMS[t]}}}`] : []));
  return terms.length === 0 ? "0" : terms.join(" + ").replace(/\+ -/g, "- ");
}

const list = (v: readonly number[], f: (x: number) => string) => `[${v.map(f).join(",\\ ")}]`;

/**
 * Hop k of the hand-set memory network with its numbers: every sentence's score mᵢ·uᵏ, the
 * attention pᵏ, the output oᵏ as the sum of the sentences' cᵢ weighted by pᵏ (terms with pᵢ < 0.0005
 * left out and said so), and the next query; at the last hop, the answer's probability. Vectors of
 * the 11-dimensional embedding are written as their nonzero entries (every other dimension is 0 in
 * this hand-set model).
 */
export function hopTex(r: StoryResult, hop: number): string {
  const k = Math.min(hop, r.p.length) - 1;
  const K = r.p.length;
  const p = r.p[k];
  const shown = p
    .map((x, i) => ({ x, i }))
    .filter((t) => t.x >= SMALL)
    .sort((a, b) => b.x - a.x);
  const dropped = shown.length < p.length;
  const terms =
    shown.map((t) => `${formats.weight(t.x)}\\,c_{${t.i + 1}}`).join(" + ") + (dropped ? " + \\dots" : "");
  const lines = [
    `m_i \\cdot u^{${k + 1}} &= ${list(r.scores[k], (x) => fmt(x, 4))} \\quad (i = 1, \\dots, ${p.length}) \\\\`,
    `p^{${k + 1}} &= \\operatorname{softmax}(m\\, u^{${k + 1}}) = ${list(p, formats.weight)} \\\\`,
    `o^{${k + 1}} &= \\textstyle\\sum_i p^{${k + 1}}_i c_i = ${terms} = ${named(r.o[k])} \\\\`,
    `u^{${k + 2}} &= u^{${k + 1}} + o^{${k + 1}} = ${named(r.u[k + 1])}`,
  ];
  if (k === K - 1)
    lines[lines.length - 1] +=
      ` \\\\\n\\hat a &= \\operatorname{softmax}(W u^{${K + 1}}):\\ P(\\text{${r.answer}}) = ${fmt(r.confidence, 3)}`;
  return ["\\begin{aligned}", ...lines, "\\end{aligned}"].join("\n");
}
