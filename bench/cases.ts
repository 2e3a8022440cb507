/**
 * Benchmark cases: seeded inputs shared by the three implementations, as nested arrays.
 */
import { rng } from "../lib/core/random";

export type Rows = number[][];

/** Inputs of one case; every implementation reads the same numbers. */
export interface CaseInputs {
  [name: string]: Rows | number[] | number;
}

/** One benchmark case. */
export interface BenchCase {
  /** Family: the implementations dispatch on it. */
  kind: "sdpa" | "mha" | "gat" | "ntm";
  label: string;
  inputs: CaseInputs;
}

const randn = (r: ReturnType<typeof rng>, n: number, m: number, scale = 1): Rows =>
  Array.from({ length: n }, () => Array.from({ length: m }, () => r.normal() * scale));
const randv = (r: ReturnType<typeof rng>, n: number, scale = 1): number[] =>
  Array.from({ length: n }, () => r.normal() * scale);

function sdpa(n: number, d: number, seed: number): BenchCase {
  const r = rng(seed);
  return {
    kind: "sdpa",
    label: `SDPA n=${n} d=${d}`,
    inputs: { Q: randn(r, n, d), K: randn(r, n, d), V: randn(r, n, d) },
  };
}

function mha(n: number, E: number, h: number, seed: number): BenchCase {
  const r = rng(seed);
  const w = () => randn(r, E, E, 1 / Math.sqrt(E));
  return {
    kind: "mha",
    label: `MHA n=${n} d=${E} h=${h}`,
    inputs: { X: randn(r, n, E), Wq: w(), Wk: w(), Wv: w(), Wo: w(), h },
  };
}

/** A seeded random undirected graph with `edges` edges, plus self-loops, as a 0/1 adjacency. */
function randomGraph(r: ReturnType<typeof rng>, n: number, edges: number): Rows {
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let placed = 0;
  while (placed < edges) {
    const i = r.int(n);
    const j = r.int(n);
    if (i === j || A[i][j]) continue;
    A[i][j] = A[j][i] = 1;
    placed++;
  }
  return A;
}

function gat(n: number, edges: number, fOut: number, seed: number): BenchCase {
  const r = rng(seed);
  const H = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  return {
    kind: "gat",
    label: `GAT N=${n} E=${edges} F=${n}→${fOut}`,
    inputs: { H, A: randomGraph(r, n, edges), W: randn(r, n, fOut, 0.3), a: randv(r, 2 * fOut, 0.3) },
  };
}

function ntm(N: number, M: number, seed: number): BenchCase {
  const r = rng(seed);
  const wPrev = Array.from({ length: N }, () => r.uniform());
  const sum = wPrev.reduce((a, b) => a + b, 0);
  return {
    kind: "ntm",
    label: `NTM step N=${N} M=${M}`,
    inputs: {
      Mem: randn(r, N, M, 0.5),
      k: randv(r, M),
      beta: 3,
      g: 0.7,
      s: [0.1, 0.8, 0.1],
      gamma: 2,
      wPrev: wPrev.map((x) => x / sum),
      e: Array.from({ length: M }, () => r.uniform()),
      add: randv(r, M),
    },
  };
}

/** The cases, in the order of the table. */
export const CASES: BenchCase[] = [
  sdpa(16, 64, 1),
  sdpa(64, 64, 2),
  sdpa(256, 64, 3),
  mha(64, 64, 8, 4),
  gat(34, 78, 16, 5),
  ntm(128, 20, 6),
];
