import { fmt } from "../primitives/matrixText";
import { fields } from "../primitives/urlState";
import { DIMS, generateStory, type runStory } from "./babi";

const first = generateStory(1);
/** The state a link reproduces: the story and question as written, the seed they came from, hops, the hop written out. */
export const memSpec = {
  seed: fields.int(1, 0, 999999),
  story: fields.text(first.sentences.join("\n")),
  question: fields.text(first.question),
  hops: fields.int(1, 1, 3),
  /** The hop the equation writes out (clamped to the hops there are). */
  hop: fields.int(1, 1, 3),
};

export type StoryResult = ReturnType<typeof runStory>;

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
    shown.map((t) => `${fmt(t.x, 3)}\\,c_{${t.i + 1}}`).join(" + ") + (dropped ? " + \\dots" : "");
  const lines = [
    `m_i \\cdot u^{${k + 1}} &= ${list(r.scores[k], (x) => fmt(x, 4))} \\quad (i = 1, \\dots, ${p.length}) \\\\`,
    `p^{${k + 1}} &= \\operatorname{softmax}(m\\, u^{${k + 1}}) = ${list(p, (x) => x.toFixed(3))} \\\\`,
    `o^{${k + 1}} &= \\textstyle\\sum_i p^{${k + 1}}_i c_i = ${terms} = ${named(r.o[k])} \\\\`,
    `u^{${k + 2}} &= u^{${k + 1}} + o^{${k + 1}} = ${named(r.u[k + 1])}`,
  ];
  if (k === K - 1)
    lines[lines.length - 1] +=
      ` \\\\\n\\hat a &= \\operatorname{softmax}(W u^{${K + 1}}):\\ P(\\text{${r.answer}}) = ${fmt(r.confidence, 3)}`;
  return ["\\begin{aligned}", ...lines, "\\end{aligned}"].join("\n");
}
