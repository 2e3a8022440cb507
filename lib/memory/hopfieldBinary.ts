import { Matrix, type MatrixLike, type VectorLike, asMatrix, assertFinite, shapeOf } from "../core/matrix";
import { rng } from "../core/random";

/** Options of {@link hebbianWeights}. */
export interface HebbianOptions {
  /** Divide by the number of patterns (`"patterns"`, the course's 1/N) or of neurons (`"neurons"`, 1/M). */
  scale: "patterns" | "neurons";
}

export const HEBBIAN_DEFAULTS: HebbianOptions = { scale: "patterns" };

/**
 * Hebbian storage: sum of outer products of the ±1 patterns (rows), scaled, with a zero diagonal.
 *
 * $$w_{ij} = \frac{1}{N}\sum_{\mu=1}^{N} x^{(\mu)}_i x^{(\mu)}_j \ (i \ne j),\qquad w_{ii} = 0$$
 *
 * @example
 * hebbianWeights([[1, -1, 1]]).toArray();
 * // returns [[0, -1, 1], [-1, 0, -1], [1, -1, 0]]
 *
 * @see {@link hopfieldRun}, {@link hopfieldEnergy}
 */
export function hebbianWeights(patterns: MatrixLike, options: Partial<HebbianOptions> = {}): Matrix {
  const { scale } = { ...HEBBIAN_DEFAULTS, ...options };
  const X = asMatrix(patterns);
  if (X.rows === 0 || X.cols === 0) throw new RangeError(`hebbianWeights: no patterns (${shapeOf(X)})`);
  for (let i = 0; i < X.data.length; i++) checkSpin("hebbianWeights: patterns", X.data[i], i);
  const m = X.cols;
  const divisor = scale === "neurons" ? m : X.rows;
  const W = new Matrix(m, m); // (M, M)
  // Integer sums first (exact), one division at the end: each w_ij is k/N correctly rounded.
  for (let mu = 0; mu < X.rows; mu++) {
    const x = X.row(mu);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) W.data[i * m + j] += x[i] * x[j];
  }
  for (let t = 0; t < W.data.length; t++) W.data[t] /= divisor;
  return W;
}

/**
 * Local fields: the input each neuron receives. A field that is zero up to the rounding of its
 * terms (|h_i| ≤ (M + 2)·ε·(Σ_j |w_ij s_j| + |b_i|), ε = 2⁻⁵²) is returned as exactly 0, so a field
 * that is 0 in exact arithmetic (weights in thirds, say) gives sign(0) = +1 whatever the rounding,
 * and scaling W (and b) by a positive factor never changes a sign.
 *
 * $$h = W s + b$$
 *
 * @example
 * Array.from(hopfieldField([[0, 1], [1, 0]], [1, -1]));
 * // returns [-1, 1]
 *
 * @see {@link hopfieldRun}
 */
export function hopfieldField(W: MatrixLike, s: VectorLike, b?: VectorLike): Float64Array {
  const M = checkNet(W, s, b);
  const m = M.cols;
  const h = new Float64Array(m);
  for (let i = 0; i < m; i++) h[i] = fieldAt(M.data, m, i, s, b);
  return h;
}

/** h_i = Σ_j w_ij s_j + b_i, or exactly 0 when |h_i| is within the rounding error of its terms. */
function fieldAt(w: Float64Array, m: number, i: number, s: ArrayLike<number>, b?: VectorLike): number {
  let acc = b ? b[i] : 0;
  let mag = Math.abs(acc);
  const o = i * m;
  for (let j = 0; j < m; j++) {
    const t = w[o + j] * s[j];
    acc += t;
    mag += Math.abs(t);
  }
  // Each term carries up to one rounding from W's own entries and one from a scaling of W; the
  // sum adds at most M more: (M + 2)·ε·Σ|terms| bounds the distance from the exact field.
  return Math.abs(acc) <= (m + 2) * Number.EPSILON * mag ? 0 : acc;
}

/**
 * Energy of a state; asynchronous updates never raise it (symmetric W, zero diagonal).
 *
 * $$E(s) = -\tfrac12 s^\top W s - b^\top s$$
 *
 * @example
 * hopfieldEnergy([[0, 1], [1, 0]], [1, 1]);
 * // returns -1
 *
 * @see {@link hopfieldRun}
 */
export function hopfieldEnergy(W: MatrixLike, s: VectorLike, b?: VectorLike): number {
  const h = hopfieldField(W, s);
  let e = 0;
  for (let i = 0; i < s.length; i++) e -= 0.5 * s[i] * h[i] + (b ? b[i] * s[i] : 0);
  return e;
}

/** Options of {@link hopfieldRun}. */
export interface HopfieldRunOptions {
  /** Bias b (M). Default none (0). */
  b: VectorLike | undefined;
  /** `"sync"`: all neurons at once; `"async"`: one at a time (one step = one sweep). Default `"async"`. */
  mode: "sync" | "async";
  /** Number of steps (sweeps). Default 100. */
  maxSteps: number;
  /** Stop after the first step that changes nothing. Default true. */
  stopAtFixedPoint: boolean;
  /** Async neuron order per sweep; default a permutation drawn from `seed` for every sweep. */
  order: readonly number[] | undefined;
  /** Seed of the random order. Default 1. */
  seed: number;
}

export const HOPFIELD_RUN_DEFAULTS: HopfieldRunOptions = {
  b: undefined,
  mode: "async",
  maxSteps: 100,
  stopAtFixedPoint: true,
  order: undefined,
  seed: 1,
};

