/**
 * An end-to-end memory network (Sukhbaatar et al. 2015) that learns bAbI-style tasks 1 and 2
 * (chapter 13's trained model), as a {@link TrainingModel} for the training runtime.
 */
import { rng } from "../core/random";
import { memn2nPositionEncoding } from "../memory/memn2n";
import {
  Adam,
  Tensor,
  add,
  clipGradientsByNorm,
  crossEntropy,
  embedding,
  linear,
  mul,
  normalParam,
  softmax,
} from "../autograd";
import { bagEmbedding } from "../autograd/bagEmbedding";
import { batchAttentionRead, batchDotScores } from "../autograd/seqAttention";
import {
  BABI_EXAMPLES,
  BABI_MAX_SENTENCES,
  BABI_SENTENCE_WORDS,
  BABI_VOCAB,
  type BabiBatch,
  type BabiTask,
  babiAnswer,
  babiBatch,
  babiHeldOut,
  babiStream,
  encodeBabi,
} from "./babiTask";
import type { EvalStats, StepStats, TrainingModel } from "./trainingModel";

/** Sizes and training settings of {@link createMemoryNetwork}. */
export interface MemoryNetworkOptions {
  task: BabiTask;
  /** Hops K, 1–3 (default 3). */
  hops?: number;
  /** Embedding size d (default 20). */
  dim?: number;
  /** `"adjacent"`: A^{k+1} = C^k, B = A¹, W = C^K; `"layerwise"`: one A and one C for every hop (default adjacent). */
  tying?: "adjacent" | "layerwise";
  /** `"position"`: the paper's l_j weights; `"bag"`: plain bag of words (default position). */
  encoding?: "position" | "bag";
  /** Stories per batch (default 32). */
  batch?: number;
  /** Adam's learning rate (default 0.01), decayed to `lr · decay` at the last step. */
  lr?: number;
  decay?: number;
  /** Clip the global gradient norm to this (default 40, the paper's value). */
  clip?: number;
  /** Steps in a full run (default 3000). */
  steps?: number;
  /** Linear start: this many first steps without the softmax in the hops (default 300; the paper's "LS"). */
  linearStart?: number;
  /** Probability of an empty memory before each sentence while training (default 0.1). */
  noise?: number;
}

const DEFAULTS = {
  hops: 3,
  dim: 20,
  tying: "adjacent",
  encoding: "position",
  batch: 32,
  lr: 0.01,
  decay: 0.1,
  clip: 40,
  steps: 3000,
  linearStart: 300,
  noise: 0.1,
} as const;

/** The model's answer to one story: each hop's attention over the sentences and the answer. */
export interface MemoryNetworkOutput {
  sentences: string[];
  question: string;
  /** hops × sentences: p^k over the story's sentences. */
  attention: number[][];
  /** The most probable word and the answer distribution over the vocabulary (index 0 = padding). */
  answer: string;
  probs: number[];
  /** The task's rule applied to the words (null when the story does not determine it). */
  expected: string | null;
  /** hops × sentences: the scores u^{k⊤} m^k_i before the softmax. */
  scores: number[][];
  /** (hops + 1) × d: the query u¹ = B q, then u^{k+1} = u^k + o^k after each hop. */
  u: number[][];
  /** hops × sentences × d: each hop's input memories m^k_i (bag of words plus temporal row). */
  inputMemory: number[][][];
  /** hops × sentences × d: each hop's output memories c^k_i (adjacent tying: c^k = m^{k+1}). */
  outputMemory: number[][][];
  /** V × d: the answer weights W, so that probs = softmax(W u^{K+1}). */
  answerWeights: number[][];
}

/** The model: the training contract, plus its weights by name. */
export interface MemoryNetwork extends TrainingModel<BabiBatch, StoryInput, MemoryNetworkOutput> {
  readonly parameters: Readonly<Record<string, Tensor>>;
  /** The options in force, defaults filled in. */
  readonly options: Required<MemoryNetworkOptions>;
}

