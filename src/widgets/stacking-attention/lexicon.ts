import { rng, tokenize } from "../../../lib";

/** The four interpretable features of the widgets' tiny word vectors. */
export const FEATURES = ["food", "service", "price", "mood"] as const;
export const ASPECTS = ["food", "service", "price"] as const;
export type Aspect = (typeof ASPECTS)[number];

/** A hand-made lexicon: [food, service, price, mood]. Words not listed get small seeded noise only. */
const LEXICON = new Map<string, readonly [number, number, number, number]>(
  Object.entries({
    pasta: [1, 0, 0, 0],
    pizza: [1, 0, 0, 0],
    soup: [1, 0, 0, 0],
    bread: [0.9, 0, 0, 0],
    dessert: [1, 0, 0, 0],
    dish: [0.9, 0, 0, 0],
    food: [1, 0, 0, 0],
    meal: [0.9, 0, 0, 0],
    wine: [0.8, 0, 0.1, 0],
    menu: [0.5, 0, 0.2, 0],
    tasty: [0.7, 0, 0, 0.8],
    delicious: [0.8, 0, 0, 0.9],
    bland: [0.7, 0, 0, -0.7],
    salty: [0.6, 0, 0, -0.5],
    fresh: [0.5, 0, 0, 0.5],
    cooked: [0.6, 0, 0, 0],
    waiter: [0, 1, 0, 0],
    waitress: [0, 1, 0, 0],
    staff: [0, 1, 0, 0],
    service: [0, 1, 0, 0],
    friendly: [0, 0.7, 0, 0.8],
    rude: [0, 0.8, 0, -0.9],
    slow: [0, 0.6, 0, -0.6],
    quick: [0, 0.5, 0, 0.5],
    attentive: [0, 0.8, 0, 0.7],
    served: [0, 0.6, 0, 0],
    ignored: [0, 0.7, 0, -0.8],
    table: [0, 0.4, 0, 0],
    price: [0, 0, 1, 0],
    prices: [0, 0, 1, 0],
    paid: [0, 0, 0.9, 0],
    bill: [0, 0, 0.9, 0],
    dollars: [0, 0, 0.9, 0],
    cheap: [0, 0, 0.9, 0.4],
    expensive: [0, 0, 0.9, -0.5],
    overpriced: [0, 0, 0.9, -0.8],
    worth: [0, 0, 0.7, 0.6],
    value: [0, 0, 0.8, 0.3],
    great: [0, 0, 0, 0.9],
    good: [0, 0, 0, 0.7],
    excellent: [0, 0, 0, 1],
    amazing: [0, 0, 0, 1],
    lovely: [0, 0, 0, 0.8],
    loved: [0, 0, 0, 0.9],
    terrible: [0, 0, 0, -1],
    awful: [0, 0, 0, -1],
    bad: [0, 0, 0, -0.8],
    disappointing: [0, 0, 0, -0.8],
    hated: [0, 0, 0, -0.9],
  } satisfies Record<string, [number, number, number, number]>),
);

/** Standard deviation of the seeded noise added to every word vector. */
export const NOISE = 0.08;

/** A stable 32-bit hash of a word (FNV-1a), so each word has its own seeded noise. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The word vector of one word: its lexicon entry (if any) plus seeded noise. The word is looked up
 * in a `Map`, so a typed word such as "constructor" is just an unknown word.
 */
export function embed(word: string, seed: number): number[] {
  const w = word.toLowerCase();
  const base = LEXICON.get(w) ?? [0, 0, 0, 0];
  const r = rng((hash(w) ^ Math.imul(seed, 0x9e3779b1)) >>> 0);
  return base.map((v) => v + NOISE * r.normal());
}

/** Split a document into sentences at . ! ? or line breaks; empty sentences are dropped. */
export function sentences(text: string): string[][] {
  return text
    .split(/[.!?\n]+/)
    .map(tokenize)
    .filter((s) => s.length > 0);
}

/** The query (context vector) for an aspect: strength κ along that feature. */
export function aspectQuery(aspect: Aspect, kappa: number, dims: number = FEATURES.length): number[] {
  const u = new Array<number>(dims).fill(0);
  u[ASPECTS.indexOf(aspect)] = kappa;
  return u;
}