/** The trajectory of a run, for a step-through widget. */
export interface HopfieldTrajectory {
  /** s_0 … s_T. */
  states: Float64Array[];
  /** E(s_t) for every state. */
  energies: number[];
  /** First t with s_{t+1} = s_t, or null. */
  fixedPointAt: number | null;
  /** True when the run oscillates with period 2 (s_{t+2} = s_t ≠ s_{t+1}); only synchronous runs can. */
  twoCycle: boolean;
  final: Float64Array;
}

/**
 * Run a binary Hopfield network from `s0`, synchronously or asynchronously, recording every state.
 *
 * A field that is 0 in exact arithmetic counts as 0 however W was rounded or scaled (see
 * {@link hopfieldField}).
 *
 * $$s_i \leftarrow \operatorname{sign}\Big(\sum_j w_{ij} s_j + b_i\Big),\qquad \operatorname{sign}(0) = +1$$
 *
 * @example
 * const W = hebbianWeights([[1, -1, 1, -1]]);
 * Array.from(hopfieldRun(W, [1, 1, 1, -1], { mode: "sync" }).final);
 * // returns [1, -1, 1, -1]
 *
 * @see {@link hebbianWeights}, {@link hopfieldEnergy}, {@link hopfieldMatch}
 */
export function hopfieldRun(
  W: MatrixLike,
  s0: VectorLike,
  options: Partial<HopfieldRunOptions> = {},
): HopfieldTrajectory {
  const opt = { ...HOPFIELD_RUN_DEFAULTS, ...options };
  const M = checkNet(W, s0, opt.b);
  const m = M.cols;
  for (let i = 0; i < m; i++) checkSpin("hopfieldRun: s0", s0[i], i);
  if (
    opt.order &&
    (opt.order.length !== m || new Set(opt.order).size !== m || opt.order.some((i) => !(i >= 0 && i < m)))
  ) {
    throw new RangeError(
      `hopfieldRun: order must be a permutation of 0…${m - 1}, got length ${opt.order.length}`,
    );
  }
  const r = rng(opt.seed);
  const states: Float64Array[] = [Float64Array.from(s0)];
  const energies = [hopfieldEnergy(M, s0, opt.b)];
  let fixedPointAt: number | null = null;
  for (let t = 0; t < opt.maxSteps; t++) {
    const prev = states[t];
    let next: Float64Array;
    if (opt.mode === "sync") {
      const h = hopfieldField(M, prev, opt.b);
      next = h.map((v) => (v >= 0 ? 1 : -1));
    } else {
      next = prev.slice();
      for (const i of opt.order ?? permutation(m, r))
        next[i] = fieldAt(M.data, m, i, next, opt.b) >= 0 ? 1 : -1;
    }
    states.push(next);
    energies.push(hopfieldEnergy(M, next, opt.b));
    if (fixedPointAt === null && same(prev, next)) {
      fixedPointAt = t;
      if (opt.stopAtFixedPoint) break;
    }
  }
  let twoCycle = false;
  for (let t = 0; t + 2 < states.length; t++) {
    if (same(states[t], states[t + 2]) && !same(states[t], states[t + 1])) twoCycle = true;
  }
  return { states, energies, fixedPointAt, twoCycle, final: states[states.length - 1] };
}

/**
 * Which stored pattern (row) a state equals, exactly or sign-flipped (the spurious mirror attractor).
 *
 * $$\text{pattern} = \min\{\mu : s = x^{(\mu)}\},\qquad \text{negated} = \min\{\mu : s = -x^{(\mu)}\}$$
 *
 * @example
 * hopfieldMatch([-1, 1], [[1, 1], [1, -1]]);
 * // returns {"pattern": null, "negated": 1}
 *
 * @see {@link hopfieldRun}
 */
export function hopfieldMatch(
  s: VectorLike,
  patterns: MatrixLike,
): { pattern: number | null; negated: number | null } {
  const X = asMatrix(patterns);
  if (X.cols !== s.length)
    throw new RangeError(`hopfieldMatch: patterns are ${shapeOf(X)}, state has ${s.length}`);
  let pattern: number | null = null;
  let negated: number | null = null;
  for (let mu = X.rows - 1; mu >= 0; mu--) {
    const x = X.row(mu);
    if (same(x, s)) pattern = mu;
    if (x.every((v, i) => v === -s[i])) negated = mu;
  }
  return { pattern, negated };
}

function checkNet(W: MatrixLike, s: VectorLike, b?: VectorLike): Matrix {
  const M = asMatrix(W);
  if (M.rows !== M.cols || M.rows === 0)
    throw new RangeError(`hopfield: W is ${shapeOf(M)}; need a square M×M, M ≥ 1`);
  if (s.length !== M.cols)
    throw new RangeError(`hopfield: W is ${shapeOf(M)} but the state has ${s.length} entries`);
  if (b && b.length !== M.cols)
    throw new RangeError(`hopfield: W is ${shapeOf(M)} but the bias has ${b.length} entries`);
  assertFinite("hopfield: W", M);
  if (b) assertFinite("hopfield: b", b);
  return M;
}

function checkSpin(what: string, v: number, i: number): void {
  if (v !== 1 && v !== -1)
    throw new RangeError(`${what}: entry ${i} is ${v}; states and patterns must be ±1`);
}

function permutation(n: number, r: { int(n: number): number }): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

function same(a: VectorLike, b: VectorLike): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
