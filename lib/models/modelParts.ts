/** Pieces the sequence models share: recurrent weights, their names, and the optimiser schedule. */
import type { Rng } from "../core/random";
import { Adam, type RecurrentWeights, type Tensor, clipGradientsByNorm, uniformParam } from "../autograd";

/** The optimiser settings every sequence model takes (Adam with a decaying rate and clipping). */
export interface ScheduleOptions {
  /** Adam's learning rate at the start (default 0.01); it decays exponentially to `lr · decay` at the last step. */
  lr?: number;
  /** The learning rate's final fraction (default 0.1). */
  decay?: number;
  /** Clip the global gradient norm to this (default 1). */
  clip?: number;
}

/** The defaults of {@link ScheduleOptions}. */
export const SCHEDULE_DEFAULTS = { lr: 0.01, decay: 0.1, clip: 1 } as const;

/**
 * The weights of a recurrent cell with `gates` blocks (GRU 3, LSTM 4), drawn as torch does:
 * uniform in ±1/√H.
 *
 * $$W_{ih} \in \mathbb{R}^{gH \times d},\ W_{hh} \in \mathbb{R}^{gH \times H},\ \theta \sim \mathcal{U}(-1/\sqrt{H}, 1/\sqrt{H})$$
 *
 * @example
 * models.recurrentWeights(rng(1), 3, 8, 4).weightIh.shape;
 * // returns [32, 3]
 */
export function recurrentWeights(r: Rng, input: number, H: number, gates: number): RecurrentWeights {
  const b = 1 / Math.sqrt(H);
  return {
    weightIh: uniformParam(gates * H, input, r, b),
    weightHh: uniformParam(gates * H, H, r, b),
    biasIh: uniformParam(1, gates * H, r, b),
    biasHh: uniformParam(1, gates * H, r, b),
  };
}

/**
 * A cell's four tensors by name, under a prefix, as torch's `state_dict` names them.
 *
 * $$\{\texttt{name.weightIh}, \texttt{name.weightHh}, \texttt{name.biasIh}, \texttt{name.biasHh}\}$$
 *
 * @example
 * Object.keys(models.prefixedWeights("enc", models.recurrentWeights(rng(1), 1, 2, 3)));
 * // returns ["enc.weightIh", "enc.weightHh", "enc.biasIh", "enc.biasHh"]
 */
export function prefixedWeights(name: string, cell: RecurrentWeights): Record<string, Tensor> {
  return {
    [`${name}.weightIh`]: cell.weightIh,
    [`${name}.weightHh`]: cell.weightHh,
    [`${name}.biasIh`]: cell.biasIh as Tensor,
    [`${name}.biasHh`]: cell.biasHh as Tensor,
  };
}

/** The optimiser of {@link scheduledAdam}: gradients of a loss, then one scheduled update. */
export interface ScheduledAdam {
  /** Updates taken so far. */
  readonly steps: number;
  /** Zero the gradients, run the backward pass of `loss` (1×1) and return its value. */
  backward(loss: Tensor): number;
  /** Clip the global gradient norm, set this step's learning rate, update, count the step. */
  step(): void;
}

/**
 * Adam whose learning rate decays exponentially from `lr` to `lr · decay` over `total` steps, with
 * global-norm gradient clipping before every update (the recipe of every trained demo).
 *
 * $$\eta_t = \eta_0 \cdot \mathrm{decay}^{t / T},\qquad g \leftarrow g \cdot \min(1, c / \lVert g \rVert)$$
 *
 * @example
 * const w = autograd.param([[1]]);
 * const opt = models.scheduledAdam([w], { lr: 0.1, decay: 0.1, clip: 1 }, 10);
 * opt.backward(autograd.mul(w, w)); opt.step(); [opt.steps, Math.round(w.data[0] * 1e6) / 1e6];
 * // returns [1, 0.9]
 */
export function scheduledAdam(params: Tensor[], o: Required<ScheduleOptions>, total: number): ScheduledAdam {
  const opt = new Adam(params, { lr: o.lr });
  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    backward(loss: Tensor): number {
      opt.zeroGrad();
      loss.backward();
      return loss.item();
    },
    step(): void {
      clipGradientsByNorm(params, o.clip);
      opt.lr = o.lr * o.decay ** (steps / total);
      opt.step();
      steps++;
    },
  };
}
