/**
 * Chapter 16's clipping demo: one small recurrent network trained three ways on the adding
 * problem, side by side, from the same initial weights and on the same batches: without
 * clipping, with clipping by value and with clipping by global norm.
 */
import { rng } from "../core/random";
import {
  Adam,
  type IndRnnWeights,
  type RecurrentWeights,
  SGD,
  type Tensor,
  clipGradientsByNorm,
  clipGradientsByValue,
  constant,
  indRnnCell,
  janetCell,
  linear,
  mseLoss,
  normalParam,
  param,
  rnnCell,
  uniformParam,
  zeros,
} from "../autograd";
import { ADDING_TOLERANCE, type AddingBatch, addingBatch, addingHeldOut } from "./addingTask";
import type { EvalStats, StepStats, TrainingModel } from "./trainingModel";

/** The recurrent cell: a plain tanh RNN, JANET (forget gate only) or IndRNN (one recurrent weight per unit, ReLU). */
export type ClipCell = "tanh" | "janet" | "indrnn";
/** How the gradient is treated before the update. */
export type ClipMode = "none" | "value" | "norm";
export const CLIP_MODES: readonly ClipMode[] = ["none", "value", "norm"];

/** Options of {@link createClippingModel}. */
export interface ClippingOptions {
  cell: ClipCell;
  /** Clip threshold: the largest |g_i| (by value) or the largest ‖g‖ (by norm). */
  threshold: number;
  optimizer: "sgd" | "adam";
  /** Sequence length T (default 40). */
  length?: number;
  /** Hidden units (default 16). */
  hidden?: number;
  /** Sequences per batch (default 16). */
  batch?: number;
  /** Learning rate (default 0.05 for SGD with momentum 0.9, 0.01 for Adam). */
  lr?: number;
  /** The tanh RNN's recurrent weights are N(0, gain²/H) (default 2.5: gradients explode). */
  gain?: number;
  /** Steps in a full run (default 800). */
  steps?: number;
}

/** What one of the three runs looks like now. */
export interface ClipRunView {
  /** ‖∂L/∂h_t‖ for t = 1…T on the last training batch (before clipping), or empty before the first step. */
  gradNorms: number[];
  /** The global gradient norm of the last step, before clipping. */
  totalNorm: number;
  /**
   * The gradient of every parameter on the last training batch, before clipping, as matrices
   * (rows × cols of the parameter), named as in {@link CLIP_PARAMETER_NAMES}; empty before the first step.
   */
  grads: { name: string; value: number[][] }[];
  /** The step at which the loss or gradient stopped being finite (the run stops there), or null. */
  divergedAt: number | null;
  /**
   * What stopped being finite: the gradient of step `divergedAt` (‖g‖), its training loss, or the
   * held-out loss evaluated after step `divergedAt` (the gradient of that step was finite); null while
   * the run goes on.
   */
  divergedBy: "gradient" | "training loss" | "held-out loss" | null;
  /** Held-out mean squared error and fraction within 0.04 of the target, at the last evaluation. */
  heldOutLoss: number;
  accuracy: number;
}

export type ClippingView = Record<ClipMode, ClipRunView> & {
  /** For a query: each run's prediction of the reader's sum (NaN for a run that diverged). */
  predictions?: Record<ClipMode, number>;
};

/** A reader's sequence for {@link TrainingModel.query}: the values and the two marked positions. */
export interface AddingQuery {
  values: number[];
  marks: [number, number];
}

/**
 * The parameters of every run, in the order their gradients are reported: input weights, recurrent
 * weights (IndRNN: one per unit), bias, read-out weights and read-out bias.
 */
export const CLIP_PARAMETER_NAMES = ["W_ih", "W_hh", "b", "w_out", "b_out"] as const;

interface Run {
  mode: ClipMode;
  params: Tensor[];
  cell: RecurrentWeights | IndRnnWeights;
  readout: Tensor;
  readoutB: Tensor;
  opt: SGD | Adam;
  view: ClipRunView;
}

const DEFAULTS = { length: 40, hidden: 16, batch: 16, gain: 2.5, steps: 800 } as const;

