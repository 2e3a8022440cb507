import { Matrix, type MatrixLike, asMatrix, assertFinite, matmul, shapeOf } from "../core/matrix";
import { checkAdjacency } from "./gat";

/** Options of a GCN layer. */
export interface GcnOptions {
  /** Add self-loops (Â = A + I) before normalising. Default true (Kipf & Welling). */
  selfLoops: boolean;
  /** Non-linearity on the output. Default `"relu"`. */
  activation: "relu" | "none";
}

/** Kipf & Welling defaults. */
export const GCN_DEFAULTS: GcnOptions = { selfLoops: true, activation: "relu" };

/**
 * The GCN propagation matrix: fixed neighbour weights from the graph's degrees, not learned.
 *
 * $$\hat A = \tilde D^{-1/2} (A + I) \tilde D^{-1/2},\quad \tilde D_{ii} = \sum_j (A + I)_{ij}$$
 *
 * An isolated node (degree 0, possible only with `selfLoops: false`) gets an all-zero row.
 *
 * @example
 * gcnNormalize([[0, 1], [1, 0]]).toArray();
 * // returns [[0.5, 0.5], [0.5, 0.5]]
 *
 * @see {@link gcnLayer}, {@link gatLayer}
 */
export function gcnNormalize(adj: MatrixLike, options: Partial<Pick<GcnOptions, "selfLoops">> = {}): Matrix {
  const { selfLoops } = { ...GCN_DEFAULTS, ...options };
  const A = asMatrix(adj);
  if (A.rows !== A.cols || A.rows === 0)
    throw new RangeError(`gcnNormalize: adjacency is ${shapeOf(A)}; need N×N, N ≥ 1`);
  assertFinite("gcnNormalize: adjacency", A);
  const n = A.rows;
  const out = new Matrix(n, n); // (N, N)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      out.data[i * n + j] = (A.data[i * n + j] > 0 ? 1 : 0) + (selfLoops && i === j ? 1 : 0);
  }
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) deg[i] += out.data[i * n + j];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = out.data[i * n + j];
      out.data[i * n + j] = a === 0 ? 0 : a / Math.sqrt(deg[i] * deg[j]);
    }
  }
  return out;
}

/**
 * One graph-convolution layer: every node averages its neighbours with the fixed GCN weights.
 *
 * $$H' = \sigma\big(\hat A\, H W\big)$$
 *
 * @example
 * gcnLayer([[1], [3]], [[0, 1], [1, 0]], [[1]]).hPrime.toArray();
 * // returns [[2], [2]]
 *
 * @see {@link gcnNormalize}, {@link gatLayer}
 */
export function gcnLayer(
  h: MatrixLike,
  adj: MatrixLike,
  W: MatrixLike,
  options: Partial<GcnOptions> = {},
): { norm: Matrix; HW: Matrix; hPrime: Matrix } {
  const opt = { ...GCN_DEFAULTS, ...options };
  const H = asMatrix(h);
  checkAdjacency("gcnLayer", adj, H);
  assertFinite("gcnLayer: h", H);
  const norm = gcnNormalize(adj, opt); // (N, N)
  const HW = matmul(H, W); // (N, F_out)
  const hPrime = matmul(norm, HW); // (N, F_out)
  if (opt.activation === "relu")
    for (let t = 0; t < hPrime.data.length; t++) hPrime.data[t] = Math.max(0, hPrime.data[t]);
  return { norm, HW, hPrime };
}