/** A reader's story (one sentence per entry) and question. */
export interface StoryInput {
  sentences: string[];
  question: string;
}

/** The story every progress report is drawn for, per task (the widget's default). */
export const MEMORY_NETWORK_PROBES: Record<BabiTask, StoryInput> = BABI_EXAMPLES;

/**
 * Build the memory network for a bAbI-style task: K hops of soft attention over the story's
 * sentences, each sentence embedded as a position-weighted bag of words plus a temporal row
 * (counting back from the latest sentence), trained with Adam on cross-entropy over the vocabulary.
 * The seed fixes the initial weights (N(0, 0.1²), as the paper) and the story stream.
 *
 * $$p^k_i = \operatorname{softmax}_i(u^{k\top} m^k_i),\quad o^k = \sum_i p^k_i c^k_i,\quad u^{k+1} = u^k + o^k,\quad \hat a = \operatorname{softmax}(W u^{K+1})$$
 *
 * @example
 * const m = models.createMemoryNetwork(1, { task: 1, hops: 2, batch: 4 });
 * m.query({ sentences: ["Mary went to the garden."], question: "Where is Mary?" }).attention.length;
 * // returns 2
 *
 * @see {@link babiStream}, {@link babiHeldOut}
 */
export function createMemoryNetwork(seed: number, options: MemoryNetworkOptions): MemoryNetwork {
  const o: Required<MemoryNetworkOptions> = { ...DEFAULTS, ...options };
  if (!(Number.isInteger(o.hops) && o.hops >= 1 && o.hops <= 3))
    throw new RangeError(`createMemoryNetwork: hops must be 1, 2 or 3, got ${o.hops}`);
  const K = o.hops;
  const d = o.dim;
  const V = BABI_VOCAB.length;
  const J = BABI_SENTENCE_WORDS;
  const T = BABI_MAX_SENTENCES + 4;
  const r = rng(seed);
  const table = (rows: number) => normalParam(rows, d, r, 0.1);
  // Adjacent: K+1 tables E⁰…E^K and temporal tables T⁰…T^K; layer-wise: A, C, B, W and T_A, T_C.
  const n = o.tying === "adjacent" ? K + 1 : 4;
  const E = Array.from({ length: n }, () => table(V));
  const TE = Array.from({ length: o.tying === "adjacent" ? K + 1 : 2 }, () => table(T));
  // Which table and temporal table each role reads (memory embeddings are shared between roles).
  const roles =
    o.tying === "adjacent"
      ? { A: (k: number) => k, C: (k: number) => k + 1, B: E[0], W: E[K] }
      : { A: () => 0, C: () => 1, B: E[2], W: E[3] };
  const named: Record<string, Tensor> = {};
  E.forEach((t, i) => (named[o.tying === "adjacent" ? `E${i}` : ["A", "C", "B", "W"][i]] = t));
  TE.forEach((t, i) => (named[o.tying === "adjacent" ? `T${i}` : ["TA", "TC"][i]] = t));
  const params = Object.values(named);
  const opt = new Adam(params, { lr: o.lr });
  const pe = o.encoding === "position" ? memn2nPositionEncoding(J, d).data : null;
  const heldOut = babiHeldOut(o.task);
  const next = babiStream(o.task, seed ^ 0x5eed, o.batch, heldOut.keys, o.noise);
  let stepsDone = 0;

  /** Forward pass: logits (B × V) and each hop's attention (B × L); `trace` records each hop's numbers. */
  const forward = (batch: BabiBatch, linearHops: boolean, trace?: HopTrace) => {
    const { size: B, slots: L } = batch;
    let u = bagEmbedding(roles.B, batch.question, J, pe); // (B, d)
    const flatMask = linearHops ? allowedTensor(batch.allowed, B, L) : null; // (B, L)
    const attention: Tensor[] = [];
    // Memory embeddings m = bag(E) + T(age), one per table (adjacent tying: c^k = m^{k+1}).
    const memo = new Map<number, Tensor>();
    const memory = (t: number) => {
      let m = memo.get(t);
      if (!m) {
        m = add(bagEmbedding(E[t], batch.memory, J, pe), embedding(TE[t], batch.age)); // (L·B, d)
        memo.set(t, m);
      }
      return m;
    };
    for (let k = 0; k < K; k++) {
      const scores = batchDotScores(u, memory(roles.A(k))); // (B, L)
      const p = flatMask ? mul(scores, flatMask) : softmax(scores, { mask: batch.allowed });
      attention.push(p);
      if (trace) {
        trace.u.push(Array.from(u.data));
        trace.scores.push(Array.from(scores.data));
        trace.inputMemory.push(memory(roles.A(k)).toArray());
        trace.outputMemory.push(memory(roles.C(k)).toArray());
      }
      u = add(u, batchAttentionRead(p, memory(roles.C(k)))); // (B, d)
    }
    trace?.u.push(Array.from(u.data));
    return { logits: linear(u, roles.W), attention }; // (B, V)
  };

  const run = (input: StoryInput): MemoryNetworkOutput => {
    const enc = encodeBabi(input.sentences, input.question);
    const batch = babiBatch([{ encoded: enc, answer: 0 }]);
    // One story (B = 1): memory slot i is row i, and every hop's numbers are this story's.
    const trace: HopTrace = { scores: [], u: [], inputMemory: [], outputMemory: [] };
    const { logits, attention } = forward(batch, false, trace);
    const probs = Array.from(softmax(logits).data);
    let best = 1;
    for (let v = 2; v < V; v++) if (probs[v] > probs[best]) best = v;
    return {
      sentences: input.sentences,
      question: input.question,
      attention: attention.map((p) => Array.from(p.data)),
      answer: BABI_VOCAB[best],
      probs,
      expected: babiAnswer(input.sentences, input.question)?.answer ?? null,
      ...trace,
      answerWeights: roles.W.toArray(),
    };
  };

  return {
    maxSteps: o.steps,
    evalEvery: 100,
    options: o,
    parameters: named,
    parameterData: () => params.map((t) => t.data),
    nextBatch: next,
    trainStep(batch: BabiBatch): StepStats {
      const { logits } = forward(batch, stepsDone < o.linearStart);
      const loss = crossEntropy(logits, batch.answer);
      opt.zeroGrad();
      loss.backward();
      clipGradientsByNorm(params, o.clip);
      opt.lr = o.lr * o.decay ** (stepsDone / o.steps);
      opt.step();
      stepsDone++;
      return { loss: loss.item() };
    },
    evaluate(): EvalStats {
      let correct = 0;
      let lossSum = 0;
      let total = 0;
      for (const batch of heldOut.batches) {
        const { logits } = forward(batch, false);
        lossSum += crossEntropy(logits, batch.answer).item() * batch.size;
        const Z = logits.data;
        for (let b = 0; b < batch.size; b++) {
          let best = 0;
          for (let v = 1; v < V; v++) if (Z[b * V + v] > Z[b * V + best]) best = v;
          if (best === batch.answer[b]) correct++;
        }
        total += batch.size;
      }
      return { loss: lossSum / total, accuracy: correct / total };
    },
    query: run,
    probe: () => run(MEMORY_NETWORK_PROBES[o.task]),
  };
}

/** One story's numbers per hop, as {@link MemoryNetworkOutput} reports them. */
type HopTrace = Pick<MemoryNetworkOutput, "scores" | "u" | "inputMemory" | "outputMemory">;

/** The allow-mask as a constant (B × L) of zeros and ones. */
function allowedTensor(allowed: Uint8Array, B: number, L: number): Tensor {
  return new Tensor(B, L, Float64Array.from(allowed));
}
