/**
 * A dense row-major matrix of float64 values: the one numeric container of `lib/`.
 *
 * Rows are tokens: a sequence of n vectors of size d is an n×d matrix.
 *
 * $$M \in \mathbb{R}^{n \times d},\quad M_{ij} = \texttt{data}[i \cdot d + j]$$
 *
 * @example
 * Matrix.from([[1, 2], [3, 4]]).get(1, 0);
 * // returns 3
 *
 * @see {@link asMatrix} to accept either a `Matrix` or nested arrays.
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new RangeError(`Matrix: invalid shape (${rows}×${cols})`);
    }
    if (data && data.length !== rows * cols) {
      throw new RangeError(`Matrix: data of length ${data.length} does not fit shape (${rows}×${cols})`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** Build a matrix from nested arrays (rows of equal length). */
  static from(a: MatrixLike): Matrix {
    if (a instanceof Matrix) return a;
    const rows = a.length;
    const cols = rows === 0 ? 0 : a[0].length;
    const m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      const r = a[i];
      if (r.length !== cols) {
        throw new RangeError(
          `Matrix.from: row ${i} has length ${r.length}, expected ${cols} (shape ${rows}×${cols})`,
        );
      }
      for (let j = 0; j < cols; j++) m.data[i * cols + j] = r[j];
    }
    return m;
  }

  /** A 1×d matrix holding one vector. */
  static rowVector(v: VectorLike): Matrix {
    return new Matrix(1, v.length, Float64Array.from(v));
  }

  /** A matrix filled by `f(i, j)`. */
  static fromFn(rows: number, cols: number, f: (i: number, j: number) => number): Matrix {
    const m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.data[i * cols + j] = f(i, j);
    return m;
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, v: number): void {
    this.data[i * this.cols + j] = v;
  }

  /** Row i as a view (no copy). */
  row(i: number): Float64Array {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  toArray(): number[][] {
    const out: number[][] = new Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = Array.from(this.row(i));
    return out;
  }
}

/** A vector: any array-like of numbers (plain array or typed array). */
export type VectorLike = ArrayLike<number>;

/** Anything a `lib/` function accepts as a matrix. */
export type MatrixLike = Matrix | ReadonlyArray<ReadonlyArray<number>>;

/**
 * Accept a `Matrix` or nested arrays; never copies a `Matrix`.
 *
 * $$\mathrm{asMatrix}(A) = A \in \mathbb{R}^{n \times d}$$
 *
 * @example
 * asMatrix([[1, 2], [3, 4]]).shape;
 * // returns [2, 2]
 *
 * @see {@link Matrix.from}
 */
export function asMatrix(a: MatrixLike): Matrix {
  return Matrix.from(a);
}

/**
 * Format a shape for error messages: `3×4`, or a vector's length.
 *
 * $$\mathbb{R}^{n \times d} \mapsto \texttt{"n×d"}$$
 *
 * @example
 * shapeOf(new Matrix(3, 4));
 * // returns "3×4"
 */
export function shapeOf(m: Matrix | VectorLike): string {
  return m instanceof Matrix ? `${m.rows}×${m.cols}` : `${m.length}`;
}

/**
 * Matrix product A·B, or A·Bᵀ when `transposeB` is set.
 *
 * Non-finite entries follow IEEE 754 exactly as the plain sum over k does, on every kernel and
 * every shape: every product term is formed, so 0·∞ = NaN, ∞ − ∞ = NaN and NaN propagates
 * (`matmul([[0]], [[Infinity]])` is `[[NaN]]`). Finite results may differ in the last bits between
 * shapes, because the kernels add the terms in different orders.
 *
 * $$C_{ij} = \sum_k A_{ik} B_{kj}$$
 *
 * @example
 * matmul([[1, 2]], [[3], [4]]).toArray();
 * // returns [[11]]
 *
 * @see {@link transpose}, {@link dot}
 */
