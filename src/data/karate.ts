/**
 * Zachary's karate club: the friendships among 34 members of a university karate club, observed
 * before the club split in two after a dispute between its instructor ("Mr. Hi", member 1) and
 * its administrator ("Officer", member 34).
 *
 * Source: Zachary, W. W. (1977). An information flow model for conflict and fission in small
 * groups. Journal of Anthropological Research 33(4), 452–473.
 *
 * Numbering: **0-based** here (member k of the paper is node k − 1), so the instructor is node 0
 * and the administrator node 33. The 78 undirected edges are the standard unweighted list (the
 * same as NetworkX's `karate_club_graph`), each written once with the smaller node first.
 */
import type { NodeTask } from "../../lib/models/nodeClassification";

export const KARATE_CITATION =
  "Zachary, W. W. (1977). An information flow model for conflict and fission in small groups. Journal of Anthropological Research 33(4), 452–473.";

export const KARATE_NODES = 34;

/** The 78 undirected edges, 0-based, smaller endpoint first. */
export const KARATE_EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 4],
  [0, 5],
  [0, 6],
  [0, 7],
  [0, 8],
  [0, 10],
  [0, 11],
  [0, 12],
  [0, 13],
  [0, 17],
  [0, 19],
  [0, 21],
  [0, 31],
  [1, 2],
  [1, 3],
  [1, 7],
  [1, 13],
  [1, 17],
  [1, 19],
  [1, 21],
  [1, 30],
  [2, 3],
  [2, 7],
  [2, 8],
  [2, 9],
  [2, 13],
  [2, 27],
  [2, 28],
  [2, 32],
  [3, 7],
  [3, 12],
  [3, 13],
  [4, 6],
  [4, 10],
  [5, 6],
  [5, 10],
  [5, 16],
  [6, 16],
  [8, 30],
  [8, 32],
  [8, 33],
  [9, 33],
  [13, 33],
  [14, 32],
  [14, 33],
  [15, 32],
  [15, 33],
  [18, 32],
  [18, 33],
  [19, 33],
  [20, 32],
  [20, 33],
  [22, 32],
  [22, 33],
  [23, 25],
  [23, 27],
  [23, 29],
  [23, 32],
  [23, 33],
  [24, 25],
  [24, 27],
  [24, 31],
  [25, 31],
  [26, 29],
  [26, 33],
  [27, 33],
  [28, 31],
  [28, 33],
  [29, 32],
  [29, 33],
  [30, 32],
  [30, 33],
  [31, 32],
  [31, 33],
  [32, 33],
];

/**
 * The faction each member joined after the split, 0-based: "hi" followed the instructor (node 0),
 * "officer" the administrator (node 33). As recorded in NetworkX's `club` attribute.
 */
export const KARATE_FACTIONS: readonly ("hi" | "officer")[] = Array.from({ length: KARATE_NODES }, (_, i) =>
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21].includes(i) ? "hi" : "officer",
);

/** The split as a node-classification task: class 0 is Mr. Hi's faction, class 1 the Officer's. */
export const KARATE_TASK: NodeTask = {
  nodes: KARATE_NODES,
  edges: KARATE_EDGES,
  labels: KARATE_FACTIONS.map((f) => (f === "hi" ? 0 : 1)),
  classes: 2,
};
