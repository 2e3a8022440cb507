/**
 * The numbers chapter 12's prose quotes about the trained karate-club networks, read from a run
 * of the widget's own model (same seed, same labelled members, same steps). Used by the chapter
 * at build time and by `tools/claims/karateExport.ts`, whose output
 * `tools/claims/graph-attention.py` recomputes independently from the trained weights.
 */
import { GRAPH_NETS, type GraphNet, createNodeClassifier } from "../../../lib/models/nodeClassification";
import { KARATE_TASK } from "../../data/karate";
import { KARATE_HOODS, conflictCounts, topIsLargestKey, wrongMembers } from "./trainKarateModel";

/** One GATv2 member's weights on the two members of a pair. */
export interface PairView {
  /** The member looking (1-based). */
  member: number;
  /** Its weights on the pair's first and second member. */
  first: number;
  second: number;
}

export interface KarateFacts {
  seed: number;
  steps: number;
  /** 1-based labelled members. */
  labelled: number[];
  accuracy: Record<GraphNet, number>;
  /** Unlabelled members each network gets wrong (1-based). */
  wrong: Record<GraphNet, number[]>;
  /** Members whose largest GAT weight is on the neighbour with the largest key term (of 34). */
  topIsLargestKey: number;
  /** Pairs seen together by ≥ 2 members, and how many each network ranks both ways. */
  conflicts: { pairs: number } & Record<GraphNet, number>;
  /** GAT: the member with the largest key term, and how many members have it in their neighbourhood. */
  largestKey: { member: number; reach: number; topOf: number };
  /** GATv2: the pair ranked both ways with the clearest margin, and the two members who disagree. */
  example: { pair: [number, number]; a: PairView; b: PairView };
  /** The trained weights, for the independent check. */
  parameters: Record<GraphNet, Record<string, number[][]>>;
}

/**
 * Train the widget's model (seed, labelled members 0-based) for `steps` steps and read the facts.
 */
export function karateFacts(seed = 1, labelled: readonly number[] = [0, 33], steps = 200): KarateFacts {
  const m = createNodeClassifier(seed, { task: KARATE_TASK, labelled });
  for (let s = 0; s < steps; s++) m.trainStep(m.nextBatch());
  const v = m.view();
  const accuracy = Object.fromEntries(GRAPH_NETS.map((n) => [n, v[n].accuracy])) as Record<GraphNet, number>;
  const wrong = Object.fromEntries(GRAPH_NETS.map((n) => [n, wrongMembers(v[n], labelled)])) as Record<
    GraphNet,
    number[]
  >;
  const key = v.gat.key as number[];
  const best = key.indexOf(Math.max(...key));
  const reach = KARATE_HOODS.filter((row) => row[best]).length;
  const topOf = KARATE_HOODS.filter(
    (row, i) => row[best] && v.gat.attention[i][best] === Math.max(...v.gat.attention[i]),
  ).length;

  // GATv2's clearest disagreement: the pair and observers with the largest smaller margin.
  const A = v.gatv2.attention;
  let example = { margin: -Infinity, pair: [0, 0] as [number, number], a: 0, b: 0 };
  for (let j = 0; j < KARATE_TASK.nodes; j++)
    for (let k = j + 1; k < KARATE_TASK.nodes; k++) {
      let up = { d: 0, i: -1 };
      let down = { d: 0, i: -1 };
      for (let i = 0; i < KARATE_TASK.nodes; i++) {
        if (!KARATE_HOODS[i][j] || !KARATE_HOODS[i][k]) continue;
        const d = A[i][j] - A[i][k];
        if (d > up.d) up = { d, i };
        if (-d > down.d) down = { d: -d, i };
      }
      const margin = Math.min(up.d, down.d);
      if (up.i >= 0 && down.i >= 0 && margin > example.margin)
        example = { margin, pair: [j, k], a: up.i, b: down.i };
    }
  const [j, k] = example.pair;
  const pv = (i: number): PairView => ({ member: i + 1, first: A[i][j], second: A[i][k] });

  return {
    seed,
    steps,
    labelled: labelled.map((i) => i + 1),
    accuracy,
    wrong,
    topIsLargestKey: topIsLargestKey(v.gat),
    conflicts: conflictCounts(v),
    largestKey: { member: best + 1, reach, topOf },
    example: { pair: [j + 1, k + 1], a: pv(example.a), b: pv(example.b) },
    parameters: Object.fromEntries(
      GRAPH_NETS.map((n) => [
        n,
        Object.fromEntries(Object.entries(m.parameters[n]).map(([name, t]) => [name, t.toArray()])),
      ]),
    ) as KarateFacts["parameters"],
  };
}
