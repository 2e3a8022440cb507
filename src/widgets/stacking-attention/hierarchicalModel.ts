import { hierarchicalAttention } from "../../../lib";
import { fields } from "../primitives/urlState";
import { ASPECTS, type Aspect, aspectQuery, embed, sentences } from "./lexicon";

export const MAX_SENTENCES = 8;
export const MAX_WORDS = 25;

/** The state a link to this widget reproduces (seed included). */
export const hanSpec = {
  doc: fields.text(
    "The pasta was delicious and fresh. Our waiter was rude and slow. We paid forty dollars, which felt expensive. Still, the dessert was amazing!",
    2000,
  ),
  aspect: fields.choice<Aspect>("food", ASPECTS),
  kappa: fields.number(4, 0, 10),
  seed: fields.int(1, 0, 99999),
};

export interface HanInput {
  doc: string;
  aspect: Aspect;
  kappa: number;
  seed: number;
}

export interface HanView {
  sentences: { words: string[]; weights: number[] }[];
  sentenceWeights: number[];
  document: number[];
}

export type HanOutcome = { ok: true; view: HanView } | { ok: false; error: string };

/** Embed the reader's document and run two-level attention with the aspect as both context vectors. */
export function computeHan(s: HanInput): HanOutcome {
  const sents = sentences(s.doc);
  if (sents.length === 0)
    return { ok: false, error: "The document has no words: type at least one sentence." };
  if (sents.length > MAX_SENTENCES) {
    return {
      ok: false,
      error: `The document has ${sents.length} sentences; at most ${MAX_SENTENCES} are allowed here.`,
    };
  }
  const long = sents.findIndex((w) => w.length > MAX_WORDS);
  if (long >= 0) {
    return {
      ok: false,
      error: `Sentence ${long + 1} has ${sents[long].length} words; at most ${MAX_WORDS} are allowed.`,
    };
  }
  const u = aspectQuery(s.aspect, s.kappa);
  const r = hierarchicalAttention(
    sents.map((ws) => ws.map((w) => embed(w, s.seed))),
    u,
    u,
  );
  return {
    ok: true,
    view: {
      sentences: sents.map((ws, i) => ({ words: ws, weights: Array.from(r.words[i].weights) })),
      sentenceWeights: Array.from(r.sentence.weights),
      document: Array.from(r.document),
    },
  };
}
