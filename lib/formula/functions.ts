/**
 * The library's functions as formula functions: each takes mathjs matrices, nested arrays or
 * numbers, calls `lib/`, and returns a mathjs matrix (or a number), with a TeX template.
 */
import { Matrix } from "../core/matrix";
import { softmax, softmaxRows } from "../attention/softmax";
import { scaledDotProduct } from "../attention/scaledDotProduct";
import { multiHeadAttention } from "../attention/multihead";
import { dotScoreMatrix } from "../scores/dot";
import { scaledDotScoreMatrix } from "../scores/scaledDot";
import { generalScoreMatrix } from "../scores/general";
import { additiveScoreMatrix } from "../scores/additive";
import { cosineScoreMatrix } from "../scores/cosine";
import { positionalEncoding } from "../transformer/positionalEncoding";
import { layerNorm } from "../transformer/layerNorm";
import { gatLayer } from "../graph/gat";
import { ntmAddress, ntmRead, ntmWrite } from "../memory/ntm";
import {
  type FormulaValue,
  describe,
  entryCount,
  is2d,
  toLibMatrix as M,
  toLibVector as V,
  toScalar as S,
} from "./convert";

type Result = Matrix | Float64Array | number;

/** One library function as seen from a formula. */
export interface FormulaFunction {
  /** Computes with `lib/`. */
  fn: (...args: FormulaValue[]) => Result;
  /** TeX template(s) for `node.toTex()`, keyed by argument count where it varies. */
  tex: string | Record<number, string>;
  /** Entries of the biggest matrix the call makes (default: its biggest argument). */
  size?: (...args: FormulaValue[]) => number;
  /** Allowed argument counts. */
  arity: number[];
}

const a = (i: number): string => `\${args[${i}]}`;
const rows = (v: FormulaValue): number => (is2d(v) ? M("", "", v).rows : 1);
const pairs = (q: FormulaValue, k: FormulaValue): number => rows(q) * rows(k);
const mask = (fn: string, m: FormulaValue) => {
  const X = M(fn, "mask", m);
  return Array.from({ length: X.rows }, (_, i) => X.row(i));
};
/** Scores of vectors are numbers; scores of matrices are (n_q, n_k) matrices. */
const score = (f: () => Matrix, q: FormulaValue, k: FormulaValue): Result =>
  is2d(q) || is2d(k) ? f() : f().data[0];

