/**
 * The trained karate-club widget's state table and the pure pieces of its view: parsing the
 * labelled members, the three networks' names, and the static-attention reading of a view.
 */
import { rankConflicts } from "../../../lib/graph/rankings";
import type {
  GraphNet,
  NetView,
  NodeAnswer,
  NodeClassifierView,
} from "../../../lib/models/nodeClassification";
import { KARATE_EDGES, KARATE_FACTIONS, KARATE_NODES } from "../../data/karate";
import { fields } from "../primitives/urlState";
import { excerpt } from "../../../lib/core/excerpt";

/** What the worker needs to build a run (besides the seed). */
export interface KarateRunOptions {
  /** 0-based labelled members. */
  labelled: number[];
}

export const karateSpec = {
  seed: fields.int(1, 0, 1_000_000),
  /** Labelled members, 1-based, as the reader types them. */
  labelled: fields.text("1 34", { maxLength: 40, ascii: true }),
  /** The member whose neighbourhood the query table shows, 1-based. */
  member: fields.int(34, 1, KARATE_NODES),
  /** The network whose weights for that member the equation writes out. */
  net: fields.choice<GraphNet>("gat", ["gat", "gatv2", "gcn"]),
};

export const NET_LABELS: Record<GraphNet, string> = {
  gat: "GAT",
  gatv2: "GATv2",
  gcn: "GCN",
};

export const FACTION_LABELS = { hi: "Mr. Hi", officer: "Officer" } as const;

/** At most this many labelled members. */
export const MAX_LABELLED = 6;

/**
 * Parse the labelled members ("1 34", "1, 34, 9"): whole numbers from 1 to 34, no repeats, at
 * most six, and at least one of each faction. Returns them 0-based; throws an Error whose message
 * says what to change.
 */
export function parseLabelled(text: string): number[] {
  const long = karateSpec.labelled.message(text, "The list of members");
  if (long) throw new Error(long);
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error("Type the members to label, e.g. 1 34.");
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p) || Number(p) < 1 || Number(p) > KARATE_NODES)
      throw new Error(`“${excerpt(p)}” is not a member: use whole numbers from 1 to ${KARATE_NODES}.`);
    const i = Number(p) - 1;
    if (out.includes(i)) throw new Error(`Member ${p} is listed twice.`);
    out.push(i);
  }
  if (out.length > MAX_LABELLED)
    throw new Error(`Label at most ${MAX_LABELLED} members (you gave ${out.length}).`);
  for (const f of ["hi", "officer"] as const)
    if (!out.some((i) => KARATE_FACTIONS[i] === f))
      throw new Error(`Label at least one member of ${FACTION_LABELS[f]}'s faction.`);
  return out;
}

/** Adjacency with self-loops (N×N, 0/1): the neighbourhoods the attention is over. */
export const KARATE_HOODS: number[][] = Array.from({ length: KARATE_NODES }, (_, i) =>
  Array.from({ length: KARATE_NODES }, (_, j) =>
    i === j || KARATE_EDGES.some(([a, b]) => (a === i && b === j) || (a === j && b === i)) ? 1 : 0,
  ),
);

/** Members (1-based) the network gets wrong among the unlabelled ones. */
export function wrongMembers(view: NetView, labelled: readonly number[]): number[] {
  return view.predicted.flatMap((c, i) =>
    !labelled.includes(i) && c !== (KARATE_FACTIONS[i] === "hi" ? 0 : 1) ? [i + 1] : [],
  );
}

/** How many members' top neighbour (self included) is the neighbour with the largest GAT key term. */
export function topIsLargestKey(view: NetView): number {
  const key = view.key ?? [];
  let n = 0;
  for (let i = 0; i < KARATE_NODES; i++) {
    const hood = KARATE_HOODS[i].flatMap((x, j) => (x ? [j] : []));
    const top = hood.reduce((b, j) => (view.attention[i][j] > view.attention[i][b] ? j : b));
    const byKey = hood.reduce((b, j) => (key[j] > key[b] ? j : b));
    if (top === byKey) n++;
  }
  return n;
}

/** Pairs of members seen together by two or more members, and how many each network ranks both ways. */
export function conflictCounts(view: NodeClassifierView): { pairs: number } & Record<GraphNet, number> {
  const c = (net: GraphNet) => rankConflicts(view[net].attention, KARATE_HOODS);
  const gat = c("gat");
  return { pairs: gat.pairs, gat: gat.conflicting, gatv2: c("gatv2").conflicting, gcn: c("gcn").conflicting };
}

/** Rank (1 = largest weight) of each entry of `weights`; ties share the better rank. */
export function ranks(weights: readonly number[]): number[] {
  return weights.map((w) => 1 + weights.filter((x) => x > w).length);
}

/** The query table's rows: the member, then each neighbour, with each network's weight and rank. */
export function answerRows(answer: NodeAnswer) {
  const r = {
    gat: ranks(answer.nets.gat.weight),
    gatv2: ranks(answer.nets.gatv2.weight),
    gcn: ranks(answer.nets.gcn.weight),
  };
  return answer.neighbours.map((j, t) => ({
    member: j + 1,
    faction: FACTION_LABELS[KARATE_FACTIONS[j]],
    gat: { weight: answer.nets.gat.weight[t], score: answer.nets.gat.score?.[t] ?? NaN, rank: r.gat[t] },
    gatv2: {
      weight: answer.nets.gatv2.weight[t],
      score: answer.nets.gatv2.score?.[t] ?? NaN,
      rank: r.gatv2[t],
    },
    gcn: { weight: answer.nets.gcn.weight[t], rank: r.gcn[t] },
  }));
}
