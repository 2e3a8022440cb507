import type { GraphNet, NodeAnswer } from "../../../lib/models/nodeClassification";
import { sig } from "../primitives/format";
import { longMatrixCells, matrixCell, scalarCell, vectorCell } from "../primitives/notebookCells";
import { texAligned, texSum, texVector } from "../primitives/texNumbers";
import { NET_LABELS } from "./trainKarateModel";

/** Three significant digits, as the member's table under the drawings prints its weights and scores. */
const f3 = (x: number) => sig(x, 3);
/** The LeakyReLU's negative slope in both attention layers (the papers' 0.2). */
const SLOPE = 0.2;
const leaky = (z: number) => (z > 0 ? z : SLOPE * z);
const paren = (x: number) => (x < 0 ? `(${f3(x)})` : f3(x));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, f) => s + x * b[f], 0);

/** The neighbour (index into `neighbours`, the member itself first) with the largest weight in `net`. */
export function topNeighbour(answer: NodeAnswer, net: GraphNet): number {
  const w = answer.nets[net].weight;
  return w.indexOf(Math.max(...w));
}

/**
 * The live equation of one member's first-layer weights in one network, with the trained numbers:
 * GAT's score e_ij = LeakyReLU(aᵀ[W hᵢ ; W hⱼ]) split into its query and key terms, GATv2's
 * e_ij = aᵀ LeakyReLU(W[hᵢ ; hⱼ]) = aᵀ LeakyReLU(W_q hᵢ + W_k hⱼ) written out for the top
 * neighbour, each followed by the softmax over the member and its neighbours; GCN's fixed
 * c_ij = 1/√(d̃ᵢ d̃ⱼ).
 */
export function karateTex(answer: NodeAnswer, net: GraphNet): string {
  const i = answer.node + 1;
  const js = answer.neighbours.map((j) => j + 1);
  const top = topNeighbour(answer, net);
  const jt = js[top];
  const { weight } = answer.nets[net];
  const hood = `j &\\in \\{${js.join(", ")}\\} = \\{${i}\\} \\cup \\mathcal{N}(${i})`;
  if (net === "gcn") {
    const d = answer.layer.gcn.degree;
    return texAligned([
      `c_{ij} &= \\frac{1}{\\sqrt{\\tilde d_i\\, \\tilde d_j}},\\quad \\tilde d_j = \\text{degree} + 1 \\quad \\text{(fixed, not learned)}`,
      hood,
      `\\tilde d_j &= ${texVector(d, String)}`,
      `c_{${i},j} &= ${texVector(weight, f3)}`,
      `c_{${i},${jt}} &= \\frac{1}{\\sqrt{${d[0]} \\cdot ${d[top]}}} = ${f3(weight[top])}`,
    ]);
  }
  const e = answer.nets[net].score ?? [];
  const softmaxLines = [
    `e_{${i},j} &= ${texVector(e, f3)}`,
    `\\alpha_{${i},j} &= \\operatorname{softmax}_j(e_{${i},j}) = ${texVector(weight, f3)}`,
    `\\alpha_{${i},${jt}} &= \\frac{\\exp(${f3(e[top])})}{\\sum_{j} \\exp(e_{${i},j})} = ${f3(weight[top])}`,
  ];
  if (net === "gat") {
    const { Wh, a } = answer.layer.gat;
    const H = a.length / 2;
    const q = dot(a.slice(0, H), Wh[0]);
    const k = Wh.map((r) => dot(a.slice(H), r));
    return texAligned([
      `e_{ij} &= \\mathrm{LeakyReLU}(a^\\top [W h_i \\,;\\, W h_j]) = \\mathrm{LeakyReLU}(a_1^\\top W h_i + a_2^\\top W h_j)`,
      hood,
      `a_1^\\top W h_{${i}} &= ${f3(q)}`,
      `a_2^\\top W h_j &= ${texVector(k, f3)}`,
      `e_{${i},${jt}} &= \\mathrm{LeakyReLU}(${f3(q)} + ${f3(k[top])}) = ${f3(e[top])}`,
      ...softmaxLines,
    ]);
  }
  const { q, k, a } = answer.layer.gatv2;
  const z = q.map((x, f) => x + k[top][f]);
  return texAligned([
    `e_{ij} &= a^\\top \\mathrm{LeakyReLU}(W [h_i \\,;\\, h_j]) = a^\\top \\mathrm{LeakyReLU}(W_q h_i + W_k h_j)`,
    hood,
    `a &= ${texVector(a, f3)}`,
    `W_q h_{${i}} &= ${texVector(q, f3)}`,
    `W_k h_{${jt}} &= ${texVector(k[top], f3)}`,
    // Every term a_f · LeakyReLU(W_q h_i + W_k h_j)_f, negative factors in parentheses.
    `e_{${i},${jt}} &= ${texSum(
      a.map((af, f) => `${f3(af)} \\cdot ${paren(leaky(z[f]))}`),
      a.length,
    ).replace(/\+ -/g, "- ")} = ${f3(e[top])}`,
    ...softmaxLines,
  ]);
}

