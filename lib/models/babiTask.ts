/**
 * Generated stories in the style of bAbI tasks 1 and 2 (Weston et al. 2016), for chapter 13's
 * trained end-to-end memory network: seeded, no download. Task 1 ("single supporting fact"):
 * people move between places; "Where is Mary?". Task 2 ("two supporting facts"): people also pick
 * up and drop objects; "Where is the football?" needs the sentence about the object and the
 * sentence that says where its holder was.
 */
import { type Rng, rng } from "../core/random";
import { excerpt } from "../core/excerpt";

/** bAbI's people, places and verbs of motion (the words of chapter 13's hand-set network). */
export const BABI_PEOPLE = ["mary", "john", "sandra", "daniel"] as const;
export const BABI_PLACES = ["bathroom", "hallway", "kitchen", "garden", "office", "bedroom"] as const;
export const BABI_MOVES = ["moved", "went", "journeyed", "travelled"] as const;
/** Task 2's objects and the phrases that pick one up or put it down. */
export const BABI_OBJECTS = ["football", "apple", "milk"] as const;
export const BABI_GETS = ["picked up", "got", "grabbed", "took"] as const;
export const BABI_DROPS = ["dropped", "discarded", "put down", "left"] as const;

/** The model's vocabulary: index 0 is padding; answers are words too (softmax over all of them). */
export const BABI_VOCAB: readonly string[] = [
  "<pad>",
  "mary",
  "john",
  "sandra",
  "daniel",
  "bathroom",
  "hallway",
  "kitchen",
  "garden",
  "office",
  "bedroom",
  "moved",
  "went",
  "journeyed",
  "travelled",
  "to",
  "the",
  "back",
  "where",
  "is",
  "football",
  "apple",
  "milk",
  "picked",
  "up",
  "got",
  "grabbed",
  "took",
  "dropped",
  "discarded",
  "put",
  "down",
  "left",
];
/** A word's id, or −1 (a lookup in 33 words; no table is built at load, so bundles can drop this module). */
const idOf = (w: string): number => BABI_VOCAB.indexOf(w);

/** A story per task that the widget shows first and draws while the model trains. */
export const BABI_EXAMPLES: Record<BabiTask, { sentences: string[]; question: string }> = {
  1: {
    sentences: [
      "Mary moved to the bathroom.",
      "John went to the hallway.",
      "Mary went to the kitchen.",
      "Daniel travelled to the office.",
    ],
    question: "Where is Mary?",
  },
  2: {
    sentences: [
      "John went to the garden.",
      "John picked up the football.",
      "Mary moved to the kitchen.",
      "John travelled to the office.",
      "Sandra went to the bedroom.",
    ],
    question: "Where is the football?",
  },
};

/** Words per sentence (the longest: "Mary went back to the kitchen"). */
export const BABI_SENTENCE_WORDS = 6;
/** The longest story a reader may write and the generator makes. */
export const BABI_MAX_SENTENCES = 12;

export type BabiTask = 1 | 2;

/** A story, its question, the answer and the indices of the supporting sentences. */
export interface BabiStory {
  sentences: string[];
  question: string;
  answer: string;
  /** Task 1: the last sentence naming the person. Task 2: the last sentence naming the object, then the holder's move. */
  supporting: number[];
}

/**
 * The words of a reader's sentence, lower-cased: runs of letters and digits. (The vocabulary is
 * plain ASCII, so this small splitter does what `tokenize` does for it, and keeps the widget's
 * bundle free of the shared tokenizer.)
 */
const tokenize = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[r.int(xs.length)];
const isPerson = (w: string) => (BABI_PEOPLE as readonly string[]).includes(w);
const isPlace = (w: string) => (BABI_PLACES as readonly string[]).includes(w);
const isObject = (w: string) => (BABI_OBJECTS as readonly string[]).includes(w);
const DROP_WORDS: readonly string[] = ["dropped", "discarded", "put", "left"];

/** A story as lower-case words (the generator's form; the text is derived from it). */
interface Words {
  sentences: string[][];
  question: string[];
}

const moveWords = (r: Rng, who: string, where: string): string[] => {
  const verb = pick(r, BABI_MOVES);
  return verb === "went" && r.uniform() < 0.3
    ? [who, verb, "back", "to", "the", where]
    : [who, verb, "to", "the", where];
};

/** Task 1: 2–10 moves of random people, a question about one of them. */
function task1(r: Rng): Words {
  const n = 2 + r.int(9);
  const sentences: string[][] = [];
  for (let i = 0; i < n; i++) sentences.push(moveWords(r, pick(r, BABI_PEOPLE), pick(r, BABI_PLACES)));
  const who = pick(r, [...new Set(sentences.map((s) => s[0]))]);
  return { sentences, question: ["where", "is", who] };
}

