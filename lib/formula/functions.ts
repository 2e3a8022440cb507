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
  /**
   * Softmax of a vector, or of each row of a matrix, at temperature T (default 1).
   *
   * Usage: `softmax(x)`, `softmax(x, T)`
   *
   * $$\mathrm{softmax}(x)_i = \frac{e^{x_i / T}}{\sum_j e^{x_j / T}}$$
   *
   * @example
   * evaluateFormula("round(softmax([0, log(3)]), 4)").valueOf();
   * // returns [0.25, 0.75]
   *
   * @see {@link FORMULA_FUNCTIONS}.attentionWeights
   */
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
  /**
   * Scaled dot-product attention of queries Q (n_q, d_k), keys K (n_k, d_k) and values V (n_k, d_v),
   * with an optional mask of allowed keys (n_q, n_k); returns (n_q, d_v). Vaswani et al. 2017, eq. 1.
   *
   * Usage: `attention(Q, K, V)`, `attention(Q, K, V, mask)`
   *
   * $$\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\!\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V$$
   *
   * @example
   * evaluateFormula("attention([[1, 0]], [[1, 0], [0, 1]], [[1, 2], [3, 4]])").valueOf();
   * // returns [[1.660476901346686, 2.6604769013466862]]
   *
   * @see {@link FORMULA_FUNCTIONS}.attentionWeights, {@link FORMULA_FUNCTIONS}.multihead
   */
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
  /**
   * The attention weights (n_q, n_k) of queries Q over keys K, each row a softmax of scaled dot
   * products; a mask (n_q, n_k) marks the allowed keys.
   *
   * Usage: `attentionWeights(Q, K)`, `attentionWeights(Q, K, mask)`
   *
   * $$A = \mathrm{softmax}\!\left(\frac{Q K^\top}{\sqrt{d_k}}\right)$$
   *
   * @example
   * evaluateFormula("attentionWeights([[1, 0], [0, 1]], [[1, 0], [0, 1]], [[true, false], [true, true]])").valueOf();
   * // returns [[1, 0], [0.33023845067334306, 0.6697615493266569]]
   *
   * @see {@link FORMULA_FUNCTIONS}.attention, {@link FORMULA_FUNCTIONS}.softmax
   */
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
  /**
   * Dot-product score of a query and a key (numbers), or of every query and key (a matrix, n_q × n_k).
   * Luong et al. 2015.
   *
   * Usage: `dotScore(q, k)`
   *
   * $$s(q, k) = q^\top k$$
   *
   * @example
   * evaluateFormula("dotScore([1, 2], [3, 4])");
   * // returns 11
   *
   * @see {@link FORMULA_FUNCTIONS}.scaledDot, {@link FORMULA_FUNCTIONS}.cosine
   */
  dotScore: {
    fn: (q, k) => score(() => dotScoreMatrix(M("dotScore", "q", q), M("dotScore", "k", k)), q, k),
    tex: `{${a(0)}}^{\\top} ${a(1)}`,
    size: pairs,
    arity: [2],
  },
  /**
   * Scaled dot-product score: the dot product divided by the square root of the key length d_k. Vaswani
   * et al. 2017.
   *
   * Usage: `scaledDot(q, k)`
   *
   * $$s(q, k) = \frac{q^\top k}{\sqrt{d_k}}$$
   *
   * @example
   * evaluateFormula("scaledDot([1, 1, 1, 1], [2, 2, 2, 2])");
   * // returns 4
   *
   * @see {@link FORMULA_FUNCTIONS}.dotScore
   */
  scaledDot: {
    fn: (q, k) => score(() => scaledDotScoreMatrix(M("scaledDot", "q", q), M("scaledDot", "k", k)), q, k),
    tex: `\\frac{{${a(0)}}^{\\top} ${a(1)}}{\\sqrt{d_k}}`,
    size: pairs,
    arity: [2],
  },
  /**
   * General (bilinear) score with a weight matrix W (d_q, d_k). Luong et al. 2015.
   *
   * Usage: `general(q, k, W)`
   *
   * $$s(q, k) = q^\top W k$$
   *
   * @example
   * evaluateFormula("general([1, 0], [0, 1], [[0, 2], [0, 0]])");
   * // returns 2
   *
   * @see {@link FORMULA_FUNCTIONS}.dotScore, {@link FORMULA_FUNCTIONS}.additive
   */
  general: {
    fn: (q, k, w) =>
      score(() => generalScoreMatrix(M("general", "q", q), M("general", "k", k), M("general", "W", w)), q, k),
    tex: `{${a(0)}}^{\\top} ${a(2)}\\, ${a(1)}`,
    size: pairs,
    arity: [3],
  },
  /**
   * Additive (MLP) score with W1 (d_h, d_k), W2 (d_h, d_q) and v (d_h). Bahdanau et al. 2015.
   *
   * Usage: `additive(q, k, W1, W2, v)`
   *
   * $$s(q, k) = v^\top \tanh(W_1 k + W_2 q)$$
   *
   * @example
   * evaluateFormula("additive([0, 0], [0, 0], [[1, 0], [0, 1]], [[1, 0], [0, 1]], [1, 1])");
   * // returns 0
   *
   * @see {@link FORMULA_FUNCTIONS}.general
   */
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
  /**
   * Cosine similarity of a query and a key: the dot product of the two directions, in [−1, 1]. Graves et
   * al. 2014 (content addressing).
   *
   * Usage: `cosine(q, k)`
   *
   * $$s(q, k) = \frac{q^\top k}{\lVert q \rVert\, \lVert k \rVert}$$
   *
   * @example
   * evaluateFormula("cosine([1, 0], [2, 0])");
   * // returns 1
   *
   * @see {@link FORMULA_FUNCTIONS}.dotScore, {@link FORMULA_FUNCTIONS}.ntmAddress
   */
  cosine: {
    fn: (q, k) => score(() => cosineScoreMatrix(M("cosine", "q", q), M("cosine", "k", k)), q, k),
    tex: `\\frac{{${a(0)}}^{\\top} ${a(1)}}{\\lVert ${a(0)} \\rVert\\, \\lVert ${a(1)} \\rVert}`,
    size: pairs,
    arity: [2],
  },
  /**
   * Multi-head attention with h heads and projections W_q, W_k, W_v (d_model, d_model) and W_o (d_model,
   * d_model); returns (n_q, d_model). Vaswani et al. 2017, section 3.2.2.
   *
   * Usage: `multihead(Q, K, V, h, Wq, Wk, Wv, Wo)`
   *
   * $$\mathrm{MultiHead}(Q, K, V) = \mathrm{Concat}(\mathrm{head}_1, \dots, \mathrm{head}_h)\, W^O$$
   *
   * @example
   * evaluateFormula("multihead([[1, 0]], [[1, 0]], [[2, 3]], 2, identity(2), identity(2), identity(2), identity(2))").valueOf();
   * // returns [[2, 3]]
   *
   * @see {@link FORMULA_FUNCTIONS}.attention
   */
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
  /**
   * Sinusoidal positional encodings of n positions in d dimensions, (n, d). Vaswani et al. 2017, section
   * 3.5.
   *
   * Usage: `positionalEncoding(n, d)`
   *
   * $$PE_{p, 2i} = \sin\!\left(\frac{p}{10000^{2i/d}}\right),\quad PE_{p, 2i+1} = \cos\!\left(\frac{p}{10000^{2i/d}}\right)$$
   *
   * @example
   * evaluateFormula("positionalEncoding(2, 2)").valueOf();
   * // returns [[0, 1], [0.8414709848078965, 0.5403023058681398]]
   *
   * @see {@link FORMULA_FUNCTIONS}.layerNorm
   */
  positionalEncoding: {
    fn: (n, d) => positionalEncoding(S("positionalEncoding", "n", n), S("positionalEncoding", "d", d)),
    tex: `\\mathrm{PE}\\left(${a(0)}, ${a(1)}\\right)`,
    size: (n, d) => S("positionalEncoding", "n", n) * S("positionalEncoding", "d", d),
    arity: [2],
  },
  /**
   * Layer normalisation of each row (token) of x, with an optional epsilon (default 1e−5). Ba et al.
   * 2016.
   *
   * Usage: `layerNorm(x)`, `layerNorm(x, eps)`
   *
   * $$\mathrm{LN}(x)_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}}$$
   *
   * @example
   * evaluateFormula("layerNorm([[1, 3]], 0)").valueOf();
   * // returns [[-1, 1]]
   *
   * @see {@link FORMULA_FUNCTIONS}.positionalEncoding
   */
  layerNorm: {
    fn: (x, eps = 1e-5) => layerNorm(M("layerNorm", "x", x), { eps: S("layerNorm", "eps", eps) }).output,
    tex: {
      1: `\\mathrm{LayerNorm}\\left(${a(0)}\\right)`,
      2: `\\mathrm{LayerNorm}_{${a(1)}}\\left(${a(0)}\\right)`,
    },
    arity: [1, 2],
  },
  /**
   * One graph attention layer: node features H (n, f), adjacency A (n, n), weights W (f, f') and
   * attention vector a (2f'); returns the new features (n, f'). Veličković et al. 2018, eq. 4.
   *
   * Usage: `gat(H, A, W, a)`
   *
   * $$h'_i = \sum_{j \in \mathcal{N}_i} \alpha_{ij} W h_j,\quad \alpha_{ij} = \mathrm{softmax}_j\!\left(\mathrm{LeakyReLU}\!\left(a^\top [W h_i \Vert W h_j]\right)\right)$$
   *
   * @example
   * evaluateFormula("gat([[1, 0], [0, 1]], [[1, 0], [0, 1]], identity(2), [1, 1, 1, 1])").valueOf();
   * // returns [[1, 0], [0, 1]]
   *
   * @see {@link FORMULA_FUNCTIONS}.attention
   */
  gat: {
    fn: (h, adj, w, av) =>
      gatLayer(M("gat", "H", h), M("gat", "A", adj), M("gat", "W", w), V("gat", "a", av)).hPrime,
    tex: `\\mathrm{GAT}\\left(${a(0)}, ${a(1)}, ${a(2)}, ${a(3)}\\right)`,
    size: (h, adj, w) => Math.max(entryCount(adj), rows(h) * M("gat", "W", w).cols),
    arity: [4],
  },
  /**
   * Neural Turing Machine addressing of a memory M (N, W) by key k, key strength beta, interpolation
   * gate g, shift weighting s, sharpening gamma and previous weighting w_prev; returns the weighting
   * (N). Graves et al. 2014, section 3.3.
   *
   * Usage: `ntmAddress(M, k, beta, g, s, gamma, wPrev)`
   *
   * $$w^c_i = \mathrm{softmax}_i\!\left(\beta\, \cos(k, M_i)\right),\quad w_i = \frac{\tilde w_i^{\gamma}}{\sum_j \tilde w_j^{\gamma}}$$
   *
   * @example
   * evaluateFormula("round(ntmAddress([[1, 0], [0, 1]], [1, 0], 100, 1, [0, 1, 0], 1, [0.5, 0.5]), 3)").valueOf();
   * // returns [1, 0]
   *
   * @see {@link FORMULA_FUNCTIONS}.ntmRead, {@link FORMULA_FUNCTIONS}.ntmWrite, {@link FORMULA_FUNCTIONS}.cosine
   */
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
  /**
   * Read from a memory M (N, W) with a weighting w (N): the weighted sum of its rows (W). Graves et al.
   * 2014, eq. 2.
   *
   * Usage: `ntmRead(M, w)`
   *
   * $$r = \sum_i w_i M_i$$
   *
   * @example
   * evaluateFormula("ntmRead([[1, 2], [3, 4]], [0.5, 0.5])").valueOf();
   * // returns [2, 3]
   *
   * @see {@link FORMULA_FUNCTIONS}.ntmWrite, {@link FORMULA_FUNCTIONS}.ntmAddress
   */
  ntmRead: {
    fn: (mem, w) => ntmRead(M("ntmRead", "M", mem), V("ntmRead", "w", w)),
    tex: `{${a(1)}}^{\\top} ${a(0)}`,
    arity: [2],
  },
  /**
   * Write to a memory M (N, W) with a weighting w (N), an erase vector e (W) and an add vector a (W).
   * Graves et al. 2014, eqs. 3 and 4.
   *
   * Usage: `ntmWrite(M, w, e, a)`
   *
   * $$M'_i = M_i \circ (1 - w_i e) + w_i a$$
   *
   * @example
   * evaluateFormula("ntmWrite([[1, 1], [1, 1]], [1, 0], [1, 0], [0, 5])").valueOf();
   * // returns [[0, 6], [1, 1]]
   *
   * @see {@link FORMULA_FUNCTIONS}.ntmRead
   */
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