/** The functions, by the name readers type. */
export const FORMULA_FUNCTIONS: Record<string, FormulaFunction> = {
  softmax: {
    fn: (x, t = 1) =>
      is2d(x)
        ? softmaxRows(M("softmax", "x", x), S("softmax", "T", t))
        : softmax(V("softmax", "x", x), S("softmax", "T", t)),
    tex: {
      1: `\\mathrm{softmax}\\left(${a(0)}\\right)`,
      2: `\\mathrm{softmax}\\left(\\frac{${a(0)}}{${a(1)}}\\right)`,
    },
    arity: [1, 2],
  },
  attention: {
    fn: (q, k, v, m) =>
      scaledDotProduct(M("attention", "Q", q), M("attention", "K", k), M("attention", "V", v), {
        allow: m === undefined ? null : mask("attention", m),
      }).output,
    tex: {
      3: `\\mathrm{Attention}\\left(${a(0)}, ${a(1)}, ${a(2)}\\right)`,
      4: `\\mathrm{Attention}\\left(${a(0)}, ${a(1)}, ${a(2)};\\, ${a(3)}\\right)`,
    },
    size: (q, k, v) => Math.max(pairs(q, k), entryCount(v)),
    arity: [3, 4],
  },
  attentionWeights: {
    fn: (q, k, m) => {
      const K = M("attentionWeights", "K", k);
      const allow = m === undefined ? null : mask("attentionWeights", m);
      return scaledDotProduct(M("attentionWeights", "Q", q), K, K, { allow }).weights;
    },
    tex: {
      2: `\\mathrm{softmax}\\left(\\frac{${a(0)} {${a(1)}}^{\\top}}{\\sqrt{d_k}}\\right)`,
      3: `\\mathrm{softmax}\\left(\\frac{${a(0)} {${a(1)}}^{\\top}}{\\sqrt{d_k}} + \\log ${a(2)}\\right)`,
    },
    size: pairs,
    arity: [2, 3],
  },
  dotScore: {
    fn: (q, k) => score(() => dotScoreMatrix(M("dotScore", "q", q), M("dotScore", "k", k)), q, k),
    tex: `{${a(0)}}^{\\top} ${a(1)}`,
    size: pairs,
    arity: [2],
  },
  scaledDot: {
    fn: (q, k) => score(() => scaledDotScoreMatrix(M("scaledDot", "q", q), M("scaledDot", "k", k)), q, k),
    tex: `\\frac{{${a(0)}}^{\\top} ${a(1)}}{\\sqrt{d_k}}`,
    size: pairs,
    arity: [2],
  },
  general: {
    fn: (q, k, w) =>
      score(() => generalScoreMatrix(M("general", "q", q), M("general", "k", k), M("general", "W", w)), q, k),
    tex: `{${a(0)}}^{\\top} ${a(2)}\\, ${a(1)}`,
    size: pairs,
    arity: [3],
  },
  additive: {
    fn: (q, k, w1, w2, v) =>
      score(
        () =>
          additiveScoreMatrix(M("additive", "q", q), M("additive", "k", k), {
            W1: M("additive", "W1", w1),
            W2: M("additive", "W2", w2),
            v: V("additive", "v", v),
          }),
        q,
        k,
      ),
    tex: `{${a(4)}}^{\\top} \\tanh\\left(${a(2)}\\, ${a(1)} + ${a(3)}\\, ${a(0)}\\right)`,
    size: pairs,
    arity: [5],
  },
  cosine: {
    fn: (q, k) => score(() => cosineScoreMatrix(M("cosine", "q", q), M("cosine", "k", k)), q, k),
    tex: `\\frac{{${a(0)}}^{\\top} ${a(1)}}{\\lVert ${a(0)} \\rVert\\, \\lVert ${a(1)} \\rVert}`,
    size: pairs,
    arity: [2],
  },
  multihead: {
    fn: (q, k, v, h, wq, wk, wv, wo) =>
      multiHeadAttention(
        M("multihead", "Q", q),
        M("multihead", "K", k),
        M("multihead", "V", v),
        {
          qProjWeight: M("multihead", "W_q", wq),
          kProjWeight: M("multihead", "W_k", wk),
          vProjWeight: M("multihead", "W_v", wv),
          outProjWeight: M("multihead", "W_o", wo),
        },
        { numHeads: S("multihead", "h", h) },
      ).output,
    tex: `\\mathrm{MultiHead}_{${a(3)}}\\left(${a(0)}, ${a(1)}, ${a(2)}\\right)`,
    size: (q, k, v, h) => Math.max(pairs(q, k) * S("multihead", "h", h), entryCount(v)),
    arity: [8],
  },
  positionalEncoding: {
    fn: (n, d) => positionalEncoding(S("positionalEncoding", "n", n), S("positionalEncoding", "d", d)),
    tex: `\\mathrm{PE}\\left(${a(0)}, ${a(1)}\\right)`,
    size: (n, d) => S("positionalEncoding", "n", n) * S("positionalEncoding", "d", d),
    arity: [2],
  },
  layerNorm: {
    fn: (x, eps = 1e-5) => layerNorm(M("layerNorm", "x", x), { eps: S("layerNorm", "eps", eps) }).output,
    tex: {
      1: `\\mathrm{LayerNorm}\\left(${a(0)}\\right)`,
      2: `\\mathrm{LayerNorm}_{${a(1)}}\\left(${a(0)}\\right)`,
    },
    arity: [1, 2],
  },
  gat: {
    fn: (h, adj, w, av) =>
      gatLayer(M("gat", "H", h), M("gat", "A", adj), M("gat", "W", w), V("gat", "a", av)).hPrime,
    tex: `\\mathrm{GAT}\\left(${a(0)}, ${a(1)}, ${a(2)}, ${a(3)}\\right)`,
    size: (h, adj, w) => Math.max(entryCount(adj), rows(h) * M("gat", "W", w).cols),
    arity: [4],
  },
  ntmAddress: {
    fn: (mem, k, beta, g, s, gamma, wPrev) =>
      ntmAddress(
        M("ntmAddress", "M", mem),
        {
          k: V("ntmAddress", "k", k),
          beta: S("ntmAddress", "beta", beta),
          g: S("ntmAddress", "g", g),
          s: V("ntmAddress", "s", s),
          gamma: S("ntmAddress", "gamma", gamma),
        },
        V("ntmAddress", "w_prev", wPrev),
      ).sharpened,
    tex: `\\mathrm{address}\\left(${a(0)}, ${a(1)}, ${a(2)}, ${a(3)}, ${a(4)}, ${a(5)}, ${a(6)}\\right)`,
    arity: [7],
  },
  ntmRead: {
    fn: (mem, w) => ntmRead(M("ntmRead", "M", mem), V("ntmRead", "w", w)),
    tex: `{${a(1)}}^{\\top} ${a(0)}`,
    arity: [2],
  },
  ntmWrite: {
    fn: (mem, w, e, add) =>
      ntmWrite(
        M("ntmWrite", "M", mem),
        V("ntmWrite", "w", w),
        V("ntmWrite", "e", e),
        V("ntmWrite", "a", add),
      ),
    tex: `${a(0)} \\circ \\left(1 - ${a(1)} {${a(2)}}^{\\top}\\right) + ${a(1)} {${a(3)}}^{\\top}`,
    arity: [4],
  },
};

/** Check the argument count, naming the accepted ones. */
export function checkArity(name: string, f: FormulaFunction, args: FormulaValue[]): void {
  if (!f.arity.includes(args.length)) {
    const want = f.arity.join(" or ");
    throw new TypeError(
      `${name}: expected ${want} arguments, got ${args.length} (${args.map(describe).join(", ")})`,
    );
  }
}