/**
 * Task 2: 4–12 events simulated on a small world (people have places; an object is held by at
 * most one person, is picked up only where it lies, and moves with its holder), then a question
 * about an object whose place the story determines.
 */
function task2(r: Rng): Words {
  for (;;) {
    const n = 4 + r.int(9);
    const at = new Map<string, string>();
    const holder = new Map<string, string>();
    const lies = new Map<string, string>();
    const sentences: string[][] = [];
    while (sentences.length < n) {
      const who = pick(r, BABI_PEOPLE);
      const x = r.uniform();
      const held = BABI_OBJECTS.filter((o) => holder.get(o) === who);
      if (x < 0.5 || !at.has(who)) {
        const where = pick(r, BABI_PLACES);
        at.set(who, where);
        for (const o of held) lies.set(o, where);
        sentences.push(moveWords(r, who, where));
      } else if (x < 0.8) {
        const here = at.get(who) as string;
        const free = BABI_OBJECTS.filter((o) => !holder.has(o) && (lies.get(o) ?? here) === here);
        if (free.length === 0) continue;
        const o = pick(r, free);
        holder.set(o, who);
        lies.set(o, here);
        sentences.push([who, ...pick(r, BABI_GETS).split(" "), "the", o]);
      } else {
        if (held.length === 0) continue;
        const o = pick(r, held);
        holder.delete(o);
        sentences.push([who, ...pick(r, BABI_DROPS).split(" "), "the", o]);
      }
    }
    const known = BABI_OBJECTS.filter((o) => lies.has(o));
    if (known.length > 0) return { sentences, question: ["where", "is", "the", pick(r, known)] };
  }
}

const toText = (ws: string[], end: string) => `${cap(ws.join(" "))}${end}`;

/**
 * One generated story of a task, drawn from `r`, with its answer and supporting sentences.
 *
 * $$\text{task 1: } \texttt{Where is P?} \mapsto \text{the place of the last sentence naming P}$$
 *
 * @example
 * models.babiStory(2, rng(3)).supporting.length;
 * // returns 2
 *
 * @see {@link babiAnswer}, {@link babiStream}
 */
export function babiStory(task: BabiTask, r: Rng): BabiStory {
  return fromWords(task === 1 ? task1(r) : task2(r));
}

function fromWords(w: Words): BabiStory & { words: Words } {
  const a = answerWords(w.sentences, w.question) as Answer;
  return {
    sentences: w.sentences.map((s) => toText(s, ".")),
    question: toText(w.question, "?"),
    ...a,
    words: w,
  };
}

type Answer = { answer: string; supporting: number[] };

/**
 * The answer to a question about a story by the task's rule, read from the words alone, with the
 * supporting sentences; null when the story does not determine it. "Where is P?": the place of the
 * last sentence that names P and a place. "Where is the O?": the last sentence naming O says who
 * had it (P); if P picked it up, O is where P last went; if P dropped it, where P last went before
 * dropping it.
 *
 * $$a = \text{place}\big(\max\{i : x_i \text{ moves } P,\ i < i^\ast\}\big)$$
 *
 * @example
 * models.babiAnswer(["John took the milk.", "John went to the garden."], "Where is the milk?");
 * // returns {"answer": "garden", "supporting": [0, 1]}
 */
export function babiAnswer(sentences: readonly string[], question: string): Answer | null {
  return answerWords(sentences.map(tokenize), tokenize(question));
}

function answerWords(words: readonly string[][], q: readonly string[]): Answer | null {
  const placeOf = (ws: string[]) => ws.find(isPlace);
  const lastMove = (who: string, before: number): number => {
    for (let i = before - 1; i >= 0; i--) if (words[i].includes(who) && placeOf(words[i])) return i;
    return -1;
  };
  const person = q.find(isPerson);
  if (person) {
    const i = lastMove(person, words.length);
    return i < 0 ? null : { answer: placeOf(words[i]) as string, supporting: [i] };
  }
  const object = q.find(isObject);
  if (!object) return null;
  let k = words.length - 1;
  while (k >= 0 && !words[k].includes(object)) k--;
  if (k < 0) return null;
  const who = words[k].find(isPerson);
  if (!who) return null;
  const i = lastMove(who, words[k].some((w) => DROP_WORDS.includes(w)) ? k : words.length);
  return i < 0 ? null : { answer: placeOf(words[i]) as string, supporting: [k, i] };
}

/** A story as token ids: (n × J) sentence rows and the question's J ids, 0 = padding. */
export interface EncodedStory {
  sentences: Int32Array;
  count: number;
  question: Int32Array;
}

