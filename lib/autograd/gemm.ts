/*
 * The products of forward and backward rules, on raw row-major arrays, all through
 * `lib/core/matrix.ts`'s `matmul` kernels.
 */
import { Matrix, matmul, transpose } from "../core/matrix";

/**
 * aᵀ (k, n) · b (n, m) with a (n, k), as a fresh row-major array: lib's `transpose` and `matmul`.
 */
export function productATransposeB(
  a: Float64Array,
  n: number,
  k: number,
  b: Float64Array,
  m: number,
): Float64Array {
  return matmul(transpose(new Matrix(n, k, a)), new Matrix(n, m, b)).data;
}

/** a (n, k) · b (k, m), or a · bᵀ with b (m, k), as a fresh row-major array (lib's kernels). */
export function product(
  a: Float64Array,
  n: number,
  k: number,
  b: Float64Array,
  bRows: number,
  bCols: number,
  transposeB: boolean,
): Float64Array {
  return matmul(new Matrix(n, k, a), new Matrix(bRows, bCols, b), transposeB).data;
}

/** c += a, elementwise (equal lengths). */
export function addInto(c: Float64Array, a: Float64Array): void {
  for (let i = 0; i < c.length; i++) c[i] += a[i];
}

/** c (m) += the column sums of a (n, m). */
export function addColumnSums(a: Float64Array, c: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const r = i * m;
    for (let j = 0; j < m; j++) c[j] += a[r + j];
  }
}
