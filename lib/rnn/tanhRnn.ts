import { Matrix, type MatrixLike, type VectorLike, asMatrix, assertFinite, shapeOf } from "../core/matrix";
import { requireSequence } from "../core/validate";

/** Weights of an Elman (tanh) recurrent cell, in torch orientation (out, in). */
export interface TanhRnnParams {
  /** (d_h, d_in): input to hidden. */
  Wx: MatrixLike;
  /** (d_h, d_h): hidden to hidden. */
  Wh: MatrixLike;
  /** (d_h) bias; default zeros. */
  b?: VectorLike;
}

function check(what: string, p: TanhRnnParams, dIn: number): [Matrix, Matrix] {
  const Wx = asMatrix(p.Wx);
  const Wh = asMatrix(p.Wh);
  if (Wx.cols !== dIn)
    throw new RangeError(
      `${what}: input has size ${dIn} but Wx is ${shapeOf(Wx)}; Wx must be (d_h × ${dIn})`,
    );
  if (Wh.rows !== Wx.rows || Wh.cols !== Wx.rows) {
    throw new RangeError(
      `${what}: Wx is ${shapeOf(Wx)} but Wh is ${shapeOf(Wh)}; Wh must be ${Wx.rows}×${Wx.rows}`,
    );
  }
  if (p.b && p.b.length !== Wx.rows)
    throw new RangeError(`${what}: b has length ${p.b.length} but d_h is ${Wx.rows}`);
  return [Wx, Wh];
}

/**
 * One step of a tanh recurrent cell: the new state from the input and the previous state.
 *
 * $$h_t = \tanh(W_x x_t + W_h h_{t-1} + b)$$
 *
 * @example
 * Array.from(tanhRnnStep([1, 0], [0, 0], { Wx: [[1, 0], [0, 1]], Wh: [[0, 0], [0, 0]] })).map((x) => +x.toFixed(4));
 * // returns [0.7616, 0]
 *
 * @see {@link tanhRnn}
 */
export function tanhRnnStep(x: VectorLike, h: VectorLike, p: TanhRnnParams): Float64Array {
  const what = "tanhRnnStep";
  const [Wx, Wh] = check(what, p, x.length);
  if (h.length !== Wx.rows) throw new RangeError(`${what}: h has length ${h.length} but d_h is ${Wx.rows}`);
  assertFinite(`${what}: x`, x);
  assertFinite(`${what}: h`, h);
  const out = new Float64Array(Wx.rows); // (d_h)
  for (let i = 0; i < Wx.rows; i++) {
    let s = p.b ? p.b[i] : 0;
    for (let j = 0; j < Wx.cols; j++) s += Wx.data[i * Wx.cols + j] * x[j];
    for (let j = 0; j < Wh.cols; j++) s += Wh.data[i * Wh.cols + j] * h[j];
    out[i] = Math.tanh(s);
  }
  return out;
}

/**
 * Run a tanh recurrent cell over a sequence (rows are time steps) and return every state.
 *
 * $$h_t = \tanh(W_x x_t + W_h h_{t-1} + b),\quad t = 1, \dots, n,\qquad h_0 \text{ given (default } 0)$$
 *
 * @example
 * tanhRnn([[1], [1]], { Wx: [[1]], Wh: [[0.5]] }).toArray().map((r) => r.map((x) => +x.toFixed(4)));
 * // returns [[0.7616], [0.8811]]
 *
 * @see {@link tanhRnnStep}
 */
export function tanhRnn(X: MatrixLike, p: TanhRnnParams, h0?: VectorLike): Matrix {
  const what = "tanhRnn";
  const x = requireSequence(what, "X", X);
  const [Wx] = check(what, p, x.cols);
  let h: VectorLike = h0 ?? new Float64Array(Wx.rows);
  const H = new Matrix(x.rows, Wx.rows); // (n, d_h)
  for (let t = 0; t < x.rows; t++) {
    h = tanhRnnStep(x.row(t), h, p);
    H.data.set(h, t * Wx.rows);
  }
  return H;
}
