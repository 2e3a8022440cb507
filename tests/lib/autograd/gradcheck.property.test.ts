/**
 * Every autograd operation's backward pass against central finite differences, as fast-check
 * properties over random shapes and values (a seeded generator fills the values). Inputs of
 * ReLU-like operations are kept away from the kink so the differences are meaningful.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as ag from "../../../lib/autograd/index";
import type { Tensor } from "../../../lib/autograd/index";
import { rng } from "../../../lib/core/random";
import { gradCheck } from "./gradcheck";

const TOL = 1e-6;
const RUNS = { numRuns: 20 };

type Rand = ReturnType<typeof rng>;
/** An n×m matrix of normal values (scaled), optionally kept at least `gap` away from 0. */
function mat(r: Rand, n: number, m: number, scale = 1, gap = 0): number[][] {
  return Array.from({ length: n }, () =>
    Array.from({ length: m }, () => {
      const x = r.normal() * scale;
      return gap > 0 ? Math.sign(x || 1) * (gap + Math.abs(x)) : x;
    }),
  );
}
/** A random allow-mask (n×m, row-major) keeping at least one allowed entry per row. */
function mask(r: Rand, n: number, m: number): Uint8Array {
  const k = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) k[i * m + j] = r.uniform() < 0.6 ? 1 : 0;
    k[i * m + r.int(m)] = 1;
  }
  return k;
}

const dim = fc.integer({ min: 1, max: 4 });
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Assert that f's gradients match finite differences for inputs made by `make`. */
function check(f: (t: Tensor[]) => Tensor, values: number[][][]): void {
  expect(gradCheck(f, values)).toBeLessThan(TOL);
}

describe("finite differences: linear algebra", () => {
  it("matmul in every transpose combination", () => {
    fc.assert(
      fc.property(dim, dim, dim, fc.boolean(), fc.boolean(), seed, (n, k, m, ta, tb, s) => {
        const r = rng(s);
        check(
          ([a, b]) => ag.matmul(a, b, ta, tb),
          [ta ? mat(r, k, n) : mat(r, n, k), tb ? mat(r, m, k) : mat(r, k, m)],
        );
      }),
      RUNS,
    );
  });
  it("linear with and without bias, transpose", () => {
    fc.assert(
      fc.property(dim, dim, dim, fc.boolean(), seed, (n, i, o, withBias, s) => {
        const r = rng(s);
        const vals = [mat(r, n, i), mat(r, o, i), mat(r, 1, o)];
        check(([x, w, b]) => ag.linear(x, w, withBias ? b : null), vals);
        check(([x]) => ag.transpose(x), [mat(r, n, i)]);
      }),
      RUNS,
    );
  });
});

describe("finite differences: elementwise and reductions", () => {
  const shapes = fc.constantFrom("same", "row", "col", "scalar", "outer");
  it("add, sub and mul with broadcasting", () => {
    fc.assert(
      fc.property(dim, dim, shapes, seed, (n, m, kind, s) => {
        const r = rng(s);
        const b = { same: [n, m], row: [1, m], col: [n, 1], scalar: [1, 1], outer: [1, m] }[kind];
        const a = kind === "outer" ? mat(r, n, 1) : mat(r, n, m);
        const vals = [a, mat(r, b[0], b[1])];
        check(([x, y]) => ag.add(x, y), vals);
        check(([x, y]) => ag.sub(y, x), vals);
        check(([x, y]) => ag.mul(x, y), vals);
      }),
      RUNS,
    );
  });
  it("scale, sum and mean along every axis", () => {
    fc.assert(
      fc.property(dim, dim, seed, (n, m, s) => {
        const r = rng(s);
        const v = [mat(r, n, m)];
        check(([x]) => ag.scale(x, -1.7), v);
        for (const axis of [undefined, 0, 1] as const) {
          check(([x]) => ag.sum(x, axis), v);
          check(([x]) => ag.mean(x, axis), v);
        }
      }),
      RUNS,
    );
  });
  it("tanh, sigmoid, relu, leaky relu, elu, exp and log", () => {
    fc.assert(
      fc.property(dim, dim, seed, (n, m, s) => {
        const r = rng(s);
        const v = [mat(r, n, m, 1, 0.01)];
        check(([x]) => ag.tanh(x), v);
        check(([x]) => ag.sigmoid(x), v);
        check(([x]) => ag.relu(x), v);
        check(([x]) => ag.leakyRelu(x, 0.2), v);
        check(([x]) => ag.elu(x), v);
        check(([x]) => ag.exp(x), v);
        check(([x]) => ag.log(x), [v[0].map((row) => row.map((x) => Math.abs(x) + 0.5))]);
      }),
      RUNS,
    );
  });
});