/** A reader's input the model cannot take: a RangeError whose `field` says where to show it. */
export type BabiInputError = RangeError & { field: "story" | "question" };

function inputError(field: "story" | "question", message: string): BabiInputError {
  return Object.assign(new RangeError(message), { field });
}

/** Whether `e` is a {@link BabiInputError} (and so names its field). */
export function isBabiInputError(e: unknown): e is BabiInputError {
  return e instanceof RangeError && "field" in e;
}

/** Split a story into sentences at full stops, question marks and line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/[\n.?!]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function encodeWords(text: string, field: "story" | "question", into: Int32Array, at: number): void {
  const ws = tokenize(text);
  if (ws.length === 0)
    throw inputError(
      field,
      field === "story" ? "A sentence has no words." : "Ask a question, e.g. “Where is Mary?”.",
    );
  const unknown = [...new Set(ws.filter((w) => idOf(w) < 1))];
  if (unknown.length)
    throw inputError(
      field,
      `Not in the model's vocabulary: ${unknown
        .slice(0, 5)
        .map((w) => `“${excerpt(w)}”`)
        .join(
          ", ",
        )}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ""}. It knows the people (Mary, John, Sandra, Daniel), the six rooms, the objects (football, apple, milk) and the verbs of the generated stories.`,
    );
  if (ws.length > BABI_SENTENCE_WORDS)
    throw inputError(
      field,
      `“${excerpt(text)}” has ${ws.length} words; a sentence may have at most ${BABI_SENTENCE_WORDS}.`,
    );
  ws.forEach((w, j) => (into[at + j] = idOf(w)));
}

/**
 * Encode a story (sentences) and a question as token ids. Throws a {@link BabiInputError} (a
 * RangeError that names the field) for an empty or too long story, an unknown word or a sentence
 * of more than six words.
 *
 * $$x_{ij} = \mathrm{id}(\text{word } j \text{ of sentence } i),\ 0 = \text{padding}$$
 *
 * @example
 * Array.from(models.encodeBabi(["Mary went to the kitchen."], "Where is Mary?").question);
 * // returns [18, 19, 1, 0, 0, 0]
 */
export function encodeBabi(sentences: readonly string[], question: string): EncodedStory {
  const J = BABI_SENTENCE_WORDS;
  if (sentences.length === 0) throw inputError("story", "Write at least one sentence.");
  if (sentences.length > BABI_MAX_SENTENCES)
    throw inputError(
      "story",
      `The story has ${sentences.length} sentences; the memory holds at most ${BABI_MAX_SENTENCES}.`,
    );
  const s = new Int32Array(sentences.length * J);
  sentences.forEach((text, i) => encodeWords(text, "story", s, i * J));
  return { sentences: s, count: sentences.length, question: encodeQuestion(question) };
}

function encodeQuestion(question: string): Int32Array {
  const q = new Int32Array(BABI_SENTENCE_WORDS);
  encodeWords(question, "question", q, 0);
  return q;
}

/**
 * What is wrong with a reader's story and with their question, each on its own (null when
 * fine), so a widget can show both messages beside their fields at once.
 *
 * $$\text{errors}(x, q) = (\text{story}, \text{question})$$
 *
 * @example
 * models.babiInputErrors(["Mary went to the garden."], "Where is Bob?").question;
 * // returns "Not in the model's vocabulary: “bob”. It knows the people (Mary, John, Sandra, Daniel), the six rooms, the objects (football, apple, milk) and the verbs of the generated stories."
 */
export function babiInputErrors(
  sentences: readonly string[],
  question: string,
): { story: string | null; question: string | null } {
  const messageOf = (f: () => unknown): string | null => {
    try {
      f();
      return null;
    } catch (e) {
      if (isBabiInputError(e)) return e.message;
      throw e;
    }
  };
  return {
    story: messageOf(() => encodeBabi(sentences, "where is mary")),
    question: messageOf(() => encodeQuestion(question)),
  };
}

/**
 * A batch of stories for the memory network. Memory slot i of story b is row i·B + b (the stacked
 * layout of `seqAttention`); `age` counts back from the story's latest sentence (0 = latest), as
 * the temporal encoding reads it; `allowed` (B × L) marks the slots that hold a sentence.
 */
export interface BabiBatch {
  size: number;
  slots: number;
  /** (L·B × J) token ids. */
  memory: Int32Array;
  /** (L·B) ages. */
  age: Int32Array;
  /** (B × L) 1 where slot i of story b holds a sentence (or an inserted empty memory). */
  allowed: Uint8Array;
  /** (B × J) question ids. */
  question: Int32Array;
  /** (B) answer ids. */
  answer: Int32Array;
}

