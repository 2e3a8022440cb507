/**
 * The plain (Elman) RNN cell as torch `nn.RNN`, its unrolling over time (backpropagation through
 * time is the backward pass of the unrolled graph) and the IndRNN cell.
 */
import { portableTanh } from "../core/portableMath";
import { type RecurrentWeights, cellParents, checkCell, gatePreactivation } from "./gru";
import { linearBackward } from "./linalg";
import { Tensor, addGrad, gradOf, requireRow, result } from "./tensor";

/** The nonlinearity of {@link rnnCell} and {@link indRnnCell}. */
export type RnnNonlinearity = "tanh" | "relu";

/** Apply tanh or relu in place to z and return the derivative per entry. */
function activate(z: Float64Array, nonlinearity: RnnNonlinearity): Float64Array {
  const d = new Float64Array(z.length);
  if (nonlinearity === "tanh") {
    for (let i = 0; i < z.length; i++) {
      z[i] = portableTanh(z[i]);
      d[i] = 1 - z[i] * z[i];
    }
  } else {
    for (let i = 0; i < z.length; i++) {
      d[i] = z[i] > 0 ? 1 : 0;
      z[i] = z[i] > 0 ? z[i] : 0;
    }
  }
  return d;
}

/**
 * One step of torch `nn.RNN` (one layer): h' = act(W_ih x + b_ih + W_hh h + b_hh).
 *
 * $$h' = \tanh(W_{ih}x + b_{ih} + W_{hh}h + b_{hh}),\qquad a = \bar{h}' \circ (1 - h'^2),\quad \bar{h} = W_{hh}^\top a$$
 *
 * Shapes: x (B×in), h (B×H), weightIh (H×in), weightHh (H×H), biases (1×H) → (B×H). Throws a
 * RangeError naming the shapes that do not fit. Source: Elman (1990); torch's parametrisation.
 *
 * @example
 * const w = { weightIh: autograd.constant([[1]]), weightHh: autograd.constant([[0]]) };
 * autograd.rnnCell(autograd.constant([[0]]), autograd.constant([[5]]), w).item();
 * // returns 0
 *
 * @see {@link unrollRnn}, {@link gruCell}
 */
export function rnnCell(
  x: Tensor,
  h: Tensor,
  w: RecurrentWeights,
  nonlinearity: RnnNonlinearity = "tanh",
): Tensor {
  const H = checkCell("rnnCell", 1, x, h, w);
  const z = gatePreactivation(x, w.weightIh, w.biasIh); // (B, H)
  const zh = gatePreactivation(h, w.weightHh, w.biasHh);
  for (let i = 0; i < z.length; i++) z[i] += zh[i];
  const d = activate(z, nonlinearity);
  return result(x.rows, H, z, cellParents(x, h, w), (out) => {
    const g = out.grad as Float64Array;
    const a = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) a[i] = g[i] * d[i];
    linearBackward(a, x, w.weightIh, w.biasIh ?? null);
    linearBackward(a, h, w.weightHh, w.biasHh ?? null);
  });
}

/**
 * Run {@link rnnCell} over time steps from h0; the list of hidden states h_0…h_{T−1} (after each
 * step) is returned. A backward pass from any loss on them is backpropagation through time, and
 * each state's `grad` is then ∂L/∂h_t (the total gradient that the exploding/vanishing analysis
 * plots).
 *
 * $$h_t = \tanh(W_{ih}x_t + b_{ih} + W_{hh}h_{t-1} + b_{hh}),\quad t = 0 \dots T-1,\quad h_{-1} = h_0$$
 *
 * Shapes: steps T tensors (B×in), h0 (B×H) → T tensors (B×H).
 *
 * @example
 * const w = { weightIh: autograd.constant([[1]]), weightHh: autograd.constant([[0]]) };
 * autograd.unrollRnn([autograd.constant([[0]]), autograd.constant([[0]])], autograd.zeros(1, 1), w).length;
 * // returns 2
 *
 * @see {@link rnnCell}
 */
export function unrollRnn(
  steps: readonly Tensor[],
  h0: Tensor,
  w: RecurrentWeights,
  nonlinearity: RnnNonlinearity = "tanh",
): Tensor[] {
  const hs: Tensor[] = [];
  let h = h0;
  for (const x of steps) {
    h = rnnCell(x, h, w, nonlinearity);
    hs.push(h);
  }
  return hs;
}

/** Weights of an IndRNN cell. */
export interface IndRnnWeights {
  /** (H×in), applied as W x */
  weightIh: Tensor;
  /** (1×H): one recurrent weight per unit */
  weightHh: Tensor;
  /** (1×H) or null */
  bias?: Tensor | null;
}

/**
 * One IndRNN step (Li et al. 2018, "Independently recurrent neural network", eq. 2): each unit
 * sees only its own past, through one recurrent weight u_j, so gradients through time scale as
 * u_j^T and can be kept in range by bounding |u_j|.
 *
 * $$h' = \mathrm{relu}(W x + u \circ h + b),\qquad \bar{h} = u \circ \bar{h}' \circ [h' > 0]$$
 *
 * Shapes: x (B×in), h (B×H), weightIh (H×in), weightHh (1×H), bias (1×H) → (B×H).
 *
 * @example
 * const w = { weightIh: autograd.constant([[0]]), weightHh: autograd.constant([[0.5]]) };
 * autograd.indRnnCell(autograd.constant([[3]]), autograd.constant([[4]]), w).item();
 * // returns 2
 *
 * @see {@link rnnCell}, {@link janetCell}
 */
export function indRnnCell(
  x: Tensor,
  h: Tensor,
  w: IndRnnWeights,
  nonlinearity: RnnNonlinearity = "relu",
): Tensor {
  const B = x.rows;
  const H = h.cols;
  if (w.weightIh.rows !== H || w.weightIh.cols !== x.cols || x.rows !== h.rows) {
    throw new RangeError(
      `indRnnCell: x is ${x.rows}×${x.cols}, h is ${h.rows}×${H}, weightIh is ${w.weightIh.rows}×${w.weightIh.cols}; expected weightIh ${H}×${x.cols} and equal batch sizes`,
    );
  }
  requireRow("indRnnCell", "weightHh", w.weightHh, H);
  const z = gatePreactivation(x, w.weightIh, w.bias); // (B, H)
  const u = w.weightHh.data;
  const hd = h.data;
  for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) z[b * H + j] += u[j] * hd[b * H + j];
  const d = activate(z, nonlinearity);
  const parents = [x, h, w.weightIh, w.weightHh];
  if (w.bias) parents.push(w.bias);
  return result(B, H, z, parents, (out) => {
    const g = out.grad as Float64Array;
    const a = new Float64Array(g.length); // ∂L/∂(pre-activation)
    for (let i = 0; i < g.length; i++) a[i] = g[i] * d[i];
    linearBackward(a, x, w.weightIh, w.bias ?? null);
    if (h.requiresGrad) {
      const dh = new Float64Array(B * H);
      for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) dh[b * H + j] = a[b * H + j] * u[j];
      addGrad(h, dh, true);
    }
    if (w.weightHh.requiresGrad) {
      const du = gradOf(w.weightHh);
      for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) du[j] += a[b * H + j] * hd[b * H + j];
    }
  });
}
