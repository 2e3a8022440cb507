import { type GatHead, gatMultiHead, gcnNormalize, rng } from "../../../lib";
import { fields } from "../primitives/urlState";
import { fmt } from "../primitives/matrixText";
import { type Graph, adjacency, decodeGraph, graphField, graphPresets } from "./graphCodec";

/** Input features per node and output features per head. */
export const F_IN = 3;
export const F_OUT = 2;

/** The state a link to this widget reproduces: graph, seed, heads, the head drawn, the selected node. */
export const gatSpec = {
  g: graphField(graphPresets.small.graph),
  seed: fields.int(1, 0, 999999),
  heads: fields.int(1, 1, 8),
  head: fields.int(1, 1, 8),
  node: fields.int(0, 0, 35),
};

/** Seeded node features: node i's three numbers depend only on (seed, i), so editing keeps them. */
export function nodeFeatures(seed: number, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const r = rng(seed * 1009 + i * 7919 + 17);
    return Array.from({ length: F_IN }, () => Math.round(r.normal() * 100) / 100);
  });
}

/** Seeded head weights: W is (F_in × F_out), a has 2·F_out entries; head k depends on (seed, k). */
export function headWeights(seed: number, heads: number): { W: number[][]; a: number[] }[] {
  return Array.from({ length: heads }, (_, k) => {
    const r = rng(seed * 31 + (k + 1) * 104729);
    const round = () => Math.round(r.normal() * 100) / 100;
    return {
      W: Array.from({ length: F_IN }, () => Array.from({ length: F_OUT }, round)),
      a: Array.from({ length: 2 * F_OUT }, round),
    };
  });
}

export interface NeighbourRow {
  j: number;
  Wh: number[];
  e: number;
  alpha: number;
  gcn: number;
}

export interface GatView {
  graph: Graph;
  X: number[][];
  heads: { W: number[][]; a: number[] }[];
  /** Attention of the drawn head, (N × N). */
  attention: number[][];
  /** GCN's fixed weights D^{-1/2}(A+I)D^{-1/2}, (N × N). */
  gcn: number[][];
  node: number;
  head: number;
  rows: NeighbourRow[];
  /** Σ_j α_ij W h_j for the drawn head, and ELU of it. */
  sum: number[];
  hPrime: number[];
  /** The node's output with all heads concatenated (length heads·F_out). */
  concat: number[];
  /**
   * Static attention (Brody, Alon and Yahav, 2022), for the drawn head: of the `asked` nodes with
   * two or more candidates (self-loop included), how many give their largest weight to the
   * candidate with the largest key term a₂ᵀWhⱼ. GAT's score is monotone in that term for every
   * query node, so this is all of them, up to ties.
   */
  staticTop: { matches: number; asked: number };
  tex: string;
}

/** Run one multi-head GAT layer (and GCN's normalisation) on the graph with lib/. */
export function computeGat(s: {
  g: string;
  seed: number;
  heads: number;
  head: number;
  node: number;
}): GatView {
  const graph = decodeGraph(s.g);
  const n = graph.nodes.length;
  const X = nodeFeatures(s.seed, n); // (N, F_in)
  const heads = headWeights(s.seed, s.heads);
  const adj = adjacency(graph, true); // (N, N), self-loops included as in the paper
  const res = gatMultiHead(X, adj, heads as GatHead[], { combine: "concat", activation: "elu" });
  const gcn = gcnNormalize(adjacency(graph, false)).toArray(); // (N, N); adds A + I itself
  const head = Math.min(s.head, s.heads) - 1;
  const node = Math.min(s.node, n - 1);
  const layer = res.heads[head];
  const attention = layer.attention.toArray();
  const Wh = layer.Wh.toArray();
  const e = layer.e.toArray();
  const rows: NeighbourRow[] = [];
  for (let j = 0; j < n; j++) {
    if (adj[node][j])
      rows.push({ j, Wh: Wh[j], e: e[node][j], alpha: attention[node][j], gcn: gcn[node][j] });
  }
  const sum = Array.from({ length: F_OUT }, (_, t) => rows.reduce((acc, r) => acc + r.alpha * r.Wh[t], 0));
  const a2 = heads[head].a.slice(F_OUT);
  const keyTerm = Wh.map((whj) => whj.reduce((acc, x, t) => acc + a2[t] * x, 0));
  const staticTop = { matches: 0, asked: 0 };
  for (let i = 0; i < n; i++) {
    const cands = adj[i].flatMap((on, j) => (on ? [j] : []));
    if (cands.length < 2) continue;
    const best = (score: (j: number) => number) => cands.reduce((b, j) => (score(j) > score(b) ? j : b));
    staticTop.asked++;
    if (best((j) => attention[i][j]) === best((j) => keyTerm[j])) staticTop.matches++;
  }
  const hPrime = layer.hPrime.toArray()[node];
  const concat = res.output.toArray()[node];
  return {
    graph,
    X,
    heads,
    attention,
    gcn,
    node,
    head,
    rows,
    sum,
    hPrime,
    concat,
    staticTop,
    tex: nodeTex(node, head, s.heads, rows, sum, hPrime),
  };
}

/** A vector in TeX; long ones are cut after six entries (the table lists them all). */
const vec = (v: number[]) =>
  `[${v
    .slice(0, 5)
    .map((x) => fmt(x, 3))
    .join(",\\ ")}${v.length > 5 ? ",\\ \\dots" : ""}]`;

function nodeTex(
  i: number,
  head: number,
  heads: number,
  rows: NeighbourRow[],
  sum: number[],
  hp: number[],
): string {
  const I = i + 1;
  const sup = heads > 1 ? `^{(${head + 1})}` : "";
  const js =
    rows
      .map((r) => r.j + 1)
      .slice(0, 12)
      .join(", ") + (rows.length > 12 ? ", \\dots" : "");
  const short = rows.length <= 3;
  const terms = short ? rows.map((r) => `${fmt(r.alpha, 3)}\\,${vec(r.Wh)}`).join(" + ") + " = " : "";
  return [
    "\\begin{aligned}",
    `\\mathcal{N}(${I}) \\cup \\{${I}\\} &= \\{${js}\\} \\\\`,
    `e${sup}_{${I}j} &= \\mathrm{LeakyReLU}\\big(a^{${heads > 1 ? `(${head + 1})` : ""}\\top}[W${sup} h_{${I}} \\,;\\, W${sup} h_j]\\big) \\\\`,
    `&= ${vec(rows.map((r) => r.e))} \\\\`,
    `\\alpha${sup}_{${I}j} &= \\operatorname{softmax}_j(e${sup}_{${I}j}) = ${vec(rows.map((r) => r.alpha))} \\\\`,
    `\\textstyle\\sum_j \\alpha${sup}_{${I}j} W${sup} h_j &= ${terms}${vec(sum)} \\\\`,
    `h^{\\prime${heads > 1 ? `(${head + 1})` : ""}}_{${I}} &= \\mathrm{ELU}\\big(${vec(sum)}\\big) = ${vec(hp)}`,
    "\\end{aligned}",
  ].join("\n");
}
