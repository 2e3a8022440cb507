/** Concatenation, slicing, reshaping and embedding lookup: values move, gradients move back. */
import { Tensor, gradOf, result } from "./tensor";

/**
 * Concatenate along rows (axis 0: stack vertically) or columns (axis 1: side by side).
 *
 * $$Y = [X_1; X_2; \dots] \ \text{or}\ [X_1, X_2, \dots],\qquad \bar{X}_k = \text{the matching block of } \bar{Y}$$
 *
 * Throws a RangeError naming the shapes when the other axis differs or the list is empty.
 *
 * @example
 * autograd.concat([autograd.constant([[1, 2]]), autograd.constant([[3]])], 1).toArray();
 * // returns [[1, 2, 3]]
 *
 * @see {@link sliceCols}, {@link sliceRows}
 */
export function concat(parts: readonly Tensor[], axis: 0 | 1): Tensor {
  if (parts.length === 0) throw new RangeError("concat: nothing to concatenate");
  const first = parts[0];
  let rows = 0;
  let cols = 0;
  for (const p of parts) {
    if (axis === 0 ? p.cols !== first.cols : p.rows !== first.rows) {
      throw new RangeError(
        `concat: along axis ${axis} every part needs ${axis === 0 ? `${first.cols} columns` : `${first.rows} rows`}, got ${p.rows}×${p.cols}`,
      );
    }
    if (axis === 0) rows += p.rows;
    else cols += p.cols;
  }
  if (axis === 0) cols = first.cols;
  else rows = first.rows;
  const y = new Float64Array(rows * cols);
  if (axis === 0) {
    let o = 0;
    for (const p of parts) {
      y.set(p.data, o);
      o += p.data.length;
    }
  } else {
    let c0 = 0;
    for (const p of parts) {
      for (let i = 0; i < rows; i++) y.set(p.data.subarray(i * p.cols, (i + 1) * p.cols), i * cols + c0);
      c0 += p.cols;
    }
  }
  return result(rows, cols, y, parts, (out) => {
    const g = out.grad as Float64Array;
    let offset = 0;
    for (const p of parts) {
      if (p.requiresGrad) {
        const gp = gradOf(p);
        if (axis === 0) for (let i = 0; i < gp.length; i++) gp[i] += g[offset + i];
        else
          for (let i = 0; i < rows; i++)
            for (let j = 0; j < p.cols; j++) gp[i * p.cols + j] += g[i * cols + offset + j];
      }
      offset += axis === 0 ? p.data.length : p.cols;
    }
  });
}

function checkRange(what: string, start: number, end: number, size: number, axis: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > size || start > end) {
    throw new RangeError(`${what}: ${axis} [${start}, ${end}) is outside [0, ${size})`);
  }
}

/**
 * Rows start…end−1.
 *
 * $$Y = X_{s:e,\,:},\qquad \bar{X}_{s:e,\,:} \mathrel{+}= \bar{Y}$$
 *
 * @example
 * autograd.sliceRows(autograd.constant([[1], [2], [3]]), 1, 3).toArray();
 * // returns [[2], [3]]
 *
 * @see {@link sliceCols}
 */
export function sliceRows(x: Tensor, start: number, end: number): Tensor {
  checkRange("sliceRows", start, end, x.rows, "rows");
  const y = x.data.slice(start * x.cols, end * x.cols);
  return result(end - start, x.cols, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    const o = start * x.cols;
    for (let i = 0; i < g.length; i++) gx[o + i] += g[i];
  });
}

/**
 * Columns start…end−1.
 *
 * $$Y = X_{:,\,s:e},\qquad \bar{X}_{:,\,s:e} \mathrel{+}= \bar{Y}$$
 *
 * @example
 * autograd.sliceCols(autograd.constant([[1, 2, 3]]), 0, 2).toArray();
 * // returns [[1, 2]]
 *
 * @see {@link sliceRows}, {@link concat}
 */
export function sliceCols(x: Tensor, start: number, end: number): Tensor {
  checkRange("sliceCols", start, end, x.cols, "columns");
  const { rows, cols } = x;
  const w = end - start;
  const y = new Float64Array(rows * w);
  for (let i = 0; i < rows; i++) y.set(x.data.subarray(i * cols + start, i * cols + end), i * w);
  return result(rows, w, y, [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < rows; i++) for (let j = 0; j < w; j++) gx[i * cols + start + j] += g[i * w + j];
  });
}

/**
 * The same values in another shape (row-major order is kept).
 *
 * $$\mathrm{vec}(Y) = \mathrm{vec}(X),\qquad \mathrm{vec}(\bar{X}) \mathrel{+}= \mathrm{vec}(\bar{Y})$$
 *
 * @example
 * autograd.reshape(autograd.constant([[1, 2, 3, 4]]), 2, 2).toArray();
 * // returns [[1, 2], [3, 4]]
 */
export function reshape(x: Tensor, rows: number, cols: number): Tensor {
  if (rows * cols !== x.data.length) {
    throw new RangeError(`reshape: cannot view ${x.rows}×${x.cols} as ${rows}×${cols}`);
  }
  return result(rows, cols, x.data.slice(), [x], (out) => {
    const g = out.grad as Float64Array;
    const gx = gradOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i];
  });
}

/**
 * Embedding lookup (gather rows of a table); the backward pass scatter-adds, so a row used twice
 * gets both gradients and an unused row gets none. As torch `F.embedding` without padding_idx.
 *
 * $$Y_k = W_{\mathrm{idx}_k},\qquad \bar{W}_r = \sum_{k:\ \mathrm{idx}_k = r} \bar{Y}_k$$
 *
 * Shapes: weight (V×d), indices (m integers in [0, V)) → (m×d). Throws a RangeError for an index
 * out of range.
 *
 * @example
 * autograd.embedding(autograd.constant([[0, 0], [1, 2]]), [1, 1, 0]).toArray();
 * // returns [[1, 2], [1, 2], [0, 0]]
 */
export function embedding(weight: Tensor, indices: ArrayLike<number>): Tensor {
  const d = weight.cols;
  const m = indices.length;
  const y = new Float64Array(m * d);
  for (let k = 0; k < m; k++) {
    const r = indices[k];
    if (!Number.isInteger(r) || r < 0 || r >= weight.rows) {
      throw new RangeError(`embedding: index ${k} is ${r}; expected an integer in [0, ${weight.rows})`);
    }
    y.set(weight.data.subarray(r * d, (r + 1) * d), k * d);
  }
  const idx = Int32Array.from(indices);
  return result(m, d, y, [weight], (out) => {
    const g = out.grad as Float64Array;
    const gw = gradOf(weight);
    for (let k = 0; k < m; k++) {
      const o = idx[k] * d;
      for (let j = 0; j < d; j++) gw[o + j] += g[k * d + j];
    }
  });
}
