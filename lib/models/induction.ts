/**
 * A two-layer, attention-only, decoder-only Transformer that learns to continue a repeated
 * sequence by forming an induction head (chapter 9's trained model), as a {@link TrainingModel}
 * for the training runtime.
 */
import {
  Adam,
  type Tensor,
  add,
  causalSelfAttention,
  clipGradientsByNorm,
  crossEntropy,
  detach,
  embedding,
  layerNorm,
  linear,
  normalParam,
  uniformParam,
  zeros,
} from "../autograd";
import { rng } from "../core/random";
import {
  INDUCTION_MAX_LENGTH,
  INDUCTION_VOCAB,
  type InductionBatch,
  type InductionHeldOut,
  inductionHeldOut,
  inductionStream,
  inductionTargets,
} from "./inductionTask";
import { argmaxRows } from "./argmax";
import type { EvalStats, StepStats, TrainingModel } from "./trainingModel";

/** Sizes and training settings of {@link createInductionModel}. */
export interface InductionOptions {
  /** Model width d (default 32). */
  width?: number;
  /** Heads per layer (default 2). */
  heads?: number;
  /** Layers (default 2). */
  layers?: number;
  /** Sequences per batch (default 32). */
  batch?: number;
  /** Adam's peak learning rate (default 0.01), after a linear warm-up over `warmup` steps. */
  lr?: number;
  /** Warm-up steps (default 50). */
  warmup?: number;
  /** Clip the global gradient norm to this (default 1). */
  clip?: number;
  /** Steps in a full run (default 1000). */
  steps?: number;
  /** Layer norm before each attention layer and before the unembedding (default true). */
  layerNorm?: boolean;
}

const DEFAULTS = {
  width: 32,
  heads: 2,
  layers: 2,
  batch: 32,
  lr: 0.01,
  warmup: 50,
  clip: 1,
  steps: 1000,
  layerNorm: true,
} as const;

/** The reader's question: a sequence, and the heads to knock out (index layer·H + head). */
export interface InductionInput {
  tokens: number[];
  knockout?: number[];
}

/** What the model makes of one sequence. */
export interface InductionOutput {
  tokens: number[];
  /** The most likely next token after each position. */
  predictions: number[];
  /** Its probability. */
  confidence: number[];
  /** attention[layer][head][i][j]: weight of query i on key j (0 for j > i). */
  attention: number[][][][];
  /** The heads knocked out for this answer (layer·H + head). */
  knockout: number[];
  /** Held-out accuracy and loss with those heads knocked out (on `query` only). */
  heldOut?: { accuracy: number; loss: number };
  /** What each layer's scores are made of on this sequence, for writing them out (see {@link InductionScores}). */
  scores: InductionScores[];
}

/**
 * The numbers behind one layer's attention scores on a sequence, copied at the moment of the
 * answer: head h's query of position i is q_i = W_Q^{(h)} x_i with W_Q^{(h)} the rows
 * h·d_k … (h+1)·d_k − 1 of `Wq` (d_k = d / H), its key likewise from `Wk`, and its weights
 * softmax_j(q_i · k_j / √d_k) over j ≤ i (no biases).
 */
export interface InductionScores {
  /** (n × d): the layer's input x_i = LN(x^{(ℓ−1)}_i) (the residual stream without layer norm when it is off). */
  input: number[][];
  /** (d × d) each, torch orientation: the query and key blocks of the layer's qkv projection. */
  Wq: number[][];
  Wk: number[][];
}

/** Mean attention of each head on held-out sequences, on the repeated half (see {@link InductionModel.headScores}). */
export interface HeadScores {
  /** Mean weight of query i on key i − 1. */
  previous: number[][];
  /** Mean weight of query i (i ≥ T) on key i − T + 1: the token after the earlier copy of x_i. */
  induction: number[][];
  /** Mean weight of query i (i ≥ T) on key i − T: the earlier copy of x_i itself. */
  copy: number[][];
}

/** The induction model: the training contract, plus its weights and measurements of its heads. */
export interface InductionModel extends TrainingModel<InductionBatch, InductionInput, InductionOutput> {
  readonly parameters: Readonly<Record<string, Tensor>>;
  readonly heads: number;
  readonly layers: number;
  /** Forward and backward on `batch` without an update: returns the loss, leaves the gradients on the weights. */
  gradients(batch: InductionBatch): number;
  /** Held-out loss and accuracy with the given heads knocked out. */
  evaluateWith(knockout: readonly number[]): EvalStats;
  /** [layer][head] mean attention patterns on the held-out set's repeated halves. */
  headScores(): HeadScores;
}

