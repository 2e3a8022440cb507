import { Matrix, matmul } from "../core/matrix";
import { normalMatrix } from "../core/normalMatrix";
import { rng } from "../core/random";
import { attention } from "../attention/attention";
import { tanhRnn } from "../rnn/tanhRnn";
import { rSquared, ridgeFit, ridgePredict } from "../analysis/ridge";

/** Options of {@link bottleneckExperiment}. */
export interface BottleneckOptions {
  /** Longest sequence; every length 1 … maxLength is measured (default 24). */
  maxLength?: number;
  /** Size d of the encoder state, and so of the single context vector (default 16). */
  hidden?: number;
  /** Size m of each random input token (default 4). */
  tokenSize?: number;
  /** Sequences used to fit the linear read-outs (default 400) and to score them (default 200). */
  train?: number;
  test?: number;
  /** The single vector: the encoder's last state, or the mean of its states (default "last"). */
  summary?: "last" | "mean";
  /** Sharpness β of the positional attention query (default 8). */
  sharpness?: number;
  /** Ridge penalty of the read-outs (default 1). */
  lambda?: number;
  seed?: number;
}

const DEFAULTS: Required<BottleneckOptions> = {
  maxLength: 24,
  hidden: 16,
  tokenSize: 4,
  train: 400,
  test: 200,
  summary: "last",
  sharpness: 8,
  lambda: 1,
  seed: 1,
};

/** What {@link bottleneckExperiment} measures at one sequence length. */
export interface BottleneckPoint {
  length: number;
  /** Mean over positions of the held-out R² of recovering x_i from the single vector. */
  single: number;
  /** The same, reading each position through attention over all encoder states. */
  attention: number;
  /** Linear capacity bound on the single vector's mean R²: min(1, d / (m·L)). */
  bound: number;
  /** (L) held-out R² per position, single vector. */
  singleByPosition: Float64Array;
  /** (L) held-out R² per position, attention. */
  attentionByPosition: Float64Array;
}

/**
 * The fixed-length bottleneck, measured: encode random sequences with a seeded random tanh RNN,
 * then try to recover every input token by a linear read-out (ridge regression, scored on held-out
 * sequences), once from a single d-sized vector and once from an attention read over all states.
 *
 * $$z = h_L \text{ (or } \tfrac1L \textstyle\sum_j h_j),\qquad c^{(i)} = \sum_j \operatorname{softmax}_j(\beta\, e_i^\top e_j)\, h_j,\qquad R^2_i = 1 - \frac{\lVert x_i - \hat x_i \rVert^2}{\lVert x_i - \bar x_i \rVert^2}$$
 *
 * @example
 * const p = bottleneckExperiment({ maxLength: 8, hidden: 8, train: 200, test: 100 });
 * [p[0].single > 0.9, p[7].single < 0.5, p[7].attention > 0.8, p[7].bound];
 * // returns [true, true, true, 0.25]
 *
 * @see {@link tanhRnn}, {@link attention}, {@link ridgeFit}
 */
export function bottleneckExperiment(options: BottleneckOptions = {}): BottleneckPoint[] {
  return Array.from(bottleneckPoints(options));
}

/**
 * {@link bottleneckExperiment} one length at a time: yields the point for L = 1, 2, …, maxLength
 * as soon as it is measured (the same numbers, in the same order), so a caller can show the curve
 * while it fills in. The encoding of every sequence happens before the first point. Bad options
 * throw a `RangeError` on the first `next()`.
 *
 * $$R^2_i(L) = 1 - \frac{\lVert x_i - \hat x_i \rVert^2}{\lVert x_i - \bar x_i \rVert^2},\qquad L = 1, \dots, T$$
 *
 * @example
 * const points = bottleneckPoints({ maxLength: 4, hidden: 8, train: 200, test: 100 });
 * const first = points.next().value;
 * [first.length, first.single > 0.9, [...points].length];
 * // returns [1, true, 3]
 *
 * @see {@link bottleneckExperiment}
 */
export function* bottleneckPoints(options: BottleneckOptions = {}): Generator<BottleneckPoint> {
  const o = { ...DEFAULTS, ...options };
  for (const k of ["maxLength", "hidden", "tokenSize", "train", "test"] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1)
      throw new RangeError(`bottleneckExperiment: ${k} must be a positive integer, got ${o[k]}`);
  }
  if (o.train < 2 || o.test < 2)
    throw new RangeError("bottleneckExperiment: train and test need at least 2 sequences each");
  const { maxLength: T, hidden: d, tokenSize: m } = o;
  const r = rng(o.seed);
  const enc = { Wx: normalMatrix(d, m, r, 1 / Math.sqrt(m)), Wh: normalMatrix(d, d, r, 0.9 / Math.sqrt(d)) };
  const N = o.train + o.test;
  const X: Matrix[] = [];
  const H: Matrix[] = [];
  for (let s = 0; s < N; s++) {
    const x = normalMatrix(T, m, r); // (T, m)
    X.push(x);
    H.push(tanhRnn(x, enc)); // (T, d): prefixes give the states of every shorter sequence
  }
  const rows = (from: number, to: number, f: (s: number) => ArrayLike<number>, cols: number) => {
    const M = new Matrix(to - from, cols); // (sequences, cols)
    for (let i = from; i < to; i++) M.data.set(f(i), (i - from) * cols);
    return M;
  };
  const score = (
    feat: (s: number) => ArrayLike<number>,
    cols: number,
    target: (s: number) => ArrayLike<number>,
    k: number,
  ) => {
    const model = ridgeFit(rows(0, o.train, feat, cols), rows(0, o.train, target, k), o.lambda);
    const pred = ridgePredict(model, rows(o.train, N, feat, cols));
    return { pred, truth: rows(o.train, N, target, k) };
  };

  for (let L = 1; L <= T; L++) {
    // One vector per sequence: the last state, or the mean of the first L states.
    const z = H.map((h) => {
      if (o.summary === "last") return h.row(L - 1);
      const v = new Float64Array(d);
      for (let j = 0; j < L; j++) for (let c = 0; c < d; c++) v[c] += h.data[j * d + c] / L;
      return v;
    });
    const all = score(
      (s) => z[s],
      d,
      (s) => X[s].data.subarray(0, L * m),
      L * m,
    );
    const singleByPosition = Float64Array.from({ length: L }, (_, i) =>
      rSquared(
        Matrix.fromFn(o.test, m, (n, c) => all.truth.data[n * L * m + i * m + c]),
        Matrix.fromFn(o.test, m, (n, c) => all.pred.data[n * L * m + i * m + c]),
      ),
    );
    // Attention: the query for position i matches the one-hot position keys; the values are the states.
    const keys = Matrix.fromFn(L, L, (a, b) => (a === b ? 1 : 0)); // (L, L)
    const attentionByPosition = Float64Array.from({ length: L }, (_, i) => {
      const q = Matrix.fromFn(1, L, (_a, j) => (j === i ? o.sharpness : 0)); // (1, L)
      const alpha = attention(q, keys, null, { score: "dot" }).weights; // (1, L)
      const c = H.map((h) => matmul(alpha, new Matrix(L, d, h.data.slice(0, L * d))).row(0)); // (d) per sequence, from the (L, d) prefix
      const fit = score(
        (s) => c[s],
        d,
        (s) => X[s].row(i),
        m,
      );
      return rSquared(fit.truth, fit.pred);
    });
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    yield {
      length: L,
      single: mean(singleByPosition),
      attention: mean(attentionByPosition),
      bound: Math.min(1, d / (m * L)),
      singleByPosition,
      attentionByPosition,
    };
  }
}