describe("finite differences: softmax and losses", () => {
  it("softmax and log-softmax, plain and masked", () => {
    fc.assert(
      fc.property(dim, dim, seed, (n, m, s) => {
        const r = rng(s);
        const v = [mat(r, n, m, 2)];
        const k = mask(r, n, m);
        check(([x]) => ag.softmax(x), v);
        check(([x]) => ag.softmax(x, { mask: k }), v);
        check(([x]) => ag.logSoftmax(x), v);
        // Masked log-weights are −∞: allow the first `a` keys and compare only those.
        const a = 1 + r.int(m);
        const keys = Array.from({ length: m }, (_, j) => j < a);
        check(([x]) => ag.sliceCols(ag.logSoftmax(x, { mask: keys }), 0, a), v);
      }),
      RUNS,
    );
  });
  it("cross-entropy from logits and mean squared error", () => {
    fc.assert(
      fc.property(dim, fc.integer({ min: 2, max: 5 }), seed, (n, c, s) => {
        const r = rng(s);
        const targets = Array.from({ length: n }, () => r.int(c));
        check(([z]) => ag.crossEntropy(z, targets), [mat(r, n, c, 3)]);
        // Masked (a pointer network's chosen positions): each row's target stays allowed.
        const k = mask(r, n, c);
        for (let i = 0; i < n; i++) k[i * c + targets[i]] = 1;
        check(([z]) => ag.crossEntropy(z, targets, { mask: k }), [mat(r, n, c, 3)]);
        check(([p, t]) => ag.mseLoss(p, t), [mat(r, n, c), mat(r, n, c)]);
      }),
      RUNS,
    );
  });
});

describe("finite differences: normalisation and shapes", () => {
  it("layer norm with and without affine parameters", () => {
    fc.assert(
      fc.property(dim, fc.integer({ min: 2, max: 5 }), seed, (n, d, s) => {
        const r = rng(s);
        const v = [mat(r, n, d), mat(r, 1, d), mat(r, 1, d)];
        check(([x, w, b]) => ag.layerNorm(x, w, b), v);
        check(([x]) => ag.layerNorm(x, null, null), v);
      }),
      RUNS,
    );
  });
  it("concat, slices, reshape and embedding", () => {
    fc.assert(
      fc.property(dim, dim, dim, seed, (n, m, k, s) => {
        const r = rng(s);
        check(([a, b]) => ag.concat([a, b, a], 0), [mat(r, n, m), mat(r, k, m)]);
        check(([a, b]) => ag.concat([a, b], 1), [mat(r, n, m), mat(r, n, k)]);
        const a = mat(r, n + 1, m + 1);
        check(([x]) => ag.sliceRows(x, 1, n + 1), [a]);
        check(([x]) => ag.sliceCols(x, 0, m), [a]);
        check(([x]) => ag.reshape(x, m + 1, n + 1), [a]);
        const idx = Array.from({ length: k + 2 }, () => r.int(n));
        check(([w]) => ag.embedding(w, idx), [mat(r, n, m)]);
      }),
      RUNS,
    );
  });
});

