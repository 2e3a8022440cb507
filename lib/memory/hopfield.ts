import { Matrix, type MatrixLike, asMatrix, assertFinite, matmul, shapeOf } from "../core/matrix";
import { softmaxBeta } from "../attention/softmax";

/** Options of the modern Hopfield update. */
export interface ModernHopfieldOptions {
  /** Inverse temperature β > 0: small → global average, large → single-pattern retrieval. Default 1. */
  beta: number;
  /** Number of update steps (≥ 1). Default 1. */
  steps: number;
}

export const MODERN_HOPFIELD_DEFAULTS: ModernHopfieldOptions = { beta: 1, steps: 1 };

/**
 * Modern continuous Hopfield retrieval (Ramsauer et al.): the update is attention over stored patterns.
 *
 * $$\xi^{\text{new}} = X^\top \mathrm{softmax}(\beta X \xi) \quad\Longleftrightarrow\quad \Xi \leftarrow \mathrm{softmax}(\beta\, \Xi X^\top)\, X$$
 *
 * Stored patterns are the **rows** of `X` (S × d); state patterns are the rows of `xi` (L × d).
 * Returns the final states, the association weights `p` (L × S) of the last step, and every step.
 *
 * @example
 * modernHopfield([[1, 0], [0, 1]], [[0.9, 0.1]], { beta: 100 }).xi.toArray().map((r) => r.map((v) => +v.toFixed(4)));
 * // returns [[1, 0]]
 *
 * @see {@link modernHopfieldEnergy}, {@link hopfieldRun}
 */
export function modernHopfield(
  X: MatrixLike,
  xi: MatrixLike,
  options: Partial<ModernHopfieldOptions> = {},
): { xi: Matrix; p: Matrix; history: { xi: Matrix[]; p: Matrix[] } } {
  const { beta, steps } = { ...MODERN_HOPFIELD_DEFAULTS, ...options };
  const P = asMatrix(X);
  let state = asMatrix(xi);
  check(P, state, beta);
  if (!(Number.isInteger(steps) && steps >= 1))
    throw new RangeError(`modernHopfield: steps must be an integer ≥ 1, got ${steps}`);
  const history = { xi: [] as Matrix[], p: [] as Matrix[] };
  let p = new Matrix(0, 0);
  for (let t = 0; t < steps; t++) {
    const scores = matmul(state, P, true); // (L, S)
    // softmax(β·scores) with β applied after the shift: no β overflows.
    p = new Matrix(scores.rows, scores.cols); // (L, S)
    for (let i = 0; i < scores.rows; i++) p.data.set(softmaxBeta(scores.row(i), beta), i * scores.cols);
    state = matmul(p, P); // (L, d)
    history.p.push(p);
    history.xi.push(state);
  }
  return { xi: state, p, history };
}

/**
 * The modern Hopfield energy of each state row: low near a stored pattern (or a metastable mixture).
 *
 * $$E(\xi) = -\beta^{-1}\log\sum_{\mu=1}^{S} e^{\beta x_\mu^\top \xi} + \tfrac12 \xi^\top\xi + \beta^{-1}\log S + \tfrac12 \max_\mu \lVert x_\mu\rVert^2$$
 *
 * @example
 * Array.from(modernHopfieldEnergy([[1, 0]], [[1, 0]], 1));
 * // returns [0]
 *
 * @see {@link modernHopfield}
 */
export function modernHopfieldEnergy(X: MatrixLike, xi: MatrixLike, beta = 1): Float64Array {
  const P = asMatrix(X);
  const S = asMatrix(xi);
  check(P, S, beta);
  let maxNorm2 = 0;
  for (let m = 0; m < P.rows; m++) {
    let n2 = 0;
    for (const v of P.row(m)) n2 += v * v;
    maxNorm2 = Math.max(maxNorm2, n2);
  }
  const scores = matmul(S, P, true); // (L, S)
  const out = new Float64Array(S.rows);
  for (let i = 0; i < S.rows; i++) {
    const row = scores.row(i);
    let max = -Infinity;
    for (const v of row) max = Math.max(max, v);
    // β⁻¹ log(S⁻¹ Σ e^{β v}) = m + β⁻¹ log1p(S⁻¹ Σ expm1(β (v − m))): finite for every β, and
    // tending to the mean of v as β → 0 (the two β⁻¹ log terms would each overflow there).
    let sum = 0;
    for (const v of row) sum += Math.expm1(beta * (v - max));
    const lse = max + Math.log1p(sum / P.rows) / beta;
    let self = 0;
    for (const v of S.row(i)) self += v * v;
    out[i] = -lse + self / 2 + maxNorm2 / 2;
  }
  return out;
}

function check(P: Matrix, S: Matrix, beta: number): void {
  if (P.rows === 0 || P.cols === 0)
    throw new RangeError(`modernHopfield: no stored patterns (X is ${shapeOf(P)})`);
  if (S.rows === 0) throw new RangeError(`modernHopfield: no state patterns (xi is ${shapeOf(S)})`);
  if (S.cols !== P.cols)
    throw new RangeError(`modernHopfield: X is ${shapeOf(P)} but xi is ${shapeOf(S)}; need the same d`);
  if (!(beta > 0) || !Number.isFinite(beta))
    throw new RangeError(`modernHopfield: beta must be finite and > 0, got ${beta}`);
  assertFinite("modernHopfield: X", P);
  assertFinite("modernHopfield: xi", S);
}
