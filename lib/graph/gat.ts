import {
  Matrix,
  type MatrixLike,
  type VectorLike,
  asMatrix,
  assertFinite,
  matmul,
  shapeOf,
} from "../core/matrix";
import { logSoftmaxRows } from "../attention/softmax";

/** Options of one graph-attention layer. */
export interface GatLayerOptions {
  /** Negative slope of the LeakyReLU applied to the raw scores. Default 0.2 (the paper's). */
  alpha: number;
  /** Non-linearity on `hPrime`: `"elu"` (hidden, concatenated heads) or `"none"`. Default `"elu"`. */
  activation: "elu" | "none";
  /**
   * Peer quirk, off by default. pyGAT replaces the scores of non-edges by `-9e15` and takes the
   * softmax over *all* nodes, so a node with no edge (not even a self-loop) gets a uniform row
   * 1/N. Set `nonEdgeFill: -9e15` to reproduce it. Left `undefined`, the layer follows the paper:
   * the softmax runs over the neighbours only, and a node without neighbours gets an all-zero
   * attention row (it receives no message, so its `hPrime` row is 0).
   */
  nonEdgeFill: number | undefined;
}

/** Paper defaults. */
export const GAT_DEFAULTS: GatLayerOptions = { alpha: 0.2, activation: "elu", nonEdgeFill: undefined };

/** The weights of one attention head: `W` is (F_in × F_out), used as `h W`; `a` holds 2·F_out numbers. */
export interface GatHead {
  W: MatrixLike;
  a: MatrixLike | VectorLike;
}

/** Everything one GAT layer computes, for a widget to display. */
export interface GatLayerResult {
  /** Projected features `h W`, (N × F_out). */
  Wh: Matrix;
  /** LeakyReLU scores on edges; non-edges are marked `-Infinity` (never NaN), (N × N). */
  e: Matrix;
  /** Attention weights: rows sum to 1 over the neighbours (0 off the edges), (N × N). */
  attention: Matrix;
  /** New node features `act(attention · Wh)`, (N × F_out). */
  hPrime: Matrix;
}

/**
 * One graph-attention layer (Veličković et al.): masked attention over each node's neighbours.
 *
 * $$e_{ij} = \mathrm{LeakyReLU}\big(a^\top [W h_i \,\|\, W h_j]\big),\quad \alpha_{ij} = \mathrm{softmax}_{j \in \mathcal{N}(i)}(e_{ij}),\quad h'_i = \sigma\Big(\sum_{j \in \mathcal{N}(i)} \alpha_{ij} W h_j\Big)$$
 *
 * `adj[i][j] > 0` means i attends to j; self-loops are not added (put them in `adj`).
 *
 * @example
 * gatLayer([[1], [2]], [[1, 1], [0, 1]], [[1]], [0, 0], { activation: "none" }).attention.toArray();
 * // returns [[0.5, 0.5], [0, 1]]
 *
 * @see {@link gatMultiHead}, {@link gatModel}, {@link gcnLayer}
 */