describe("finite differences: recurrent cells", () => {
  const cell = (r: Rand, gates: number, B: number, nIn: number, H: number) => [
    mat(r, B, nIn),
    mat(r, B, H),
    mat(r, gates * H, nIn, 0.7),
    mat(r, gates * H, H, 0.7),
    mat(r, 1, gates * H),
    mat(r, 1, gates * H),
  ];
  const weights = ([, , wi, wh, bi, bh]: Tensor[]) => ({
    weightIh: wi,
    weightHh: wh,
    biasIh: bi,
    biasHh: bh,
  });
  it("GRU, LSTM and JANET cells", () => {
    fc.assert(
      fc.property(dim, dim, dim, seed, (B, nIn, H, s) => {
        const r = rng(s);
        check((t) => ag.gruCell(t[0], t[1], weights(t)), cell(r, 3, B, nIn, H));
        const lstm = [...cell(r, 4, B, nIn, H), mat(r, B, H)];
        check((t) => {
          const st = ag.lstmCell(t[0], t[1], t[6], weights(t));
          return ag.concat([st.h, st.c], 1);
        }, lstm);
        check((t) => ag.janetCell(t[0], t[1], weights(t), 1), cell(r, 2, B, nIn, H));
      }),
      RUNS,
    );
  });
  it("tanh RNN through time (BPTT) and the IndRNN cell", () => {
    fc.assert(
      fc.property(dim, dim, dim, fc.integer({ min: 1, max: 5 }), seed, (B, nIn, H, T, s) => {
        const r = rng(s);
        const vals = [...cell(r, 1, B, nIn, H), mat(r, T * B, nIn)];
        check((t) => {
          const steps = Array.from({ length: T }, (_, k) => ag.sliceRows(t[6], k * B, (k + 1) * B));
          return ag.concat(ag.unrollRnn(steps, t[1], weights(t)), 0);
        }, vals);
        check(
          ([x, h, w, u, b]) => ag.indRnnCell(x, h, { weightIh: w, weightHh: u, bias: b }, "tanh"),
          [mat(r, B, nIn), mat(r, B, H), mat(r, H, nIn), mat(r, 1, H), mat(r, 1, H)],
        );
        // ReLU IndRNN: pre-activations kept away from 0 by a large bias of random sign.
        check(
          ([x, h, w, u, b]) => ag.indRnnCell(x, h, { weightIh: w, weightHh: u, bias: b }),
          [
            mat(r, B, nIn, 0.1),
            mat(r, B, H, 0.1),
            mat(r, H, nIn, 0.1),
            mat(r, 1, H, 0.1),
            mat(r, 1, H, 0.1, 1),
          ],
        );
      }),
      RUNS,
    );
  });
});

