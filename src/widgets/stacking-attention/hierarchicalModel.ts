import { hierarchicalAttention } from "../../../lib";
import { fixed, formats } from "../primitives/format";
import { texVector } from "../primitives/texNumbers";
import { fields } from "../primitives/urlState";
import { ASPECTS, type Aspect, FEATURES, aspectQuery, embed, sentences } from "./lexicon";

export const MAX_SENTENCES = 8;
export const MAX_WORDS = 25;

/** The state a link to this widget reproduces (seed included). */
export const hanSpec = {
  // Up to 8 sentences of about 45 characters, words of at most 20 (any script).
  doc: fields.text(
    "The pasta was delicious and fresh. Our waiter was rude and slow. We paid forty dollars, which felt expensive. Still, the dessert was amazing!",
    { maxLength: 350, maxWord: 20 },
  ),
  aspect: fields.choice<Aspect>("food", ASPECTS),
  kappa: fields.number(4, 0, 10),
  seed: fields.int(1, 0, 99999),
  /** The sentence (0-based) whose equation is shown. */
  sent: fields.int(0, 0, MAX_SENTENCES - 1),
};

export interface HanInput {
  doc: string;
  aspect: Aspect;
  kappa: number;
  seed: number;
  sent: number;
}

export interface HanView {
  /** Each sentence's words, their vectors h_it (n_i, 4), scores e_it and weights α_it. */
  sentences: { words: string[]; vectors: number[][]; scores: number[]; weights: number[] }[];
  /** (m, 4) the sentence vectors s_i. */
  sentenceVectors: number[][];
  /** (m) the sentence scores and weights β_i. */
  sentenceScores: number[];
  sentenceWeights: number[];
  document: number[];
  /** The aspect's index among the features: the one entry of the context vector that is not 0. */
  aspectIndex: number;
  kappa: number;
  /** The sentence (0-based) of the equation, clamped to the document. */
  sent: number;
}

export type HanOutcome = { ok: true; view: HanView } | { ok: false; error: string };

/** Embed the reader's document and run two-level attention with the aspect as both context vectors. */
export function computeHan(s: HanInput): HanOutcome {
  const tooLong = hanSpec.doc.message(s.doc, "The document");
  if (tooLong) return { ok: false, error: tooLong };
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
  const vectors = sents.map((ws) => ws.map((w) => embed(w, s.seed))); // m × (n_i, 4)
  const r = hierarchicalAttention(vectors, u, u);
  return {
    ok: true,
    view: {
      sentences: sents.map((ws, i) => ({
        words: ws,
        vectors: vectors[i],
        scores: Array.from(r.words[i].scores),
        weights: Array.from(r.words[i].weights),
      })),
      sentenceVectors: r.sentences.toArray(),
      sentenceScores: Array.from(r.sentence.scores),
      sentenceWeights: Array.from(r.sentence.weights),
      document: Array.from(r.document),
      aspectIndex: ASPECTS.indexOf(s.aspect),
      kappa: s.kappa,
      sent: Math.min(s.sent, sents.length - 1),
    },
  };
}

const vec2 = (v: ArrayLike<number>) => texVector(v, (x) => fixed(x, 2));
const weights3 = (v: ArrayLike<number>) => texVector(v, formats.weight);
const scores = (v: ArrayLike<number>) => texVector(v, formats.score);

/**
 * The equation of the selected sentence with its numbers: word scores (only the aspect's entry
 * of u_w is not 0, and W = I, b = 0 are set by hand), word weights α, the sentence vector s_i,
 * its score and its weight β_i in the document. Vectors print with 2 decimals (as the document
 * vector), weights with 3 (as the table).
 */
export function hanTex(v: HanView): string {
  const i = v.sent;
  const I = i + 1;
  const s = v.sentences[i];
  const a = v.aspectIndex;
  const feature = FEATURES[a];
  const k = formats.score(v.kappa);
  const column = s.vectors.map((h) => h[a]);
  const entries = (x: ArrayLike<number>) => texVector(x, formats.entry);
  const es = formats.score(v.sentenceScores[i]);
  return [
    "\\begin{aligned}",
    `u_{${I}t} &= \\tanh(h_{${I}t} W + b) = \\tanh(h_{${I}t}) && W = I,\\ b = 0 \\text{ (set by hand)} \\\\`,
    `e_{${I}t} &= u_{${I}t}^{\\top} u_w = ${k}\\,\\tanh(h_{${I}t,\\,\\text{${feature}}}) && \\text{the other 3 entries of } u_w \\text{ are } 0 \\\\`,
    `e_{${I}} &= ${k}\\,\\tanh${entries(column)} = ${scores(s.scores)} \\\\`,
    `\\alpha_{${I}} &= \\operatorname{softmax}(e_{${I}}) = ${weights3(s.weights)} \\\\`,
    `s_{${I}} &= \\textstyle\\sum_t \\alpha_{${I}t}\\, h_{${I}t} = ${vec2(v.sentenceVectors[i])} \\\\`,
    `e^{s}_{${I}} &= u_s^{\\top} \\tanh(s_{${I}}) = ${k}\\,\\tanh(${formats.entry(v.sentenceVectors[i][a])}) = ${es} && u_s = u_w \\\\`,
    `\\beta_{${I}} &= \\operatorname{softmax}(e^{s})_{${I}} = ${formats.weight(v.sentenceWeights[i])} \\\\`,
    `v &= \\textstyle\\sum_j \\beta_j s_j = ${vec2(v.document)}`,
    "\\end{aligned}",
  ].join("\n");
}
