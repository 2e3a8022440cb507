import { type MemN2NWeights, bagOfWords, excerpt, memn2nForward, rng, tokenize } from "../../../lib";

/** The demo vocabulary: bAbI task 1 ("single supporting fact") words. */
export const PEOPLE = ["mary", "john", "sandra", "daniel"] as const;
export const PLACES = ["bathroom", "hallway", "kitchen", "garden", "office", "bedroom"] as const;
export const VERBS = ["moved", "went", "journeyed", "travelled"] as const;
const OTHER = ["to", "the", "back", "where", "is"] as const;
/** Index 0 is padding, as `bagOfWords` expects. */
export const VOCAB: readonly string[] = ["<pad>", ...PEOPLE, ...PLACES, ...VERBS, ...OTHER];

/** Embedding dimensions: one per person, one per place, and one "time/bias" dimension. */
export const DIMS: readonly string[] = [...PEOPLE, ...PLACES, "time"];
const D = DIMS.length;
const TIME = D - 1;
/** Longest story the temporal table covers. */
export const MAX_SENTENCES = 12;

/** Hand-set strengths: a person match (β) must beat any recency bonus (τ · sentence index). */
export const BETA = 40;
export const TAU = 3;
export const GAMMA = 10;

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
const cap1 = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

export interface Story {
  sentences: string[];
  question: string;
  /** The right answer by the task's rule: the place of the last sentence naming the person. */
  answer: string | null;
}

/** A seeded bAbI-style story: 3–8 moves of random people, and a question about one of them. */
export function generateStory(seed: number): Story {
  const r = rng(seed * 2654435761);
  const n = 3 + r.int(6);
  const sentences: string[] = [];
  const last = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const who = PEOPLE[r.int(PEOPLE.length)];
    const verb = VERBS[r.int(VERBS.length)];
    const where = PLACES[r.int(PLACES.length)];
    sentences.push(`${cap(who)} ${verb} to the ${where}.`);
    last.set(who, where);
  }
  const mentioned = [...last.keys()];
  const who = mentioned[r.int(mentioned.length)];
  return { sentences, question: `Where is ${cap(who)}?`, answer: last.get(who) ?? null };
}

/** The rule the network should follow, computed directly from the words (for checking). */
export function expectedAnswer(sentences: readonly string[], question: string): string | null {
  const who = tokenize(question).find((w) => (PEOPLE as readonly string[]).includes(w));
  let answer: string | null = null;
  for (const s of sentences) {
    const words = tokenize(s);
    if (who && words.includes(who))
      answer = words.find((w) => (PLACES as readonly string[]).includes(w)) ?? answer;
  }
  return answer;
}

const oneHot = (dim: number, v: number) => Array.from({ length: D }, (_, k) => (k === dim ? v : 0));
const zero = () => new Array<number>(D).fill(0);
const row = (word: string, f: (w: string) => number[]) => f(word);

/**
 * The hand-built weights. B (question) puts β on the person asked about and 1 on "time" for the
 * word "where"; A (memory) puts 1 on each person named; the temporal table T_A adds τ·i on
 * "time" to sentence i; C (output) puts 1 on each place named; W reads the place dimensions.
 * So the score of sentence i is β·[names the person] + τ·i: the latest mention wins.
 */
export function handWeights(hops: number): MemN2NWeights {
  const isPerson = (w: string) => (PEOPLE as readonly string[]).indexOf(w);
  const isPlace = (w: string) => (PLACES as readonly string[]).indexOf(w);
  const B = VOCAB.map((w) =>
    row(w, (x) => (isPerson(x) >= 0 ? oneHot(isPerson(x), BETA) : x === "where" ? oneHot(TIME, 1) : zero())),
  );
  const A = VOCAB.map((w) => (isPerson(w) >= 0 ? oneHot(isPerson(w), 1) : zero()));
  const C = VOCAB.map((w) => (isPlace(w) >= 0 ? oneHot(PEOPLE.length + isPlace(w), 1) : zero()));
  const TA = Array.from({ length: MAX_SENTENCES }, (_, i) => oneHot(TIME, TAU * i));
  const TC = Array.from({ length: MAX_SENTENCES }, zero);
  const W = VOCAB.map((w) => (isPlace(w) >= 0 ? oneHot(PEOPLE.length + isPlace(w), GAMMA) : zero()));
  const rep = <T>(x: T) => Array.from({ length: hops }, () => x);
  return { A: rep(A), C: rep(C), B, TA: rep(TA), TC: rep(TC), W };
}

export type Outcome =
  | { ok: true; result: ReturnType<typeof runStory> }
  | { ok: false; error: string; field: "story" | "question" };

/** Split the story text into sentences (by line breaks and full stops). */
export function splitStory(text: string): string[] {
  return text
    .split(/[\n.]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => `${cap1(s)}.`);
}

/** Check the reader's words, then run the memory network (lib/memory/memn2n.ts) on them. */
export function answerStory(storyText: string, question: string, hops: number): Outcome {
  const sentences = splitStory(storyText);
  if (sentences.length === 0) return { ok: false, field: "story", error: "Write at least one sentence." };
  if (sentences.length > MAX_SENTENCES)
    return {
      ok: false,
      field: "story",
      error: `The story has ${sentences.length} sentences; at most ${MAX_SENTENCES} fit in memory.`,
    };
  const unknown = (text: string) => [...new Set(tokenize(text).filter((w) => !VOCAB.includes(w)))];
  const bad = unknown(sentences.join(" "));
  if (bad.length > 0)
    return {
      ok: false,
      field: "story",
      error: `Not in the demo vocabulary: ${bad
        .slice(0, 5)
        .map((w) => `“${excerpt(w)}”`)
        .join(", ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}.`,
    };
  const badQ = unknown(question);
  if (badQ.length > 0)
    return {
      ok: false,
      field: "question",
      error: `Not in the demo vocabulary: ${badQ
        .slice(0, 5)
        .map((w) => `“${excerpt(w)}”`)
        .join(", ")}${badQ.length > 5 ? ` and ${badQ.length - 5} more` : ""}.`,
    };
  const q = tokenize(question);
  if (!q.some((w) => (PEOPLE as readonly string[]).includes(w)))
    return { ok: false, field: "question", error: "Ask about a person, for example “Where is Mary?”." };
  return { ok: true, result: runStory(sentences, question, hops) };
}

export function runStory(sentences: string[], question: string, hops: number) {
  const enc = bagOfWords(sentences, question, { vocabulary: VOCAB });
  const res = memn2nForward(enc.story, enc.query, handWeights(hops), { positionEncoding: "bag" });
  let best = 0;
  for (let v = 1; v < res.probs.length; v++) if (res.probs[v] > res.probs[best]) best = v;
  return {
    sentences,
    question,
    /** Each hop's scores mᵢ·uᵏ, one per sentence. */
    scores: res.m.map((m, k) =>
      Array.from({ length: m.rows }, (_, i) => m.row(i).reduce((a, x, t) => a + x * res.u[k][t], 0)),
    ),
    p: res.p.map((x) => Array.from(x)),
    o: res.o.map((x) => Array.from(x)),
    u: res.u.map((x) => Array.from(x)),
    answer: VOCAB[best],
    confidence: res.probs[best],
    expected: expectedAnswer(sentences, question),
  };
}