describe("finite differences: attention", () => {
  it("scaled dot-product attention with masks", () => {
    fc.assert(
      fc.property(dim, dim, dim, dim, fc.boolean(), seed, (nq, nk, dk, dv, causal, s) => {
        const r = rng(s);
        const allow = Array.from(mask(r, nq, nk)).reduce<number[][]>((rows, x, i) => {
          if (i % nk === 0) rows.push([]);
          rows[rows.length - 1].push(causal ? 1 : x);
          return rows;
        }, []);
        check(
          ([q, k, v]) => ag.scaledDotProductAttention(q, k, v, { allow, causal: causal && nq === nk }).output,
          [mat(r, nq, dk), mat(r, nk, dk), mat(r, nk, dv)],
        );
      }),
      RUNS,
    );
  });
  it("multi-head attention, packed and separate projections", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        dim,
        dim,
        dim,
        seed,
        (heads, hd, nq, nk, kdim, s) => {
          const r = rng(s);
          const E = heads * hd;
          const x = [
            mat(r, nq, E),
            mat(r, nk, E),
            mat(r, nk, E),
            mat(r, 3 * E, E),
            mat(r, 1, 3 * E),
            mat(r, E, E),
            mat(r, 1, E),
          ];
          check(
            ([q, k, v, w, b, o, ob]) =>
              ag.multiheadAttention(
                q,
                k,
                v,
                { inProjWeight: w, inProjBias: b, outProjWeight: o, outProjBias: ob },
                heads,
              ).output,
            x,
          );
          const sep = [
            mat(r, nq, E),
            mat(r, nk, kdim),
            mat(r, nk, kdim + 1),
            mat(r, E, E),
            mat(r, E, kdim),
            mat(r, E, kdim + 1),
            mat(r, E, E),
          ];
          check(
            ([q, k, v, wq, wk, wv, o]) =>
              ag.multiheadAttention(
                q,
                k,
                v,
                { qProjWeight: wq, kProjWeight: wk, vProjWeight: wv, outProjWeight: o },
                heads,
                {
                  keyAllow: Array.from({ length: nk }, (_, j) => j === 0 || j % 2 === 1),
                },
              ).output,
            sep,
          );
        },
      ),
      RUNS,
    );
  });
  it("additive attention step and the GAT layer", () => {
    fc.assert(
      fc.property(dim, dim, dim, dim, fc.boolean(), seed, (n, dh, ds, da, concatOut, s) => {
        const r = rng(s);
        check(
          ([H, st, W1, W2, v]) =>
            ag.additiveAttention(
              H,
              st,
              W1,
              W2,
              v,
              Array.from({ length: n }, (_, j) => j !== 1),
            ).context,
          [mat(r, n, dh), mat(r, 1, ds), mat(r, da, dh), mat(r, da, ds), mat(r, 1, da)],
        );
        const adj = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => (i === j || r.uniform() < 0.5 ? 1 : 0)),
        );
        // LeakyReLU's kink: the scores are pushed away from 0 by the attention vector's scale.
        check(
          ([h, W, a]) => ag.gatLayer(h, adj, W, a, { concat: concatOut }).output,
          [mat(r, n, dh), mat(r, dh, da), mat(r, 2 * da, 1)],
        );
      }),
      RUNS,
    );
  });
  it("GATv2 scores and layer, GCN layer", () => {
    fc.assert(
      fc.property(dim, dim, dim, fc.boolean(), seed, (n, din, dout, concatOut, s) => {
        const r = rng(s);
        const m = mask(r, n, n);
        check(
          ([q, k, a]) => ag.gatv2Scores(q, k, a, m, 0.2),
          [mat(r, n, dout), mat(r, n, dout), mat(r, dout, 1)],
        );
        const adj = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => m[i * n + j]));
        check(
          ([h, Wq, Wk, a]) => ag.gatv2Layer(h, adj, Wq, Wk, a, { concat: concatOut }).output,
          [mat(r, n, din), mat(r, din, dout), mat(r, din, dout), mat(r, dout, 1)],
        );
        // One tensor on both sides (GATv2 with shared weights): the two gradients add up.
        check(
          ([h, W, a]) => ag.gatv2Layer(h, adj, W, W, a).output,
          [mat(r, n, din), mat(r, din, dout), mat(r, dout, 1)],
        );
        const sym = adj.map((row, i) => row.map((_, j) => (i !== j && (adj[i][j] || adj[j][i]) ? 1 : 0)));
        check(
          ([h, W, b]) => ag.gcnLayer(h, sym, W, b, { relu: concatOut }).output,
          [mat(r, n, din), mat(r, din, dout), mat(r, 1, dout, 1, 0.5)],
        );
      }),
      RUNS,
    );
  });
  it("Transformer encoder layer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), dim, dim, seed, (heads, n, ff, s) => {
        const r = rng(s);
        const d = 2 * heads;
        check(
          (t) =>
            ag.encoderLayer(
              t[0],
              {
                selfAttn: { inProjWeight: t[1], inProjBias: t[2], outProjWeight: t[3], outProjBias: t[4] },
                linear1Weight: t[5],
                linear1Bias: t[6],
                linear2Weight: t[7],
                linear2Bias: t[8],
                norm1Weight: t[9],
                norm1Bias: t[10],
                norm2Weight: t[11],
                norm2Bias: t[12],
              },
              heads,
              { causal: true },
            ),
          [
            mat(r, n, d),
            mat(r, 3 * d, d),
            mat(r, 1, 3 * d),
            mat(r, d, d),
            mat(r, 1, d),
            mat(r, ff, d),
            mat(r, 1, ff, 1, 0.5),
            mat(r, d, ff),
            mat(r, 1, d),
            mat(r, 1, d),
            mat(r, 1, d),
            mat(r, 1, d),
            mat(r, 1, d),
          ],
        );
      }),
      RUNS,
    );
  });
});