/** The sequence every progress report is drawn for: ten distinct letters, then again. */
export const INDUCTION_PROBE = [3, 10, 5, 12, 16, 1, 7, 18, 22, 0, 3, 10, 5, 12, 16, 1, 7, 18, 22, 0];

interface Layer {
  norm: Tensor;
  normB: Tensor;
  qkv: Tensor;
  out: Tensor;
}

/**
 * Build the induction model: token and learned position embeddings, `layers` pre-norm causal
 * multi-head self-attention layers with residual connections and no MLP (attention-only, as
 * Elhage et al. 2021 and Olsson et al. 2022 study), a final layer norm and the unembedding.
 * Trained with Adam, warm-up and global-norm clipping on cross-entropy over the repeated halves
 * only. The seed fixes the initial weights and the batch stream.
 *
 * $$x^{(0)}_i = E_{t_i} + P_i,\qquad x^{(\ell)} = x^{(\ell-1)} + \textstyle\sum_h W_O^{(\ell,h)}\, \mathrm{Attn}^{(\ell,h)}\big(\mathrm{LN}(x^{(\ell-1)})\big),\qquad p_i = \operatorname{softmax}\big(U\, \mathrm{LN}(x^{(L)}_i) + c\big)$$
 *
 * @example
 * const m = models.createInductionModel(1, { width: 8 });
 * m.query({ tokens: [0, 1, 0] }).attention[1][0][2].length;
 * // returns 3
 *
 * @see {@link inductionStream}, {@link causalSelfAttention}
 */
