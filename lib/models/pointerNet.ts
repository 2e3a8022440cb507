/**
 * An LSTM encoder-decoder pointer network that learns to sort lists of numbers (chapter 7's
 * trained model), as a {@link TrainingModel} for the training runtime.
 */
import { rng } from "../core/random";
import {
  type Tensor,
  concat,
  constant,
  crossEntropy,
  embedding,
  linear,
  lstmCell,
  softmax,
  uniformParam,
  zeros,
} from "../autograd";
import { batchAdditiveScores } from "../autograd/seqAttention";
import {
  SCHEDULE_DEFAULTS,
  type ScheduleOptions,
  prefixedWeights,
  recurrentWeights,
  scheduledAdam,
} from "./modelParts";
import type { EvalStats, StepStats, TrainingModel } from "./trainingModel";
import {
  SORT_MAX_LENGTH,
  type SortBatch,
  makeSortBatch,
  sortHeldOut,
  sortScore,
  sortStream,
  sortStressSets,
} from "./sortTask";

/** Sizes and training settings of {@link createPointerNetModel}. */
export interface PointerNetOptions extends ScheduleOptions {
  /** Size of the embedding of one number (default 16). */
  embed?: number;
  /** Hidden size of the encoder and decoder LSTMs, and of the pointer's tanh layer (default 32). */
  hidden?: number;
  /** Lists per batch (default 32). */
  batch?: number;
  /** Steps in a full run (default 600 with the mask, 1500 without: it has more to learn). */
  steps?: number;
  /** Mask the positions already chosen, so the output is a permutation (default true). */
  mask?: boolean;
}

const DEFAULTS = {
  embed: 16,
  hidden: 32,
  batch: 32,
  ...SCHEDULE_DEFAULTS,
  mask: true,
} as const;

/** Held-out accuracy of the latest evaluation. */
export interface PointerNetHeldOut {
  /** The training step it was measured at. */
  step: number;
  /** Fraction of output steps that point at the right value (greedy decoding). */
  perStep: number;
  /** Fraction of lists put in exactly the right order. */
  exactOrder: number;
}

/** The model's answer for one list: every step's pointer distribution and the positions chosen. */
export interface PointerNetOutput {
  kind: "sort";
  xs: number[];
  /** (n × n): row t is step t's pointer distribution over the input positions (0 where masked). */
  pointers: number[][];
  /** The positions pointed at, in output order (0-based; the widget shows them from 1). */
  order: number[];
  /** The ascending order (ties in input order). */
  want: number[];
  /** Whether step t points at the right value (a tie may be taken in either order). */
  correct: boolean[];
  /** The latest held-out evaluation (null before the first). */
  heldOut: PointerNetHeldOut | null;
  /** What the pointer's scores are made of on this list, for writing them out (see {@link PointerNetScores}). */
  scores: PointerNetScores;
}

/**
 * The numbers behind one list's pointers (eq. 3 of Vinyals et al. 2015): the scores before the
 * softmax, the positions each step may choose, the encoder and decoder states and the trained
 * pointer weights, copied at the moment of the answer. Row i of `u` is
 * u^i_j = v^T tanh(W1 e_j + W2 d_i) for every position j, masked or not.
 */
export interface PointerNetScores {
  /** (n × n): u[i][j], the score of position j at step i (before the mask and the softmax). */
  u: number[][];
  /** (n × n): whether step i may point at position j (false where the mask removed it). */
  allowed: boolean[][];
  /** (n × H): the encoder state e_j of every position. */
  encoder: number[][];
  /** (n × H): the decoder state d_i of every step. */
  decoder: number[][];
  /** (H × H) each, torch orientation (W e is the matrix times the column e). */
  W1: number[][];
  W2: number[][];
  /** (H): the score vector v. */
  v: number[];
}

/** One row of {@link PointerNetReport}: the accuracy on one stress set. */
export interface PointerNetReportRow {
  label: string;
  note: string;
  lists: number;
  perStep: number;
  exactOrder: number;
}

/** Where the current model fails: its accuracy on each of the stress sets (`sortStressSets`). */
export interface PointerNetReport {
  kind: "report";
  /** The training step the model was at. */
  step: number;
  rows: PointerNetReportRow[];
}

/** A reader's list, or `"measure"` for the accuracy on the stress sets. */
export type PointerNetQuery = number[] | "measure";
export type PointerNetAnswer = PointerNetOutput | PointerNetReport;