export function matmul(a: MatrixLike, b: MatrixLike, transposeB = false): Matrix {
  const A = asMatrix(a);
  const B = asMatrix(b);
  const inner = transposeB ? B.cols : B.rows;
  if (A.cols !== inner) {
    throw new RangeError(
      `matmul: inner dimensions differ: A is ${shapeOf(A)}, B${transposeB ? "ᵀ" : ""} is ${transposeB ? `${B.cols}×${B.rows}` : shapeOf(B)}`,
    );
  }
  const n = A.rows;
  const m = transposeB ? B.rows : B.cols;
  const k = A.cols;
  const C = new Matrix(n, m); // (n, m)
  if (transposeB) matmulABt(A.data, B.data, C.data, n, m, k);
  else if (n >= 8 && m >= 4) {
    // For all but tiny products, transposing B (k·m copies) and running the register-blocked
    // A·Bᵀ kernel beats streaming B row by row (measured ~3× at 256×256·256×64).
    matmulABt(A.data, transposeData(B.data, k, m), C.data, n, m, k);
  } else matmulAB(A.data, B.data, C.data, n, m, k);
  return C;
}

/*
 * The two kernels of `matmul`. Both are register-blocked, which cuts memory traffic several-fold
 * against the plain triple loop: A·Bᵀ computes a 2×4 block of dot products per pass; A·B folds
 * four rows of B into one row of C per pass.
 */

/** c (n, m) = a (n, k) · bᵀ, b (m, k): two rows of a against four rows of b per pass. */
function matmulABt(a: Float64Array, b: Float64Array, c: Float64Array, n: number, m: number, k: number): void {
  const m4 = m - (m % 4);
  const n2 = n - (n % 2);
  for (let i = 0; i < n2; i += 2) {
    const x0 = i * k;
    const x1 = x0 + k;
    const c0 = i * m;
    const c1 = c0 + m;
    for (let j = 0; j < m4; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let t = 0; t < k; t++) {
        const u = a[x0 + t];
        const v = a[x1 + t];
        const p = b[b0 + t];
        const q = b[b1 + t];
        const r = b[b2 + t];
        const w = b[b3 + t];
        s00 += u * p;
        s01 += u * q;
        s02 += u * r;
        s03 += u * w;
        s10 += v * p;
        s11 += v * q;
        s12 += v * r;
        s13 += v * w;
      }
      c[c0 + j] = s00;
      c[c0 + j + 1] = s01;
      c[c0 + j + 2] = s02;
      c[c0 + j + 3] = s03;
      c[c1 + j] = s10;
      c[c1 + j + 1] = s11;
      c[c1 + j + 2] = s12;
      c[c1 + j + 3] = s13;
    }
    for (let j = m4; j < m; j++) {
      c[c0 + j] = dotAt(a, x0, b, j * k, k);
      c[c1 + j] = dotAt(a, x1, b, j * k, k);
    }
  }
  if (n2 < n) for (let j = 0; j < m; j++) c[n2 * m + j] = dotAt(a, n2 * k, b, j * k, k);
}

/** Σ_t a[ia + t] · b[ib + t], with two accumulators. */
function dotAt(a: Float64Array, ia: number, b: Float64Array, ib: number, k: number): number {
  let s0 = 0;
  let s1 = 0;
  let t = 0;
  for (; t + 1 < k; t += 2) {
    s0 += a[ia + t] * b[ib + t];
    s1 += a[ia + t + 1] * b[ib + t + 1];
  }
  if (t < k) s0 += a[ia + t] * b[ib + t];
  return s0 + s1;
}

/** Row-major (rows × cols) data → its transpose's row-major data. */
function transposeData(d: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) t[j * rows + i] = d[o + j];
  }
  return t;
}

