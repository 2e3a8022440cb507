/**
 * Chapter 12's claims about the trained karate-club networks (seed 1, members 1 and 34 labelled),
 * recomputed from the trained weights with plain loops, not lib/: each network's forward pass,
 * accuracy and wrong members, GAT's static ranking and the rank conflicts of all three. The same
 * check in numpy, for seeds 1–5 and against networkx's data: tools/claims/graph-attention.py.
 */
import { describe, expect, it } from "vitest";
import { KARATE_EDGES, KARATE_FACTIONS, KARATE_NODES as N } from "../../../src/data/karate";
import { karateFacts } from "../../../src/widgets/graph-attention/karateFacts";
import { softmax } from "./independent";

type M = number[][];
const hood: M = Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (i === j ? 1 : 0)));
for (const [a, b] of KARATE_EDGES) hood[a][b] = hood[b][a] = 1;
const truth = KARATE_FACTIONS.map((f) => (f === "hi" ? 0 : 1));
const lrelu = (x: number) => (x > 0 ? x : 0.2 * x);
const elu = (x: number) => (x > 0 ? x : Math.expm1(x));
const mm = (A: M, B: M): M => A.map((r) => B[0].map((_, c) => r.reduce((s, x, k) => s + x * B[k][c], 0)));
const col = (a: M) => a.map((r) => r[0]);
const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i], 0);
/** Row-wise softmax of e over each neighbourhood, zeros elsewhere. */
const attend = (e: (i: number, j: number) => number): M =>
  hood.map((row, i) => {
    const js = row.flatMap((x, j) => (x ? [j] : []));
    const w = softmax(js.map((j) => e(i, j)));
    const out = new Array<number>(N).fill(0);
    js.forEach((j, t) => (out[j] = w[t]));
    return out;
  });

function gat(h: M, W: M, a: number[]) {
  const Wh = mm(h, W);
  const F = W[0].length;
  const q = Wh.map((r) => dot(a.slice(0, F), r));
  const k = Wh.map((r) => dot(a.slice(F), r));
  const alpha = attend((i, j) => lrelu(q[i] + k[j]));
  return { alpha, out: mm(alpha, Wh), key: k };
}
function gatv2(h: M, Wq: M, Wk: M, a: number[]) {
  const q = mm(h, Wq);
  const k = mm(h, Wk);
  const alpha = attend((i, j) => q[i].reduce((s, x, f) => s + a[f] * lrelu(x + k[j][f]), 0));
  return { alpha, out: mm(alpha, k) };
}
function conflicts(w: M): number {
  let bad = 0;
  for (let j = 0; j < N; j++)
    for (let k = j + 1; k < N; k++) {
      const d = hood.flatMap((r, i) => (r[j] && r[k] ? [w[i][j] - w[i][k]] : []));
      if (d.length >= 2 && Math.max(...d) > 0 && Math.min(...d) < 0) bad++;
    }
  return bad;
}

describe("Graph attention: what the trained networks learned (seed 1)", () => {
  const facts = karateFacts(1);
  const p = facts.parameters;
  const I: M = hood.map((_, i) => hood.map((_, j) => (i === j ? 1 : 0)));
  const g1 = gat(I, p.gat.W1, col(p.gat.a1));
  const g2 = gat(
    g1.out.map((r) => r.map(elu)),
    p.gat.W2,
    col(p.gat.a2),
  );
  const v1 = gatv2(I, p.gatv2.Wq1, p.gatv2.Wk1, col(p.gatv2.a1));
  const v2 = gatv2(
    v1.out.map((r) => r.map(elu)),
    p.gatv2.Wq2,
    p.gatv2.Wk2,
    col(p.gatv2.a2),
  );
  const deg = hood.map((r) => r.reduce((s, x) => s + x, 0));
  const C = hood.map((r, i) => r.map((x, j) => x / Math.sqrt(deg[i] * deg[j])));
  const h1 = mm(C, p.gcn.W1).map((r) => r.map((x, f) => Math.max(0, x + p.gcn.b1[0][f])));
  const gcnOut = mm(mm(C, h1), p.gcn.W2).map((r) => r.map((x, c) => x + p.gcn.b2[0][c]));
  const outs = { gat: g2.out, gatv2: v2.out, gcn: gcnOut };

  it("accuracy on the 32 unlabelled members and the members each network gets wrong", () => {
    for (const net of ["gat", "gatv2", "gcn"] as const) {
      const pred = outs[net].map((r) => (r[1] > r[0] ? 1 : 0));
      const wrong = pred.flatMap((c, i) => (i !== 0 && i !== 33 && c !== truth[i] ? [i + 1] : []));
      expect(wrong).toEqual(facts.wrong[net]);
      expect((32 - wrong.length) / 32).toBeCloseTo(facts.accuracy[net], 12);
    }
  });

  it("GAT: every member's top neighbour has the largest key term; the largest key's whole reach picks it", () => {
    let top = 0;
    for (let i = 0; i < N; i++) {
      const js = hood[i].flatMap((x, j) => (x ? [j] : []));
      const byW = js.reduce((b, j) => (g1.alpha[i][j] > g1.alpha[i][b] ? j : b));
      const byK = js.reduce((b, j) => (g1.key[j] > g1.key[b] ? j : b));
      if (byW === byK) top++;
    }
    expect(top).toBe(facts.topIsLargestKey);
    expect(top).toBe(34);
    const best = g1.key.indexOf(Math.max(...g1.key));
    expect(best + 1).toBe(facts.largestKey.member);
    const reach = hood.filter((r) => r[best]);
    expect(reach.length).toBe(facts.largestKey.reach);
    expect(
      hood.filter((r, i) => r[best] && g1.alpha[i].indexOf(Math.max(...g1.alpha[i])) === best).length,
    ).toBe(reach.length);
  });

  it("rank conflicts: GAT and GCN none, GATv2 some; the example pair is ranked both ways", () => {
    expect([conflicts(g1.alpha), conflicts(v1.alpha), conflicts(C)]).toEqual([
      facts.conflicts.gat,
      facts.conflicts.gatv2,
      facts.conflicts.gcn,
    ]);
    expect(facts.conflicts.gat).toBe(0);
    expect(facts.conflicts.gcn).toBe(0);
    const [j, k] = facts.example.pair.map((m) => m - 1);
    const { a, b } = facts.example;
    expect([v1.alpha[a.member - 1][j], v1.alpha[a.member - 1][k]]).toEqual([
      expect.closeTo(a.first, 12),
      expect.closeTo(a.second, 12),
    ]);
    expect(v1.alpha[a.member - 1][j]).toBeGreaterThan(v1.alpha[a.member - 1][k]);
    expect(v1.alpha[b.member - 1][j]).toBeLessThan(v1.alpha[b.member - 1][k]);
    // "Each prefers the other to itself": the two who disagree are the pair.
    expect([a.member, b.member].sort((x, y) => x - y)).toEqual(facts.example.pair);
  });
});