/** The pointer network: the training contract, plus its weights and a gradient-only pass for benchmarks. */
export interface PointerNetModel extends TrainingModel<SortBatch, PointerNetQuery, PointerNetAnswer> {
  /** The trainable weights by name (torch orientation: W is out × in). */
  readonly parameters: Readonly<Record<string, Tensor>>;
  /** Forward and backward on `batch` without an update: returns the loss, leaves the gradients on the weights. */
  gradients(batch: SortBatch): number;
  /** Greedy decoding of a batch: the positions chosen, (size, length) row-major, and each step's pointers (B × n each). */
  decodeBatch(batch: SortBatch): { order: Int32Array; pointers: Float64Array[] };
  /** The model's answer for one list (no checks: see `query`). */
  sort(xs: number[]): PointerNetOutput;
  /** The accuracy on each stress set. */
  measure(): PointerNetReport;
}

/** The list every progress report is drawn for. */
export const POINTER_PROBE = [0.62, 0.18, 0.91, 0.44, 0.07];

/**
 * Build the sorting pointer network of Vinyals, Fortunato and Jaitly (2015): an LSTM encoder
 * reads the embedded numbers; an LSTM decoder starts from the encoder's last state and, at each
 * step, scores every input position with additive attention (eq. 3) and outputs the softmax of
 * those scores as its pointer. Positions already chosen are masked, so the output is a
 * permutation; the decoder's next input is the number just pointed at (with teacher forcing in
 * training, the right one). Adam with global-norm clipping; cross-entropy over the masked
 * pointers. The seed fixes the initial weights and the batch stream, to the bit.
 *
 * $$u^i_j = v^\top \tanh(W_1 e_j + W_2 d_i),\qquad p(y_i = j \mid y_{<i}, x) = \operatorname{softmax}_{j \notin y_{<i}}(u^i)_j$$
 *
 * @example
 * const m = models.createPointerNetModel(1, { hidden: 8, embed: 4, batch: 4 });
 * m.query([0.5, 0.1, 0.9]).pointers[0].length;
 * // returns 3
 *
 * @see {@link sortStream}, {@link sortHeldOut}
 */