/** c (n, m) = a (n, k) · b (k, m); c starts at zero. */
function matmulAB(a: Float64Array, b: Float64Array, c: Float64Array, n: number, m: number, k: number): void {
  // A zero entry a_it is skipped only when row t of B is finite (0·∞ and 0·NaN are NaN, not 0);
  // rows are checked once, on the first zero that meets them. 0 = unchecked, 1 = finite, 2 = not.
  const rowState = new Uint8Array(k);
  const finiteRow = (t: number): boolean => {
    if (rowState[t] === 0) {
      rowState[t] = 1;
      for (let j = t * m, e = j + m; j < e; j++) {
        const v = b[j];
        if (v - v !== 0) {
          rowState[t] = 2;
          break;
        }
      }
    }
    return rowState[t] === 1;
  };
  const k4 = k - (k % 4);
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    const ci = i * m;
    for (let t = 0; t < k4; t += 4) {
      const a0 = a[ai + t];
      const a1 = a[ai + t + 1];
      const a2 = a[ai + t + 2];
      const a3 = a[ai + t + 3];
      if (
        a0 === 0 &&
        a1 === 0 &&
        a2 === 0 &&
        a3 === 0 &&
        finiteRow(t) &&
        finiteRow(t + 1) &&
        finiteRow(t + 2) &&
        finiteRow(t + 3)
      )
        continue;
      const b0 = t * m;
      const b1 = b0 + m;
      const b2 = b1 + m;
      const b3 = b2 + m;
      for (let j = 0; j < m; j++)
        c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
    }
    for (let t = k4; t < k; t++) {
      const av = a[ai + t];
      if (av === 0 && finiteRow(t)) continue;
      const bt = t * m;
      for (let j = 0; j < m; j++) c[ci + j] += av * b[bt + j];
    }
  }
}

/**
 * Transpose.
 *
 * $$(A^\top)_{ij} = A_{ji}$$
 *
 * @example
 * transpose([[1, 2, 3]]).toArray();
 * // returns [[1], [2], [3]]
 *
 * @see {@link matmul} with `transposeB` to multiply by a transpose without building it.
 */
export function transpose(a: MatrixLike): Matrix {
  const A = asMatrix(a);
  return new Matrix(A.cols, A.rows, transposeData(A.data, A.rows, A.cols)); // (cols, rows)
}

/**
 * Dot product of two equal-length vectors.
 *
 * $$a \cdot b = \sum_i a_i b_i$$
 *
 * @example
 * dot([1, 2, 3], [4, 5, 6]);
 * // returns 32
 *
 * @see {@link norm}
 */
export function dot(a: VectorLike, b: VectorLike): number {
  if (a.length !== b.length) throw new RangeError(`dot: lengths differ: ${a.length} and ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Euclidean norm.
 *
 * $$\lVert a \rVert = \sqrt{\textstyle\sum_i a_i^2}$$
 *
 * @example
 * norm([3, 4]);
 * // returns 5
 *
 * @see {@link dot}
 */
export function norm(a: VectorLike): number {
  return Math.sqrt(dot(a, a));
}

/**
 * Throw a RangeError naming both shapes unless they are equal.
 *
 * $$\text{require } \mathrm{shape}(A) = \mathrm{shape}(B)$$
 *
 * @example
 * assertSameShape("add", new Matrix(2, 3), new Matrix(2, 3));
 * // returns undefined
 */
export function assertSameShape(what: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(`${what}: shapes differ: ${shapeOf(a)} and ${shapeOf(b)}`);
  }
}

/**
 * Throw a RangeError unless every entry is finite.
 *
 * $$\text{require } A_{ij} \in \mathbb{R} \;\; \forall i, j$$
 *
 * @example
 * assertFinite("x", [1, 2, 3]);
 * // returns undefined
 */
export function assertFinite(what: string, m: Matrix | VectorLike): void {
  const d = m instanceof Matrix ? m.data : m;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      throw new RangeError(`${what}: entry ${i} is ${d[i]}; expected a finite number`);
    }
  }
}
