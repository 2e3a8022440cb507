import { describe, expect, it } from "vitest";
import { createFormulaMath, FORMULA_FUNCTIONS, parseFormula } from "../../../lib/formula/index";
import * as lib from "../../../lib/index";

const fm = createFormulaMath();
const r = lib.rng(7);
const rand = (n: number, m: number): number[][] =>
  Array.from({ length: n }, () => Array.from({ length: m }, () => Math.round(r.normal() * 100) / 100));
const Q = rand(3, 4);
const K = rand(5, 4);
const V = rand(5, 2);
const toArr = (v: unknown): unknown => (v as { valueOf(): unknown }).valueOf();
const I4 = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));

/** Each case: a formula, its scope, the same computation done with lib directly, and the TeX. */
const CASES: { expr: string; scope: Record<string, unknown>; want: () => unknown; tex: string }[] = [
  {
    expr: "softmax(x)",
    scope: { x: [1, 2, 3] },
    want: () => Array.from(lib.softmax([1, 2, 3])),
    tex: "\\mathrm{softmax}\\left(x\\right)",
  },
  {
    expr: "softmax(S, 2)",
    scope: { S: Q },
    want: () => lib.softmaxRows(Q, 2).toArray(),
    tex: "\\mathrm{softmax}\\left(\\frac{S}{2}\\right)",
  },
  {
    expr: "attention(Q, K, V)",
    scope: { Q, K, V },
    want: () => lib.scaledDotProduct(Q, K, V).output.toArray(),
    tex: "\\mathrm{Attention}\\left(Q, K, V\\right)",
  },
  {
    expr: "attention(Q, K, V, M)",
    scope: { Q, K, V, M: Q.map((_, i) => K.map((_, j) => (j <= i ? 1 : 0))) },
    want: () => lib.scaledDotProduct(Q, K, V, { causal: true }).output.toArray(),
    tex: "\\mathrm{Attention}\\left(Q, K, V;\\, M\\right)",
  },
  {
    expr: "attentionWeights(Q, K)",
    scope: { Q, K },
    want: () => lib.scaledDotProduct(Q, K, K).weights.toArray(),
    tex: "\\mathrm{softmax}\\left(\\frac{Q {K}^{\\top}}{\\sqrt{d_k}}\\right)",
  },
  {
    expr: "dotScore(Q, K)",
    scope: { Q, K },
    want: () => lib.dotScoreMatrix(Q, K).toArray(),
    tex: "{Q}^{\\top} K",
  },
  {
    expr: "dotScore(q, k)",
    scope: { q: Q[0], k: K[0] },
    want: () => lib.dotScore(Q[0], K[0]),
    tex: "{q}^{\\top} k",
  },
  {
    expr: "scaledDot(Q, K)",
    scope: { Q, K },
    want: () => lib.scaledDotScoreMatrix(Q, K).toArray(),
    tex: "\\frac{{Q}^{\\top} K}{\\sqrt{d_k}}",
  },
  {
    expr: "general(Q, K, W)",
    scope: { Q, K, W: I4 },
    want: () => lib.generalScoreMatrix(Q, K, I4).toArray(),
    tex: "{Q}^{\\top} W\\, K",
  },
  {
    expr: "additive(Q, K, W1, W2, v)",
    scope: { Q, K, W1: I4.slice(0, 2), W2: I4.slice(2), v: [1, -1] },
    want: () => lib.additiveScoreMatrix(Q, K, { W1: I4.slice(0, 2), W2: I4.slice(2), v: [1, -1] }).toArray(),
    tex: "{v}^{\\top} \\tanh\\left(W_{1}\\, K + W_{2}\\, Q\\right)",
  },
  {
    expr: "cosine(Q, K)",
    scope: { Q, K },
    want: () => lib.cosineScoreMatrix(Q, K).toArray(),
    tex: "\\frac{{Q}^{\\top} K}{\\lVert Q \\rVert\\, \\lVert K \\rVert}",
  },
  {
    expr: "multihead(Q, K, K, 2, W, W, W, W)",
    scope: { Q, K, W: I4 },
    want: () =>
      lib
        .multiHeadAttention(
          Q,
          K,
          K,
          { qProjWeight: I4, kProjWeight: I4, vProjWeight: I4, outProjWeight: I4 },
          { numHeads: 2 },
        )
        .output.toArray(),
    tex: "\\mathrm{MultiHead}_{2}\\left(Q, K, K\\right)",
  },
  {
    expr: "positionalEncoding(4, 6)",
    scope: {},
    want: () => lib.positionalEncoding(4, 6).toArray(),
    tex: "\\mathrm{PE}\\left(4, 6\\right)",
  },
  {
    expr: "layerNorm(Q)",
    scope: { Q },
    want: () => lib.layerNorm(Q).output.toArray(),
    tex: "\\mathrm{LayerNorm}\\left(Q\\right)",
  },
  {
    expr: "gat(H, A, W, a)",
    scope: {
      H: [[1], [2]],
      A: [
        [1, 1],
        [0, 1],
      ],
      W: [[1, -1]],
      a: [0.1, 0.2, 0.3, 0.4],
    },
    want: () =>
      lib
        .gatLayer(
          [[1], [2]],
          [
            [1, 1],
            [0, 1],
          ],
          [[1, -1]],
          [0.1, 0.2, 0.3, 0.4],
        )
        .hPrime.toArray(),
    tex: "\\mathrm{GAT}\\left(H, A, W, a\\right)",
  },
  {
    expr: "ntmAddress(M, k, 2, 0.5, [0.1, 0.8, 0.1], 2, w)",
    scope: {
      M: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      k: [1, 0],
      w: [0.2, 0.3, 0.5],
    },
    want: () =>
      Array.from(
        lib.ntmAddress(
          [
            [1, 0],
            [0, 1],
            [1, 1],
          ],
          { k: [1, 0], beta: 2, g: 0.5, s: [0.1, 0.8, 0.1], gamma: 2 },
          [0.2, 0.3, 0.5],
        ).sharpened,
      ),
    tex: "\\mathrm{address}\\left(M, k, 2, 0.5, \\begin{bmatrix}0.1\\\\0.8\\\\0.1\\end{bmatrix}, 2, w\\right)",
  },
  {
    expr: "ntmRead(M, w)",
    scope: {
      M: [
        [1, 2],
        [3, 4],
      ],
      w: [0.5, 0.5],
    },
    want: () =>
      Array.from(
        lib.ntmRead(
          [
            [1, 2],
            [3, 4],
          ],
          [0.5, 0.5],
        ),
      ),
    tex: "{w}^{\\top} M",
  },
  {
    expr: "ntmWrite(M, w, e, a)",
    scope: {
      M: [
        [1, 1],
        [1, 1],
      ],
      w: [1, 0],
      e: [1, 0],
      a: [5, 5],
    },
    want: () =>
      lib
        .ntmWrite(
          [
            [1, 1],
            [1, 1],
          ],
          [1, 0],
          [1, 0],
          [5, 5],
        )
        .toArray(),
    tex: "M \\circ \\left(1 - w {e}^{\\top}\\right) + w {a}^{\\top}",
  },
];