export function gatLayer(
  h: MatrixLike,
  adj: MatrixLike,
  W: MatrixLike,
  a: MatrixLike | VectorLike,
  options: Partial<GatLayerOptions> = {},
): GatLayerResult {
  const opt = { ...GAT_DEFAULTS, ...options };
  const H = asMatrix(h);
  const A = checkAdjacency("gatLayer", adj, H);
  assertFinite("gatLayer: h", H);
  const Wh = matmul(H, W); // (N, F_out)
  const n = H.rows;
  const f = Wh.cols;
  const av = flatten(a);
  if (av.length !== 2 * f) {
    throw new RangeError(
      `gatLayer: a has ${av.length} entries, expected 2·F_out = ${2 * f} (Wh is ${shapeOf(Wh)})`,
    );
  }
  assertFinite("gatLayer: a", av);
  assertFinite("gatLayer: h·W", Wh);
  const src = new Float64Array(n); // Wh_i · a[:F]
  const dst = new Float64Array(n); // Wh_j · a[F:]
  for (let i = 0; i < n; i++) {
    let s = 0;
    let t = 0;
    for (let k = 0; k < f; k++) {
      s += Wh.data[i * f + k] * av[k];
      t += Wh.data[i * f + k] * av[f + k];
    }
    src[i] = s;
    dst[i] = t;
  }
  const e = new Matrix(n, n); // (N, N)
  const att = new Matrix(n, n); // (N, N)
  const fill = opt.nonEdgeFill;
  for (let i = 0; i < n; i++) {
    const r = i * n;
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = src[i] + dst[j];
      const edge = A.data[r + j] > 0;
      e.data[r + j] = edge ? (x > 0 ? x : opt.alpha * x) : -Infinity;
      const v = edge ? e.data[r + j] : (fill ?? -Infinity);
      att.data[r + j] = v;
      if (v > max) max = v;
    }
    if (max === -Infinity) {
      att.data.fill(0, r, r + n);
      continue;
    }
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const w = att.data[r + j] === -Infinity ? 0 : Math.exp(att.data[r + j] - max);
      att.data[r + j] = w;
      sum += w;
    }
    for (let j = 0; j < n; j++) att.data[r + j] /= sum;
  }
  const hPrime = matmul(att, Wh); // (N, F_out)
  if (opt.activation === "elu") eluInPlace(hPrime);
  return { Wh, e, attention: att, hPrime };
}

/** Options of a multi-head layer: the layer options plus how the heads are combined. */
export interface GatMultiHeadOptions extends GatLayerOptions {
  /** `"concat"` (hidden layers: act per head, then concatenate) or `"mean"` (output layer: average, then act). */
  combine: "concat" | "mean";
}

/**
 * A multi-head GAT layer: K independent heads, concatenated (hidden layers) or averaged (last layer).
 *
 * $$h'_i = \big\Vert_{k=1}^{K} \sigma\Big(\sum_j \alpha^k_{ij} W^k h_j\Big) \quad\text{or}\quad h'_i = \sigma\Big(\tfrac{1}{K}\sum_{k=1}^{K}\sum_j \alpha^k_{ij} W^k h_j\Big)$$
 *
 * @example
 * const head = { W: [[1]], a: [0, 0] };
 * gatMultiHead([[1], [3]], [[1, 1], [1, 1]], [head, head], { combine: "concat", activation: "none" }).output.toArray();
 * // returns [[2, 2], [2, 2]]
 *
 * @see {@link gatLayer}, {@link gatModel}
 */
export function gatMultiHead(
  h: MatrixLike,
  adj: MatrixLike,
  heads: readonly GatHead[],
  options: Partial<GatMultiHeadOptions> = {},
): { heads: GatLayerResult[]; output: Matrix } {
  if (heads.length === 0) throw new RangeError("gatMultiHead: need at least one head");
  const { combine = "concat", ...layerOpt } = options;
  const act = layerOpt.activation ?? GAT_DEFAULTS.activation;
  const perHead = combine === "concat" ? layerOpt : { ...layerOpt, activation: "none" as const };
  const results = heads.map((k) => gatLayer(h, adj, k.W, k.a, perHead));
  const n = results[0].hPrime.rows;
  if (combine === "concat") {
    const width = results.reduce((s, r) => s + r.hPrime.cols, 0);
    const out = new Matrix(n, width); // (N, Σ F_out)
    let off = 0;
    for (const r of results) {
      const f = r.hPrime.cols;
      for (let i = 0; i < n; i++) out.data.set(r.hPrime.row(i), i * width + off);
      off += f;
    }
    return { heads: results, output: out };
  }
  const f = results[0].hPrime.cols;
  const out = new Matrix(n, f); // (N, F_out)
  for (const r of results) {
    if (r.hPrime.cols !== f) {
      throw new RangeError(
        `gatMultiHead: heads to average differ in shape: ${shapeOf(results[0].hPrime)} and ${shapeOf(r.hPrime)}`,
      );
    }
    for (let t = 0; t < out.data.length; t++) out.data[t] += r.hPrime.data[t] / results.length;
  }
  if (act === "elu") eluInPlace(out);
  return { heads: results, output: out };
}