export function createInductionModel(seed: number, options: InductionOptions = {}): InductionModel {
  const o = { ...DEFAULTS, ...options };
  const { width: d, heads: H, layers: L } = o;
  if (d % H !== 0) throw new RangeError(`createInductionModel: width ${d} is not divisible by ${H} heads`);
  const r = rng(seed);
  const lin = (rows: number, cols: number) => uniformParam(rows, cols, r, 1 / Math.sqrt(cols));
  const tok = normalParam(INDUCTION_VOCAB, d, r, 1);
  const pos = normalParam(INDUCTION_MAX_LENGTH, d, r, 1);
  const ones = () => {
    const t = zeros(1, d, true);
    t.data.fill(1);
    return t;
  };
  const layers: Layer[] = Array.from({ length: L }, () => ({
    norm: ones(),
    normB: zeros(1, d, true),
    qkv: lin(3 * d, d),
    out: lin(d, d),
  }));
  const finalNorm = ones();
  const finalNormB = zeros(1, d, true);
  const unembed = lin(INDUCTION_VOCAB, d);
  const unembedB = zeros(1, INDUCTION_VOCAB, true);
  const named: Record<string, Tensor> = { tok, pos };
  layers.forEach((l, i) => {
    if (o.layerNorm) Object.assign(named, { [`l${i}.norm`]: l.norm, [`l${i}.normB`]: l.normB });
    Object.assign(named, { [`l${i}.qkv`]: l.qkv, [`l${i}.out`]: l.out });
  });
  if (o.layerNorm) Object.assign(named, { finalNorm, finalNormB });
  Object.assign(named, { unembed, unembedB });
  const params = Object.values(named);
  const opt = new Adam(params, { lr: o.lr });
  let stepsDone = 0;
  const heldOut: InductionHeldOut = inductionHeldOut();
  const next = inductionStream(seed ^ 0x1d0c, o.batch, heldOut.keys);

  /**
   * The forward pass over `size` sequences of length n (tokens row-major). With `train` false the
   * weights are detached, so no graph is kept.
   */
  const forward = (tokens: Int32Array, n: number, train: boolean, knockout: readonly number[] = []) => {
    const w = (t: Tensor) => (train ? t : detach(t));
    const positions = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) positions[k] = k % n;
    let x = add(embedding(w(tok), tokens), embedding(w(pos), positions)); // (B·n, d)
    const weights: Float64Array[] = [];
    const inputs: Tensor[] = [];
    for (let l = 0; l < L; l++) {
      const lw = layers[l];
      const hIn = o.layerNorm ? layerNorm(x, w(lw.norm), w(lw.normB)) : x;
      inputs.push(hIn);
      const headScale = knockout.length
        ? Array.from({ length: H }, (_, h) => (knockout.includes(l * H + h) ? 0 : 1))
        : null;
      const a = causalSelfAttention(linear(hIn, w(lw.qkv)), n, H, { headScale }); // (B·n, d)
      weights.push(a.weights);
      x = add(x, linear(a.output, w(lw.out)));
    }
    const hOut = o.layerNorm ? layerNorm(x, w(finalNorm), w(finalNormB)) : x;
    return { logits: linear(hOut, w(unembed), w(unembedB)), weights, inputs }; // (B·n, V)
  };

  const evaluateWith = (knockout: readonly number[]): EvalStats => {
    let correct = 0;
    let total = 0;
    let lossSum = 0;
    for (const batch of heldOut.batches) {
      const n = 2 * batch.half;
      const targets = inductionTargets(batch);
      const { logits } = forward(batch.tokens, n, false, knockout);
      const count = batch.size * (batch.half - 1);
      lossSum += crossEntropy(logits, targets).item() * count;
      total += count;
      const pred = argmaxRows(logits);
      for (let k = 0; k < targets.length; k++) if (targets[k] >= 0 && pred[k] === targets[k]) correct++;
    }
    return { loss: lossSum / total, accuracy: correct / total };
  };

  const run = (tokens: number[], knockout: readonly number[]): InductionOutput => {
    const n = tokens.length;
    const { logits, weights, inputs } = forward(Int32Array.from(tokens), n, false, knockout);
    const predictions: number[] = [];
    const confidence: number[] = [];
    const V = INDUCTION_VOCAB;
    for (let i = 0; i < n; i++) {
      const z = logits.data.subarray(i * V, (i + 1) * V);
      let best = 0;
      for (let c = 1; c < V; c++) if (z[c] > z[best]) best = c;
      let s = 0;
      for (let c = 0; c < V; c++) s += Math.exp(z[c] - z[best]);
      predictions.push(best);
      confidence.push(1 / s);
    }
    const attention = weights.map((A) =>
      Array.from({ length: H }, (_, h) =>
        Array.from({ length: n }, (_, i) => Array.from(A.subarray((h * n + i) * n, (h * n + i + 1) * n))),
      ),
    );
    const scores = layers.map((lw, l) => {
      const qkv = lw.qkv.toArray();
      return { input: inputs[l].toArray(), Wq: qkv.slice(0, d), Wk: qkv.slice(d, 2 * d) };
    });
    return { tokens, predictions, confidence, attention, knockout: [...knockout], scores };
  };

  return {
    maxSteps: o.steps,
    evalEvery: 25,
    heads: H,
    layers: L,
    nextBatch: next,
    parameters: named,
    parameterData: () => params.map((t) => t.data),
    gradients(batch: InductionBatch): number {
      const { logits } = forward(batch.tokens, 2 * batch.half, true);
      const loss = crossEntropy(logits, inductionTargets(batch));
      opt.zeroGrad();
      loss.backward();
      return loss.item();
    },
    trainStep(batch: InductionBatch): StepStats {
      const loss = this.gradients(batch);
      clipGradientsByNorm(params, o.clip);
      opt.lr = o.lr * Math.min(1, (stepsDone + 1) / o.warmup);
      opt.step();
      stepsDone++;
      return { loss };
    },
    evaluate: () => evaluateWith([]),
    evaluateWith,
    headScores(): HeadScores {
      const zero = () => Array.from({ length: L }, () => new Array<number>(H).fill(0));
      const sums = { previous: zero(), induction: zero(), copy: zero() };
      let count = 0;
      for (const batch of heldOut.batches) {
        const T = batch.half;
        const n = 2 * T;
        const { weights } = forward(batch.tokens, n, false);
        for (let b = 0; b < batch.size; b++)
          for (let i = T; i < n; i++) {
            for (let l = 0; l < L; l++)
              for (let h = 0; h < H; h++) {
                const row = ((b * H + h) * n + i) * n;
                sums.previous[l][h] += weights[l][row + i - 1];
                sums.induction[l][h] += weights[l][row + i - T + 1];
                sums.copy[l][h] += weights[l][row + i - T];
              }
          }
        count += batch.size * T;
      }
      const mean = (m: number[][]) => m.map((row) => row.map((v) => v / count));
      return { previous: mean(sums.previous), induction: mean(sums.induction), copy: mean(sums.copy) };
    },
    query(input: InductionInput): InductionOutput {
      const { tokens, knockout = [] } = input;
      if (
        tokens.length < 1 ||
        tokens.length > INDUCTION_MAX_LENGTH ||
        tokens.some((t) => !(t >= 0 && t < INDUCTION_VOCAB) || t % 1)
      )
        throw new RangeError(`Give 1 to ${INDUCTION_MAX_LENGTH} letters from a to z.`);
      if (knockout.some((k) => !(k >= 0 && k < L * H) || k % 1))
        throw new RangeError(`Heads are numbered 0 to ${L * H - 1}.`);
      return { ...run(tokens, knockout), heldOut: evaluateWith(knockout) };
    },
    probe: () => run(INDUCTION_PROBE, []),
  };
}
