/** One step of torch `nn.GRUCell`, fused: the whole cell is one node with a hand-written backward. */
import { portableTanh } from "../core/portableMath";
import { sigmoidScalar } from "./activation";
import { addRowVector, linearBackward } from "./linalg";
import { product } from "./gemm";
import { Tensor, addGrad, requireRow, result } from "./tensor";

/** Weights of a recurrent cell in torch orientation: gate blocks stacked by rows, applied as W x. */
export interface RecurrentWeights {
  /** (G·H × in) */
  weightIh: Tensor;
  /** (G·H × H) */
  weightHh: Tensor;
  /** (1 × G·H) or null */
  biasIh?: Tensor | null;
  /** (1 × G·H) or null */
  biasHh?: Tensor | null;
}

/** Check the shapes of a G-gate cell's inputs; returns H. */
export function checkCell(what: string, gates: number, x: Tensor, h: Tensor, w: RecurrentWeights): number {
  const H = h.cols;
  const shape = (t: Tensor): string => `${t.rows}×${t.cols}`;
  if (w.weightIh.rows !== gates * H || w.weightIh.cols !== x.cols) {
    throw new RangeError(
      `${what}: weightIh is ${shape(w.weightIh)}, expected ${gates * H}×${x.cols} (${gates} gates × H=${H}, in=${x.cols})`,
    );
  }
  if (w.weightHh.rows !== gates * H || w.weightHh.cols !== H) {
    throw new RangeError(`${what}: weightHh is ${shape(w.weightHh)}, expected ${gates * H}×${H}`);
  }
  if (x.rows !== h.rows) {
    throw new RangeError(`${what}: x has ${x.rows} rows (batch) but h has ${h.rows}`);
  }
  if (w.biasIh) requireRow(what, "biasIh", w.biasIh, gates * H);
  if (w.biasHh) requireRow(what, "biasHh", w.biasHh, gates * H);
  return H;
}

/** x Wᵀ + b for a cell: a fresh (B × G·H) array. */
export function gatePreactivation(x: Tensor, weight: Tensor, bias: Tensor | null | undefined): Float64Array {
  const y = product(x.data, x.rows, x.cols, weight.data, weight.rows, weight.cols, true);
  if (bias) addRowVector(y, bias.data, x.rows, weight.rows);
  return y;
}

/** The tensors a cell's node depends on, in a fixed order. */
export function cellParents(x: Tensor, h: Tensor, w: RecurrentWeights, extra: Tensor[] = []): Tensor[] {
  const p = [x, h, ...extra, w.weightIh, w.weightHh];
  if (w.biasIh) p.push(w.biasIh);
  if (w.biasHh) p.push(w.biasHh);
  return p;
}

/**
 * One GRU step with torch's gate order r, z, n and torch's placement of the reset gate (after the
 * matrix: r ∘ (W_hn h + b_hn), not W (r ∘ h) as in Cho et al. 2014).
 *
 * $$\begin{aligned} r &= \sigma(W_{ir}x + b_{ir} + W_{hr}h + b_{hr}) \\ z &= \sigma(W_{iz}x + b_{iz} + W_{hz}h + b_{hz}) \\ n &= \tanh(W_{in}x + b_{in} + r \circ (W_{hn}h + b_{hn})) \\ h' &= (1 - z) \circ n + z \circ h \end{aligned}$$
 *
 * Shapes: x (B×in), h (B×H), weightIh (3H×in), weightHh (3H×H), biases (1×3H) → h' (B×H).
 * Throws a RangeError naming the shapes that do not fit.
 *
 * @example
 * const H = 2, w = { weightIh: autograd.zeros(3 * H, 1), weightHh: autograd.zeros(3 * H, H) };
 * autograd.gruCell(autograd.constant([[1]]), autograd.constant([[0.4, -0.2]]), w).toArray();
 * // returns [[0.2, -0.1]]
 *
 * @see {@link lstmCell}
 */
export function gruCell(x: Tensor, h: Tensor, w: RecurrentWeights): Tensor {
  const H = checkCell("gruCell", 3, x, h, w);
  const B = x.rows;
  const G = 3 * H;
  const gi = gatePreactivation(x, w.weightIh, w.biasIh); // (B, 3H)
  const gh = gatePreactivation(h, w.weightHh, w.biasHh); // (B, 3H)
  const r = new Float64Array(B * H);
  const z = new Float64Array(B * H);
  const n = new Float64Array(B * H);
  const y = new Float64Array(B * H); // h'
  const hd = h.data;
  for (let b = 0; b < B; b++) {
    const o = b * G;
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const rj = sigmoidScalar(gi[o + j] + gh[o + j]);
      const zj = sigmoidScalar(gi[o + H + j] + gh[o + H + j]);
      const nj = portableTanh(gi[o + 2 * H + j] + rj * gh[o + 2 * H + j]);
      r[k] = rj;
      z[k] = zj;
      n[k] = nj;
      y[k] = (1 - zj) * nj + zj * hd[k];
    }
  }
  return result(B, H, y, cellParents(x, h, w), (out) => {
    const g = out.grad as Float64Array; // (B, H)
    const dgi = new Float64Array(B * G);
    const dgh = new Float64Array(B * G);
    const dh = new Float64Array(B * H);
    for (let b = 0; b < B; b++) {
      const o = b * G;
      for (let j = 0; j < H; j++) {
        const k = b * H + j;
        const gk = g[k];
        const zj = z[k];
        const nj = n[k];
        const rj = r[k];
        const dan = gk * (1 - zj) * (1 - nj * nj); // ∂L/∂(pre-tanh of n)
        const daz = gk * (hd[k] - nj) * zj * (1 - zj);
        const dar = dan * gh[o + 2 * H + j] * rj * (1 - rj);
        dgi[o + j] = dar;
        dgh[o + j] = dar;
        dgi[o + H + j] = daz;
        dgh[o + H + j] = daz;
        dgi[o + 2 * H + j] = dan;
        dgh[o + 2 * H + j] = dan * rj;
        dh[k] = gk * zj;
      }
    }
    linearBackward(dgi, x, w.weightIh, w.biasIh ?? null);
    addGrad(h, dh, true);
    linearBackward(dgh, h, w.weightHh, w.biasHh ?? null);
  });
}