/** Options of the two-layer GAT model. */
export interface GatModelOptions {
  alpha: number;
  nonEdgeFill: number | undefined;
  /** pyGAT applies ELU to the output layer before `log_softmax`; the paper does not. Default true. */
  finalElu: boolean;
}

/**
 * The two-layer GAT classifier: K concatenated ELU heads, then an averaged (or single) output layer.
 *
 * $$H = \big\Vert_k \mathrm{ELU}(\mathrm{GAT}_k(X)),\quad Z = \tfrac{1}{K'}\sum_{k'} \mathrm{GAT}_{k'}(H),\quad \log p = \log\mathrm{softmax}(\mathrm{ELU}(Z))$$
 *
 * @example
 * const m = gatModel([[1], [2]], [[1, 1], [1, 1]], { heads: [{ W: [[1]], a: [0, 0] }], out: { W: [[0, 0]], a: [0, 0, 0, 0] } });
 * m.logProbs.toArray().map((r) => r.map((v) => +v.toFixed(4)));
 * // returns [[-0.6931, -0.6931], [-0.6931, -0.6931]]
 *
 * @see {@link gatMultiHead}, {@link gatLayer}
 */
export function gatModel(
  x: MatrixLike,
  adj: MatrixLike,
  params: { heads: readonly GatHead[]; out: GatHead | readonly GatHead[] },
  options: Partial<GatModelOptions> = {},
): { heads: GatLayerResult[]; hidden: Matrix; out: GatLayerResult[]; outLayer: Matrix; logProbs: Matrix } {
  const { alpha = GAT_DEFAULTS.alpha, nonEdgeFill, finalElu = true } = options;
  const hiddenLayer = gatMultiHead(x, adj, params.heads, {
    alpha,
    nonEdgeFill,
    combine: "concat",
    activation: "elu",
  });
  const outHeads = Array.isArray(params.out) ? (params.out as readonly GatHead[]) : [params.out as GatHead];
  const outLayer = gatMultiHead(hiddenLayer.output, adj, outHeads, {
    alpha,
    nonEdgeFill,
    combine: "mean",
    activation: "none",
  });
  const z = outLayer.output.clone(); // (N, classes)
  if (finalElu) eluInPlace(z);
  return {
    heads: hiddenLayer.heads,
    hidden: hiddenLayer.output,
    out: outLayer.heads,
    outLayer: outLayer.output,
    logProbs: logSoftmaxRows(z),
  };
}

/**
 * Check that an adjacency matrix fits the node features (N×N for N rows, finite, N ≥ 1).
 *
 * $$A \in \mathbb{R}^{N \times N},\quad H \in \mathbb{R}^{N \times F}$$
 *
 * @example
 * checkAdjacency("demo", [[1, 0], [0, 1]], Matrix.from([[5], [6]])).shape;
 * // returns [2, 2]
 *
 * @see {@link gatLayer}, {@link gcnLayer}
 */
export function checkAdjacency(what: string, adj: MatrixLike, h: Matrix): Matrix {
  const A = asMatrix(adj);
  if (A.rows !== A.cols || A.rows !== h.rows) {
    throw new RangeError(
      `${what}: adjacency is ${shapeOf(A)}, features are ${shapeOf(h)}; need N×N for N nodes`,
    );
  }
  if (A.rows === 0) throw new RangeError(`${what}: empty graph (0 nodes)`);
  assertFinite(`${what}: adjacency`, A);
  return A;
}

function flatten(a: MatrixLike | VectorLike): Float64Array {
  if (a instanceof Matrix) return a.data;
  const first = (a as ArrayLike<unknown>)[0];
  if (Array.isArray(first) || ArrayBuffer.isView(first)) return asMatrix(a as MatrixLike).data;
  return Float64Array.from(a as VectorLike);
}

function eluInPlace(m: Matrix): void {
  const d = m.data;
  for (let t = 0; t < d.length; t++) if (d[t] <= 0) d[t] = Math.expm1(d[t]);
}