export function createPointerNetModel(seed: number, options: PointerNetOptions = {}): PointerNetModel {
  const o = { ...DEFAULTS, steps: options.mask === false ? 1500 : 600, ...options };
  const { embed: E, hidden: H } = o;
  const r = rng(seed);
  const lin = (rows: number, cols: number) => uniformParam(rows, cols, r, 1 / Math.sqrt(cols));
  const w = {
    /** The embedding of a number x: W_x x + b_x (E × 1). */
    embW: uniformParam(E, 1, r, 1),
    embB: uniformParam(1, E, r, 1),
    /** The decoder's first input (the paper's ⇒ symbol). */
    go: uniformParam(1, E, r, 1),
    enc: recurrentWeights(r, E, H, 4),
    dec: recurrentWeights(r, E, H, 4),
    w1: lin(H, H),
    w2: lin(H, H),
    v: lin(1, H),
  };
  const named: Record<string, Tensor> = {
    embW: w.embW,
    embB: w.embB,
    go: w.go,
    ...prefixedWeights("enc", w.enc),
    ...prefixedWeights("dec", w.dec),
    w1: w.w1,
    w2: w.w2,
    v: w.v,
  };
  const params = Object.values(named);
  const opt = scheduledAdam(params, o, o.steps);
  const heldOut = sortHeldOut();
  const next = sortStream(seed ^ 0x5eed, o.batch);
  let lastEval: PointerNetHeldOut | null = null;

  /** The embedded numbers of one column: (B × E). */
  const embedColumn = (values: Float64Array) => linear(constant(toColumn(values)), w.embW, w.embB);

  /**
   * Run the network on a batch. With `teacher` the decoder is fed the right numbers and the mask
   * removes the right positions; without, it is fed its own choices (greedy decoding).
   */
  const run = (batch: SortBatch, teacher: boolean) => {
    const { size: B, length: L, xs, order } = batch;
    let h = zeros(B, H);
    let c = zeros(B, H);
    const keys: Tensor[] = [];
    const column = new Float64Array(B);
    for (let i = 0; i < L; i++) {
      for (let b = 0; b < B; b++) column[b] = xs[b * L + i];
      ({ h, c } = lstmCell(embedColumn(column), h, c, w.enc));
      keys.push(h);
    }
    const projKeys = linear(concat(keys, 0), w.w1); // (L·B, H)
    let input = embedding(w.go, new Int32Array(B)); // (B, E)
    const allow = new Uint8Array(B * L).fill(1);
    const scores: Tensor[] = [];
    const masks: Uint8Array[] = [];
    const states: Tensor[] = [];
    const chosen = new Int32Array(B * L);
    for (let t = 0; t < L; t++) {
      ({ h, c } = lstmCell(input, h, c, w.dec));
      states.push(h);
      const u = batchAdditiveScores(linear(h, w.w2), projKeys, w.v); // (B, L)
      scores.push(u);
      masks.push(allow.slice());
      for (let b = 0; b < B; b++) {
        let j = order[b * L + t];
        if (!teacher) {
          j = -1;
          for (let k = 0; k < L; k++)
            if (allow[b * L + k] && (j < 0 || u.data[b * L + k] > u.data[b * L + j])) j = k;
        }
        chosen[b * L + t] = j;
        if (o.mask) allow[b * L + j] = 0;
        column[b] = xs[b * L + j];
      }
      if (t < L - 1) input = embedColumn(column);
    }
    return { scores, masks, chosen, keys, states };
  };

  /** The mean cross-entropy of the pointers (teacher forcing), as a 1×1 tensor. */
  const lossOf = (batch: SortBatch) => {
    const { size: B, length: L, order } = batch;
    const { scores, masks } = run(batch, true);
    const targets = new Int32Array(B * L);
    for (let t = 0; t < L; t++) for (let b = 0; b < B; b++) targets[t * B + b] = order[b * L + t];
    const mask = new Uint8Array(B * L * L);
    masks.forEach((m, t) => mask.set(m, t * B * L));
    return crossEntropy(concat(scores, 0), targets, { mask });
  };

  const decodeRun = (batch: SortBatch) => {
    const r = run(batch, false);
    const pointers = r.scores.map((u, t) => softmax(u, { mask: r.masks[t] }).data); // each (B, L)
    return { ...r, pointers };
  };
  const decodeBatch = (batch: SortBatch) => {
    const { chosen, pointers } = decodeRun(batch);
    return { order: chosen, pointers };
  };

  const score = (batch: SortBatch) => sortScore(batch, decodeBatch(batch).order);
  let stress: ReturnType<typeof sortStressSets> | null = null;

  const answer = (xs: number[]): PointerNetOutput => {
    const batch = makeSortBatch([xs]);
    const r = decodeRun(batch);
    const { pointers } = r;
    const want = Array.from(batch.order);
    const chosen = Array.from(r.chosen);
    const rows = (t: Tensor) => t.toArray();
    return {
      kind: "sort",
      xs,
      pointers: pointers.map((p) => Array.from(p)),
      order: chosen,
      want,
      correct: chosen.map((j, t) => xs[j] === xs[want[t]]),
      heldOut: lastEval,
      scores: {
        u: r.scores.map((u) => Array.from(u.data)),
        allowed: r.masks.map((m) => Array.from(m, Boolean)),
        encoder: r.keys.map((k) => Array.from(k.data)),
        decoder: r.states.map((d) => Array.from(d.data)),
        W1: rows(w.w1),
        W2: rows(w.w2),
        v: Array.from(w.v.data),
      },
    };
  };

  return {
    maxSteps: o.steps,
    evalEvery: 25,
    nextBatch: next,
    parameters: named,
    parameterData: () => params.map((t) => t.data),
    decodeBatch,
    gradients: (batch: SortBatch) => opt.backward(lossOf(batch)),
    trainStep(batch: SortBatch): StepStats {
      const stats = { loss: opt.backward(lossOf(batch)) };
      opt.step();
      return stats;
    },
    evaluate(): EvalStats {
      const loss = lossOf(heldOut).item();
      lastEval = { step: opt.steps, ...score(heldOut) };
      return { loss, accuracy: lastEval.perStep, series: { exactOrder: lastEval.exactOrder } };
    },
    sort: answer,
    measure(): PointerNetReport {
      stress ??= sortStressSets();
      const rows = stress.map(({ label, note, batch }) => ({
        label,
        note,
        lists: batch.size,
        ...score(batch),
      }));
      return { kind: "report", step: opt.steps, rows };
    },
    query(input: PointerNetQuery): PointerNetAnswer {
      if (input === "measure") return this.measure();
      if (
        !Array.isArray(input) ||
        input.length < 1 ||
        input.length > SORT_MAX_LENGTH ||
        input.some((x) => typeof x !== "number" || !(x >= 0 && x <= 1))
      )
        throw new RangeError(`Give 1 to ${SORT_MAX_LENGTH} numbers from 0 to 1.`);
      return answer(input);
    },
    probe: () => answer(POINTER_PROBE),
  };
}

/** A vector as a (n × 1) column. */
function toColumn(values: Float64Array): number[][] {
  return Array.from(values, (x) => [x]);
}