/**
 * Build the three runs. The seed fixes the initial weights (shared by the three) and the batches.
 * Loss: mean squared error of a linear read-out of the last hidden state.
 *
 * $$\text{none: } g;\qquad \text{value: } g_i \leftarrow \min(\max(g_i, -c), c);\qquad \text{norm: } g \leftarrow g \cdot \min\!\left(1, \tfrac{c}{\lVert g \rVert}\right)$$
 *
 * @example
 * const m = models.createClippingModel(1, { cell: "indrnn", threshold: 1, optimizer: "sgd", length: 6 });
 * m.trainStep(m.nextBatch()); m.probe().norm.gradNorms.length;
 * // returns 6
 *
 * @see {@link addingBatch}, {@link clipGradientsByNorm}, {@link clipGradientsByValue}
 */
export function createClippingModel(
  seed: number,
  options: ClippingOptions,
): TrainingModel<AddingBatch, AddingQuery, ClippingView> {
  const o = { ...DEFAULTS, ...options };
  if (!(o.threshold > 0))
    throw new RangeError(`createClippingModel: threshold must be > 0, got ${o.threshold}`);
  const { hidden: H, length: T } = o;
  const r = rng(seed);
  const lr = o.lr ?? (o.optimizer === "sgd" ? 0.05 : 0.01);

  // One set of initial weights, copied into each run.
  const init: Record<string, Tensor> = {};
  const b = 1 / Math.sqrt(H);
  if (o.cell === "tanh") {
    init.weightIh = uniformParam(H, 2, r, b);
    init.weightHh = normalParam(H, H, r, o.gain / Math.sqrt(H));
    init.biasIh = zeros(1, H, true);
  } else if (o.cell === "janet") {
    init.weightIh = uniformParam(2 * H, 2, r, b);
    init.weightHh = uniformParam(2 * H, H, r, b);
    // Chrono initialisation of the forget bias (Tallec & Ollivier 2018), as the JANET paper does.
    const bias = new Float64Array(2 * H);
    for (let j = 0; j < H; j++) bias[j] = Math.log(1 + r.uniform() * (T - 2));
    init.biasIh = param([Array.from(bias)]);
  } else {
    init.weightIh = uniformParam(H, 2, r, b);
    init.weightHh = uniformParam(1, H, r, 0.5);
    for (let j = 0; j < H; j++) init.weightHh.data[j] += 0.5; // U(0, 1), as in the IndRNN paper
    init.biasIh = zeros(1, H, true);
  }
  init.readout = uniformParam(1, H, r, b);
  init.readoutB = zeros(1, 1, true);

  const runs: Run[] = CLIP_MODES.map((mode) => {
    const c: Record<string, Tensor> = {};
    for (const [k, t] of Object.entries(init)) c[k] = param(t.value);
    const cell =
      o.cell === "indrnn"
        ? { weightIh: c.weightIh, weightHh: c.weightHh, bias: c.biasIh }
        : { weightIh: c.weightIh, weightHh: c.weightHh, biasIh: c.biasIh };
    const params = Object.values(c);
    return {
      mode,
      params,
      cell,
      readout: c.readout,
      readoutB: c.readoutB,
      opt: o.optimizer === "sgd" ? new SGD(params, { lr, momentum: 0.9 }) : new Adam(params, { lr }),
      view: {
        gradNorms: [],
        totalNorm: NaN,
        grads: [],
        divergedAt: null,
        divergedBy: null,
        heldOutLoss: NaN,
        accuracy: NaN,
      },
    };
  });
  const dataRng = rng(seed ^ 0xadd);
  const heldOut = addingHeldOut(T);
  let stepsDone = 0;

  /** Unroll a run over a batch: the hidden states and the predictions (B × 1). */
  const forward = (run: Run, batch: AddingBatch) => {
    const B = batch.size;
    let h = zeros(B, H);
    const hs: Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const x = new Float64Array(2 * B);
      for (let k = 0; k < B; k++) {
        x[2 * k] = batch.values[t * B + k];
        x[2 * k + 1] = batch.marks[t * B + k];
      }
      const xt = constant(new Array(B).fill(0).map((_, k) => [x[2 * k], x[2 * k + 1]]));
      h =
        o.cell === "tanh"
          ? rnnCell(xt, h, run.cell as RecurrentWeights, "tanh")
          : o.cell === "janet"
            ? janetCell(xt, h, run.cell as RecurrentWeights)
            : indRnnCell(xt, h, run.cell as IndRnnWeights, "relu");
      hs.push(h);
    }
    return { hs, prediction: linear(h, run.readout, run.readoutB) };
  };

  const score = (run: Run, batch: AddingBatch) => {
    const { prediction } = forward(run, batch);
    let se = 0;
    let ok = 0;
    for (let k = 0; k < batch.size; k++) {
      const e = prediction.data[k] - batch.targets[k];
      se += e * e;
      if (Math.abs(e) < ADDING_TOLERANCE) ok++;
    }
    return { loss: se / batch.size, accuracy: ok / batch.size };
  };

  return {
    maxSteps: o.steps,
    evalEvery: 25,
    parameterData: () => runs.flatMap((run) => run.params.map((t) => t.data)),
    nextBatch: () => addingBatch(dataRng, o.batch, T),
    trainStep(batch: AddingBatch): StepStats {
      const series: Record<string, number> = {};
      for (const run of runs) {
        if (run.view.divergedAt !== null) continue;
        const { hs, prediction } = forward(run, batch);
        const loss = mseLoss(prediction, constant([...batch.targets].map((y) => [y])));
        run.opt.zeroGrad();
        loss.backward();
        run.view.gradNorms = hs.map((h) => frobenius(h.grad));
        let total = 0;
        for (const p of run.params) if (p.grad) for (const g of p.grad) total += g * g;
        run.view.totalNorm = Math.sqrt(total);
        run.view.grads = run.params.map((p, k) => {
          const g = p.grad ?? new Float64Array(p.rows * p.cols);
          return {
            name: CLIP_PARAMETER_NAMES[k],
            value: Array.from({ length: p.rows }, (_, i) =>
              Array.from(g.subarray(i * p.cols, (i + 1) * p.cols)),
            ),
          };
        });
        if (!Number.isFinite(loss.item()) || !Number.isFinite(total)) {
          run.view.divergedAt = stepsDone + 1;
          run.view.divergedBy = Number.isFinite(total) ? "training loss" : "gradient";
          continue;
        }
        if (run.mode === "value") clipGradientsByValue(run.params, o.threshold);
        if (run.mode === "norm") clipGradientsByNorm(run.params, o.threshold);
        run.opt.step();
        series[run.mode] = loss.item();
      }
      stepsDone++;
      const main = series.norm ?? series.value ?? series.none ?? NaN;
      return { loss: main, series };
    },
    evaluate(): EvalStats {
      const series: Record<string, number> = {};
      for (const run of runs) {
        if (run.view.divergedAt !== null) continue;
        const s = score(run, heldOut);
        run.view.heldOutLoss = s.loss;
        run.view.accuracy = s.accuracy;
        if (!Number.isFinite(s.loss)) {
          run.view.divergedAt = stepsDone;
          run.view.divergedBy = "held-out loss";
        } else series[run.mode] = s.loss;
      }
      const norm = runs[2].view;
      return { loss: norm.heldOutLoss, accuracy: norm.accuracy, series };
    },
    query(input: AddingQuery): ClippingView {
      const [i, j] = input.marks;
      if (input.values.length !== T) throw new RangeError(`Give ${T} values, one per time step.`);
      if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j < T && i !== j))
        throw new RangeError(`Mark two different positions from 1 to ${T}.`);
      const marks = new Float64Array(T);
      marks[i] = marks[j] = 1;
      const batch: AddingBatch = {
        size: 1,
        length: T,
        values: Float64Array.from(input.values),
        marks,
        targets: new Float64Array([input.values[i] + input.values[j]]),
      };
      const predictions = {} as Record<ClipMode, number>;
      for (const run of runs)
        predictions[run.mode] = run.view.divergedAt === null ? forward(run, batch).prediction.data[0] : NaN;
      return { ...probeOf(runs), predictions };
    },
    probe: () => probeOf(runs),
  };
}

function probeOf(runs: Run[]): ClippingView {
  const v = {} as ClippingView;
  for (const run of runs) v[run.mode] = { ...run.view, gradNorms: [...run.view.gradNorms] };
  return v;
}

function frobenius(g: Float64Array | null): number {
  if (!g) return 0;
  let s = 0;
  for (const x of g) s += x * x;
  return Math.sqrt(s);
}