/**
 * Stack encoded stories into a batch. With `noise` > 0, empty memories are inserted at random
 * before sentences (each with that probability, the paper's "random noise": 10 %), up to
 * `maxSlots` slots, so the temporal encoding cannot rely on exact positions.
 */
export function babiBatch(
  stories: ReadonlyArray<{ encoded: EncodedStory; answer: number }>,
  noise = 0,
  r: Rng | null = null,
  maxSlots = BABI_MAX_SENTENCES + 4,
): BabiBatch {
  const J = BABI_SENTENCE_WORDS;
  const B = stories.length;
  const layouts = stories.map(({ encoded }) => {
    const rows: number[] = []; // sentence index or −1 for an empty memory
    for (let i = 0; i < encoded.count; i++) {
      if (noise > 0 && r && rows.length + encoded.count - i < maxSlots && r.uniform() < noise) rows.push(-1);
      rows.push(i);
    }
    return rows;
  });
  const L = Math.max(...layouts.map((l) => l.length));
  const memory = new Int32Array(L * B * J);
  const age = new Int32Array(L * B);
  const allowed = new Uint8Array(B * L);
  const question = new Int32Array(B * J);
  const answer = new Int32Array(B);
  stories.forEach(({ encoded, answer: a }, b) => {
    const rows = layouts[b];
    rows.forEach((s, i) => {
      const slot = i * B + b;
      age[slot] = rows.length - 1 - i;
      allowed[b * L + i] = 1;
      if (s >= 0) memory.set(encoded.sentences.subarray(s * J, (s + 1) * J), slot * J);
    });
    question.set(encoded.question, b * J);
    answer[b] = a;
  });
  return { size: B, slots: L, memory, age, allowed, question, answer };
}

type Generated = ReturnType<typeof fromWords>;
const storyKey = (s: Generated) => `${s.words.sentences.join(" ")}|${s.words.question.join(" ")}`;
/** Generated words are known, so they become ids without the reader's checks. */
function encodeStory(s: Generated) {
  const J = BABI_SENTENCE_WORDS;
  const ids = (ws: string[], into: Int32Array, at: number) => ws.forEach((w, j) => (into[at + j] = idOf(w)));
  const sentences = new Int32Array(s.words.sentences.length * J);
  s.words.sentences.forEach((ws, i) => ids(ws, sentences, i * J));
  const question = new Int32Array(J);
  ids(s.words.question, question, 0);
  return {
    encoded: { sentences, count: s.words.sentences.length, question },
    answer: idOf(s.answer),
  };
}

/** The held-out set of a task: the same 500 stories for every seed, none trained on. */
export interface BabiHeldOut {
  stories: BabiStory[];
  batches: BabiBatch[];
  keys: Set<string>;
}

const HELD_OUT_SEED = 20_260_113;

/**
 * The held-out stories of a task (distinct, from a fixed seed), in batches of 100.
 *
 * $$|\mathcal{D}_{\text{held-out}}| = 500$$
 *
 * @example
 * models.babiHeldOut(1).stories.length;
 * // returns 500
 */
export function babiHeldOut(task: BabiTask, count = 500): BabiHeldOut {
  const r = rng(HELD_OUT_SEED + task);
  const keys = new Set<string>();
  const stories: Generated[] = [];
  while (stories.length < count) {
    const s = fromWords(task === 1 ? task1(r) : task2(r));
    const k = storyKey(s);
    if (keys.has(k)) continue;
    keys.add(k);
    stories.push(s);
  }
  const batches: BabiBatch[] = [];
  for (let i = 0; i < count; i += 100) batches.push(babiBatch(stories.slice(i, i + 100).map(encodeStory)));
  return { stories, batches, keys };
}

/**
 * A seeded stream of training batches of a task's stories, none of them in the held-out set,
 * with random empty memories inserted (probability `noise` before each sentence).
 *
 * $$(x, q, a) \sim \text{generator}(\text{seed})$$
 *
 * @example
 * const next = models.babiStream(2, 1, 8, models.babiHeldOut(2, 10).keys); next().size;
 * // returns 8
 */
export function babiStream(task: BabiTask, seed: number, size: number, exclude: Set<string>, noise = 0.1) {
  const r = rng(seed);
  return (): BabiBatch => {
    const stories: Generated[] = [];
    while (stories.length < size) {
      const s = fromWords(task === 1 ? task1(r) : task2(r));
      if (!exclude.has(storyKey(s))) stories.push(s);
    }
    return babiBatch(stories.map(encodeStory), noise, r);
  };
}

/** The answer's vocabulary id. */
export function babiWordId(word: string): number {
  const i = idOf(word);
  if (i < 0) throw new RangeError(`babiWordId: “${excerpt(word)}” is not in the vocabulary`);
  return i;
}
