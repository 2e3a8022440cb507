import { describe, expect, it } from "vitest";
import { KARATE_EDGES, KARATE_NODES } from "../../../src/data/karate";
import { headWeights, nodeFeatures } from "../../../src/widgets/graph-attention/gatView";
import { dot, printed, softmax } from "./independent";

const leaky = (x: number) => (x > 0 ? x : 0.2 * x);
const matVec = (W: number[][], h: number[]) => W[0].map((_, c) => h.reduce((s, x, r) => s + x * W[r][c], 0));

describe("Graph attention: GAT is static (Brody, Alon and Yahav, 2022)", () => {
  it("on the karate club, every node's top neighbour has the largest key term, for several seeds and heads", () => {
    const nbrs = Array.from({ length: KARATE_NODES }, (_, i) => [i]);
    for (const [a, b] of KARATE_EDGES) {
      nbrs[a].push(b);
      nbrs[b].push(a);
    }
    for (const seed of [1, 2, 3, 42]) {
      const X = nodeFeatures(seed, KARATE_NODES);
      for (const { W, a } of headWeights(seed, 4)) {
        const Wh = X.map((h) => matVec(W, h));
        const F = Wh[0].length;
        const key = Wh.map((v) => dot(a.slice(F), v));
        let agree = 0;
        for (let i = 0; i < KARATE_NODES; i++) {
          const e = nbrs[i].map((j) => leaky(dot(a.slice(0, F), Wh[i]) + key[j]));
          const alpha = softmax(e);
          const top = nbrs[i][alpha.indexOf(Math.max(...alpha))];
          const topKey = nbrs[i].reduce((b, j) => (key[j] > key[b] ? j : b));
          if (top === topKey) agree++;
        }
        expect(agree).toBe(34);
      }
    }
  });

  it("GATv2's example: a node prefers the neighbour with its own sign (scores 1.6 and 0)", () => {
    const W = [
      [1, 1],
      [-1, -1],
    ];
    const a = [1, 1];
    const score = (hi: number, hj: number) =>
      dot(
        a,
        W.map((row) => leaky(dot(row, [hi, hj]))),
      );
    expect([score(1, 1), score(1, -1)].map((x) => printed(x, 1))).toEqual(["1.6", "0.0"]);
    expect([score(-1, 1), score(-1, -1)].map((x) => printed(x, 1))).toEqual(["0.0", "1.6"]);
  });
});

describe("Graph attention: the worked example", () => {
  it("node 1 scores [1, 2, 2] and weights 0.155, 0.422, 0.422; GCN 1/3 and 1/√6", () => {
    const alpha = softmax([1, 2, 2]);
    expect(alpha.map((x) => printed(x, 3))).toEqual(["0.155", "0.422", "0.422"]);
    expect(printed(1 / Math.sqrt(6), 3)).toBe("0.408");
  });
});
