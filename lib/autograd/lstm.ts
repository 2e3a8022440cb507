/**
 * The LSTM cell (torch `nn.LSTMCell`) and JANET, its forget-gate-only descendant, each fused into
 * one node with a hand-written backward rule.
 */
import { portableTanh } from "../core/portableMath";
import { sigmoidScalar } from "./activation";
import { type RecurrentWeights, cellParents, checkCell, gatePreactivation } from "./gru";
import { linearBackward } from "./linalg";
import { sliceCols } from "./shape";
import { Tensor, addGrad, result } from "./tensor";

/** The state of an LSTM after one step: hidden output h and cell c, both (B×H). */
export interface LstmState {
  h: Tensor;
  c: Tensor;
}

/**
 * One LSTM step with torch's gate order i, f, g, o and no forget-bias offset.
 *
 * $$\begin{aligned} a &= W_{ih}x + b_{ih} + W_{hh}h + b_{hh} \\ i, f, o &= \sigma(a_i), \sigma(a_f), \sigma(a_o),\quad g = \tanh(a_g) \\ c' &= f \circ c + i \circ g,\qquad h' = o \circ \tanh(c') \end{aligned}$$
 *
 * Shapes: x (B×in), h and c (B×H), weightIh (4H×in), weightHh (4H×H), biases (1×4H) →
 * { h: (B×H), c: (B×H) }. Throws a RangeError naming the shapes that do not fit.
 * Source: Hochreiter & Schmidhuber (1997) with the forget gate of Gers et al. (2000), as torch.
 *
 * @example
 * const w = { weightIh: autograd.zeros(4, 1), weightHh: autograd.zeros(4, 1) };
 * autograd.lstmCell(autograd.constant([[1]]), autograd.constant([[0]]), autograd.constant([[2]]), w).c.item();
 * // returns 1
 *
 * @see {@link gruCell}, {@link janetCell}
 */
export function lstmCell(x: Tensor, h: Tensor, c: Tensor, w: RecurrentWeights): LstmState {
  const H = checkCell("lstmCell", 4, x, h, w);
  if (c.rows !== h.rows || c.cols !== H) {
    throw new RangeError(`lstmCell: c is ${c.rows}×${c.cols} but h is ${h.rows}×${H}; they must match`);
  }
  const B = x.rows;
  const G = 4 * H;
  const a = gatePreactivation(x, w.weightIh, w.biasIh); // (B, 4H), then the gate values
  const gh = gatePreactivation(h, w.weightHh, w.biasHh); // (B, 4H)
  const tc = new Float64Array(B * H); // tanh(c')
  const joint = new Float64Array(B * 2 * H); // (B, 2H): [h' | c']
  const cd = c.data;
  for (let b = 0; b < B; b++) {
    const o = b * G;
    for (let j = 0; j < H; j++) {
      const ig = sigmoidScalar(a[o + j] + gh[o + j]);
      const fg = sigmoidScalar(a[o + H + j] + gh[o + H + j]);
      const gg = portableTanh(a[o + 2 * H + j] + gh[o + 2 * H + j]);
      const og = sigmoidScalar(a[o + 3 * H + j] + gh[o + 3 * H + j]);
      a[o + j] = ig;
      a[o + H + j] = fg;
      a[o + 2 * H + j] = gg;
      a[o + 3 * H + j] = og;
      const cn = fg * cd[b * H + j] + ig * gg;
      const t = portableTanh(cn);
      tc[b * H + j] = t;
      joint[b * 2 * H + j] = og * t;
      joint[b * 2 * H + H + j] = cn;
    }
  }
  const state = result(B, 2 * H, joint, cellParents(x, h, w, [c]), (out) => {
    const g = out.grad as Float64Array; // (B, 2H)
    const da = new Float64Array(B * G);
    const dc = new Float64Array(B * H);
    for (let b = 0; b < B; b++) {
      const o = b * G;
      for (let j = 0; j < H; j++) {
        const k = b * H + j;
        const ig = a[o + j];
        const fg = a[o + H + j];
        const gg = a[o + 2 * H + j];
        const og = a[o + 3 * H + j];
        const dh = g[b * 2 * H + j];
        const t = tc[k];
        const dcn = g[b * 2 * H + H + j] + dh * og * (1 - t * t);
        da[o + j] = dcn * gg * ig * (1 - ig);
        da[o + H + j] = dcn * cd[k] * fg * (1 - fg);
        da[o + 2 * H + j] = dcn * ig * (1 - gg * gg);
        da[o + 3 * H + j] = dh * t * og * (1 - og);
        dc[k] = dcn * fg;
      }
    }
    addGrad(c, dc, true);
    linearBackward(da, x, w.weightIh, w.biasIh ?? null);
    linearBackward(da, h, w.weightHh, w.biasHh ?? null);
  });
  return { h: sliceCols(state, 0, H), c: sliceCols(state, H, 2 * H) };
}

