import type { Field } from "../primitives/urlState";
import { KARATE_EDGES, KARATE_NODES } from "../../data/karate";
import { spreadApart, springLayout } from "./layout";

/** An undirected graph drawn in a 1000 × 700 box. Self-loops are implicit (GAT adds them). */
export interface Graph {
  nodes: { x: number; y: number }[];
  /** Undirected edges, smaller index first, no duplicates, no self-loops. */
  edges: [number, number][];
}

export const WIDTH = 1000;
export const HEIGHT = 700;
/** One base-36 character per node index in the link, so at most 36 nodes. */
export const MAX_NODES = 36;

const b36 = (v: number, w: number) => v.toString(36).padStart(w, "0");

/**
 * A compact text form for the URL: 4 base-36 characters per node (x, y), a dot, then 2 per edge.
 * Karate club (34 nodes, 78 edges) takes 293 characters.
 */
export function encodeGraph(g: Graph): string {
  const nodes = g.nodes.map((p) => b36(Math.round(p.x), 2) + b36(Math.round(p.y), 2)).join("");
  const edges = g.edges.map(([a, b]) => b36(a, 1) + b36(b, 1)).join("");
  return `${nodes}.${edges}`;
}

/** Parse the text form; throws an Error whose message says exactly what is wrong. */
export function decodeGraph(text: string): Graph {
  const parts = text.split(".");
  if (parts.length !== 2) throw new Error("is not a graph (expected node positions, a dot, then edges)");
  const [ns, es] = parts;
  if (!/^[0-9a-z]*$/.test(ns + es)) throw new Error("is not a graph (only 0–9 and a–z may appear)");
  if (ns.length === 0 || ns.length % 4 !== 0) throw new Error("is not a graph (node positions are cut off)");
  const n = ns.length / 4;
  if (n > MAX_NODES) throw new Error(`has ${n} nodes; at most ${MAX_NODES} are allowed`);
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const x = parseInt(ns.slice(4 * i, 4 * i + 2), 36);
    const y = parseInt(ns.slice(4 * i + 2, 4 * i + 4), 36);
    if (x > WIDTH || y > HEIGHT) throw new Error(`puts node ${i + 1} outside the drawing`);
    nodes.push({ x, y });
  }
  if (es.length % 2 !== 0) throw new Error("is not a graph (the edge list is cut off)");
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (let t = 0; t < es.length; t += 2) {
    const a = parseInt(es[t], 36);
    const b = parseInt(es[t + 1], 36);
    if (a >= n || b >= n) throw new Error(`has an edge to node ${Math.max(a, b) + 1}, but only ${n} nodes`);
    if (a === b) throw new Error(`has a self-loop on node ${a + 1} (self-loops are added automatically)`);
    const e: [number, number] = a < b ? [a, b] : [b, a];
    const key = e.join("-");
    if (seen.has(key)) throw new Error(`lists the edge ${e[0] + 1}–${e[1] + 1} twice`);
    seen.add(key);
    edges.push(e);
  }
  return { nodes, edges };
}

/** A URL field holding an encoded graph, validated on read. */
export function graphField(def: Graph): Field<string> {
  return {
    default: encodeGraph(def),
    parse(raw) {
      decodeGraph(raw);
      return raw;
    },
    format: (v) => v,
    // Base-36 digits and one dot, which a URL keeps as they are: every node and every edge.
    maxLink: 4 * MAX_NODES + 1 + MAX_NODES * (MAX_NODES - 1),
  };
}

/** Adjacency with self-loops (i attends to itself, as in the paper), (N × N). */
export function adjacency(g: Graph, selfLoops: boolean): number[][] {
  const n = g.nodes.length;
  const A = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (selfLoops && i === j ? 1 : 0)),
  );
  for (const [a, b] of g.edges) {
    A[a][b] = 1;
    A[b][a] = 1;
  }
  return A;
}

export const hasEdge = (g: Graph, a: number, b: number) =>
  g.edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

export function toggleEdge(g: Graph, a: number, b: number): Graph {
  if (a === b) return g;
  if (hasEdge(g, a, b))
    return { ...g, edges: g.edges.filter(([x, y]) => !((x === a && y === b) || (x === b && y === a))) };
  return { ...g, edges: [...g.edges, a < b ? [a, b] : [b, a]] };
}

export function addNode(g: Graph): Graph {
  const k = g.nodes.length;
  const x = 120 + ((k * 173) % 760);
  const y = 100 + ((k * 311) % 500);
  return { ...g, nodes: [...g.nodes, { x, y }] };
}

/** Remove node r; later nodes move down one index. */
export function removeNode(g: Graph, r: number): Graph {
  const shift = (v: number) => (v > r ? v - 1 : v);
  return {
    nodes: g.nodes.filter((_, i) => i !== r),
    edges: g.edges
      .filter(([a, b]) => a !== r && b !== r)
      .map(([a, b]) => [shift(a), shift(b)] as [number, number]),
  };
}

const small: Graph = {
  nodes: [
    { x: 500, y: 330 },
    { x: 250, y: 150 },
    { x: 760, y: 140 },
    { x: 800, y: 520 },
    { x: 230, y: 540 },
    { x: 80, y: 330 },
  ],
  edges: [
    [0, 1],
    [0, 2],
    [0, 3],
    [0, 4],
    [1, 2],
    [1, 5],
    [4, 5],
  ],
};

const path: Graph = {
  nodes: [0, 1, 2, 3, 4].map((i) => ({ x: 100 + i * 200, y: i % 2 ? 250 : 450 })),
  edges: [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
  ],
};

const karateEdges = KARATE_EDGES.map(([a, b]) => [a, b] as [number, number]);
/** Members at least 110 units apart, so that their numbers do not overlap on a phone (font ≈ 40 units). */
const karate: Graph = {
  nodes: spreadApart(springLayout(KARATE_NODES, karateEdges, WIDTH, HEIGHT), 110, WIDTH, HEIGHT),
  edges: karateEdges,
};

export const graphPresets: Record<string, { label: string; graph: Graph }> = {
  small: { label: "Small graph (6 nodes)", graph: small },
  path: { label: "Path (5 nodes)", graph: path },
  karate: { label: "Zachary's karate club (34 nodes, 78 edges)", graph: karate },
};