/**
 * One sentence for the equation's label and the line above it. Every member that shares the
 * largest weight is named: GCN's fixed weights tie for all neighbours of the same degree.
 */
export function karateSummary(answer: NodeAnswer, net: GraphNet): string {
  const w = answer.nets[net].weight;
  const max = Math.max(...w);
  const tops = answer.neighbours.filter((_, t) => w[t] === max).map((j) => j + 1);
  const others = tops.filter((j) => j !== answer.node + 1);
  const names =
    others.length > 1
      ? `members ${others.slice(0, -1).join(", ")} and ${others.at(-1)}`
      : `member ${others[0]}`;
  const who = others.length === 0 ? "itself" : others.length < tops.length ? `itself and ${names}` : names;
  return `${NET_LABELS[net]}: member ${answer.node + 1} spreads its first-layer ${net === "gcn" ? "fixed weights" : "attention"} over itself and its ${answer.neighbours.length - 1} neighbours; the largest, ${f3(max)}, is on ${who}${tops.length > 1 ? ` (a ${tops.length}-way tie)` : ""}.`;
}

/**
 * Notebook cells that recompute one member's first-layer weights in one network from carried
 * weights. GAT: the rows W hⱼ of the member and its neighbours and a; e = LeakyReLU(query + keys)
 * with the LeakyReLU as 0.6z + 0.4|z| (slope 0.2); α = softmax(e). GATv2: W_q hᵢ, the rows W_k hⱼ
 * and a; e_j = aᵀ LeakyReLU(W_q hᵢ + W_k hⱼ) for all j at once. GCN: the degrees with self-loops
 * and c = 1/√(d̃ᵢ d̃ⱼ).
 */
export function karateCells(answer: NodeAnswer, net: GraphNet, step: number): string[] {
  const i = answer.node + 1;
  const js = answer.neighbours.map((j) => j + 1);
  const head = `# The trained ${NET_LABELS[net]} at training step ${step}, member ${i} of the karate club and its neighbours j = ${js.join(", ")} (the member first). The node features are one-hot, so W h_j is column j of the first layer's W (the cells hold one W h_j per row);`;
  if (net === "gcn")
    return [
      `${head} GCN learns no weights between members: d holds the degrees with the self-loop, the cells compute c_ij = 1/sqrt(d_i d_j).`,
      vectorCell("d", answer.layer.gcn.degree),
      "c = 1 ./ map(d[1] * d, sqrt)",
      "sum(c)",
    ];
  if (net === "gat") {
    const { Wh, a } = answer.layer.gat;
    const H = a.length / 2;
    return [
      `${head} Wh holds those rows and a the trained attention vector, as the model's worker has them; the cells compute e_ij = LeakyReLU(a_1' W h_i + a_2' W h_j) (slope 0.2, written 0.6 z + 0.4 |z|) and the softmax over j.`,
      ...longMatrixCells("Wh", Wh),
      vectorCell("a", a),
      `z = (Wh * a[1:${H}])[1] + Wh * a[${H + 1}:${2 * H}]`,
      "e = 0.6 * z + 0.4 * abs(z)",
      "alpha = softmax(e)",
    ];
  }
  const { q, k, a } = answer.layer.gatv2;
  return [
    `${head} Wq_h is W_q h_i (one row), Wk_h holds the rows W_k h_j and a is the trained attention vector, as the model's worker has them; the cells compute e_ij = a' LeakyReLU(W_q h_i + W_k h_j) (slope 0.2, written 0.6 z + 0.4 |z|) and the softmax over j.`,
    matrixCell("Wq_h", [q]),
    ...longMatrixCells("Wk_h", k),
    vectorCell("a", a),
    scalarCell("n", k.length),
    "Z = ones(n, 1) * Wq_h + Wk_h",
    "e = (0.6 * Z + 0.4 * abs(Z)) * a",
    "alpha = softmax(e)",
  ];
}