/**
 * One JANET step (van der Westhuizen & Lasenby 2018, "The unreasonable effectiveness of the
 * forget gate", eqs. 8–12): an LSTM with only a forget gate, whose input weight is tied to it
 * through a shift β, and whose output is the cell itself. Gate blocks are stacked f, c̃.
 *
 * $$\begin{aligned} s &= W_f x + b_f + U_f h,\qquad \tilde{c} = \tanh(W_c x + b_c + U_c h) \\ h' &= \sigma(s) \circ h + (1 - \sigma(s - \beta)) \circ \tilde{c} \end{aligned}$$
 *
 * Shapes: x (B×in), h (B×H), weightIh (2H×in), weightHh (2H×H), biases (1×2H) → h' (B×H).
 * The paper initialises b_f with the chrono initialiser and uses β = 1.
 *
 * @example
 * const w = { weightIh: autograd.zeros(2, 1), weightHh: autograd.zeros(2, 1) };
 * autograd.janetCell(autograd.constant([[1]]), autograd.constant([[0.8]]), w).item();
 * // returns 0.4
 *
 * @see {@link lstmCell}, {@link indRnnCell}
 */
export function janetCell(x: Tensor, h: Tensor, w: RecurrentWeights, beta = 1): Tensor {
  const H = checkCell("janetCell", 2, x, h, w);
  const B = x.rows;
  const G = 2 * H;
  const a = gatePreactivation(x, w.weightIh, w.biasIh); // (B, 2H)
  const gh = gatePreactivation(h, w.weightHh, w.biasHh);
  const f = new Float64Array(B * H);
  const fs = new Float64Array(B * H); // σ(s − β)
  const cc = new Float64Array(B * H); // c̃
  const y = new Float64Array(B * H);
  const hd = h.data;
  for (let b = 0; b < B; b++) {
    const o = b * G;
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const s = a[o + j] + gh[o + j];
      f[k] = sigmoidScalar(s);
      fs[k] = sigmoidScalar(s - beta);
      cc[k] = portableTanh(a[o + H + j] + gh[o + H + j]);
      y[k] = f[k] * hd[k] + (1 - fs[k]) * cc[k];
    }
  }
  return result(B, H, y, cellParents(x, h, w), (out) => {
    const g = out.grad as Float64Array;
    const da = new Float64Array(B * G);
    const dh = new Float64Array(B * H);
    for (let b = 0; b < B; b++) {
      const o = b * G;
      for (let j = 0; j < H; j++) {
        const k = b * H + j;
        da[o + j] = g[k] * (hd[k] * f[k] * (1 - f[k]) - cc[k] * fs[k] * (1 - fs[k]));
        da[o + H + j] = g[k] * (1 - fs[k]) * (1 - cc[k] * cc[k]);
        dh[k] = g[k] * f[k];
      }
    }
    addGrad(h, dh, true);
    linearBackward(da, x, w.weightIh, w.biasIh ?? null);
    linearBackward(da, h, w.weightHh, w.biasHh ?? null);
  });
}