describe("library functions in formulas", () => {
  it("covers every imported function", () => {
    const covered = new Set(CASES.map((c) => c.expr.split("(")[0]));
    expect([...covered].sort()).toEqual(Object.keys(FORMULA_FUNCTIONS).sort());
  });
  for (const c of CASES) {
    it(`${c.expr} agrees with lib on plain arrays and on mathjs matrices`, () => {
      const fromArrays = toArr(fm.evaluate(c.expr, c.scope));
      const matrices = Object.fromEntries(
        Object.entries(c.scope).map(([k, v]) => [k, Array.isArray(v) ? fm.math.matrix(v as number[][]) : v]),
      );
      expect(toArr(fm.evaluate(c.expr, matrices))).toEqual(fromArrays);
      expect(fromArrays).toEqual(c.want());
    });
    it(`${c.expr} renders as TeX`, () => expect(parseFormula(c.expr).tex).toBe(c.tex));
  }
  it("returns mathjs matrices, and numbers for scalar scores", () => {
    expect(fm.math.isMatrix(fm.evaluate("attention(Q, K, V)", { Q, K, V }))).toBe(true);
    expect(typeof fm.evaluate("cosine([1, 0], [1, 1])")).toBe("number");
  });
  it("mixes with mathjs: transposes, products, indexing", () => {
    const diff = fm.evaluate("max(abs(softmax(Q * K' / sqrt(4)) * V - attention(Q, K, V)))", { Q, K, V });
    expect(diff).toBeLessThan(1e-12);
    expect(fm.evaluate("x = [1, 2; 3, 4]; x[2, 1]")).toBe(3);
    expect(toArr(fm.evaluate("1:3"))).toEqual([1, 2, 3]);
    expect(parseFormula("K' * q / sqrt(d)").tex).toBe("\\frac{{K}^{\\top}\\cdot q}{\\sqrt{d}}");
  });
  it("names the function and the argument on bad input", () => {
    expect(() => fm.evaluate("attention(Q, K)", { Q, K })).toThrow(
      /attention: expected 3 or 4 arguments, got 2/,
    );
    expect(() => fm.evaluate("attention(Q, K, V)", { Q, K: Q, V })).toThrow(/K is 3×4 but V is 5×2/);
    expect(() => fm.evaluate('softmax("abc")')).toThrow(/softmax: x must be a matrix/);
  });
});
