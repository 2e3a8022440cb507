/**
 * Semi-supervised node classification (chapter 12's trained model): GAT, GATv2 and GCN trained
 * side by side on one graph from the same few labelled nodes, as a {@link TrainingModel}.
 */
import { rng } from "../core/random";
import {
  Adam,
  Tensor,
  constant,
  crossEntropy,
  detach,
  gatLayer,
  gatv2Layer,
  gatv2Scores,
  gcnLayer,
  matmul,
  mul,
  sliceRows,
  uniformParam,
  zeros,
} from "../autograd";
import type { EvalStats, StepStats, TrainingModel } from "./trainingModel";

/** The three networks trained side by side. */
export type GraphNet = "gat" | "gatv2" | "gcn";
export const GRAPH_NETS: readonly GraphNet[] = ["gat", "gatv2", "gcn"];

/** An undirected graph whose nodes each belong to one class. */
export interface NodeTask {
  /** Number of nodes N. */
  nodes: number;
  /** Undirected edges, 0-based, each once, no self-loops. */
  edges: readonly (readonly [number, number])[];
  /** The true class of every node (length N), 0 … classes − 1. */
  labels: readonly number[];
  classes: number;
}

/** The task and the training settings of {@link createNodeClassifier}. */
export interface NodeClassifierOptions {
  task: NodeTask;
  /** The nodes whose class the model is told (at least one of each class). */
  labelled: readonly number[];
  /** Features per node after the first layer (default 8). */
  hidden?: number;
  /** Adam's learning rate (default 0.01). */
  lr?: number;
  /** L2 weight decay, as Kipf and Welling and Veličković et al. (default 5e-4). */
  weightDecay?: number;
  /** Steps in a full run (default 200). */
  steps?: number;
  /** Dropout on the input features and on the hidden features while training (default 0.5). */
  dropout?: number;
}

/** One training step's randomness: every network's dropout masks (already scaled by 1/(1 − p)). */
export type DropoutBatch = Record<GraphNet, { input: Tensor; hidden: Tensor }>;

const DEFAULTS = { hidden: 8, lr: 0.01, weightDecay: 5e-3, steps: 200, dropout: 0.6 } as const;
/** The LeakyReLU's negative slope in both attention layers (the papers' 0.2). */
const SLOPE = 0.2;
const leaky = (x: number) => (x > 0 ? x : SLOPE * x);

/** What one network currently does on the whole graph. */
export interface NetView {
  /** Predicted class of every node. */
  predicted: number[];
  /** Probability of class 1 for every node (two-class tasks; else the predicted class's). */
  p1: number[];
  /** Accuracy on the nodes that were not labelled, in [0, 1]. */
  accuracy: number;
  /** First-layer weights (N×N): row i is node i's distribution over itself and its neighbours (GCN: the fixed c_ij). */
  attention: number[][];
  /**
   * GAT only: the first layer's query term a₁ᵀWhᵢ and key term a₂ᵀWhⱼ of every node, so that
   * e_ij = LeakyReLU(query[i] + key[j]).
   */
  query?: number[];
  key?: number[];
}

/** The three networks' state, as the widget draws it. */
export type NodeClassifierView = Record<GraphNet, NetView>;

/** A reader's question: one node. */
export interface NodeQuery {
  node: number;
}

/** One network's first layer at the queried node: its weight on itself and each neighbour. */
export interface NeighbourScores {
  /** α_ij (GCN: the fixed c_ij). */
  weight: number[];
  /** GAT and GATv2: the score e_ij before the softmax. */
  score?: number[];
}

/**
 * The first-layer numbers that give a node's scores and weights, in `neighbours` order (the node
 * itself first). The features are one-hot, so W hⱼ is row j of W.
 */
export interface FirstLayerNumbers {
  /** GAT: W hⱼ (H each) and a (2H): e_ij = LeakyReLU(a[:H]ᵀ W hᵢ + a[H:]ᵀ W hⱼ). */
  gat: { Wh: number[][]; a: number[] };
  /** GATv2: W_q hᵢ (H), W_k hⱼ (H each) and a (H): e_ij = aᵀ LeakyReLU(W_q hᵢ + W_k hⱼ). */
  gatv2: { q: number[]; k: number[][]; a: number[] };
  /** GCN: d̃ⱼ, the degree with the self-loop: c_ij = 1/√(d̃ᵢ d̃ⱼ). */
  gcn: { degree: number[] };
}

/** The answer to a {@link NodeQuery}. */
export interface NodeAnswer {
  node: number;
  /** The node itself, then its neighbours in increasing order. */
  neighbours: number[];
  nets: Record<GraphNet, NeighbourScores>;
  /** The numbers that give `nets`' scores and weights (the LeakyReLU's slope is 0.2). */
  layer: FirstLayerNumbers;
}

/** The three-network model: the training contract plus each network's first-layer parameters. */
export interface NodeClassifierModel extends TrainingModel<
  DropoutBatch,
  NodeQuery,
  NodeAnswer | NodeClassifierView
> {
  /** Every network's trainable weights by name. */
  readonly parameters: Readonly<Record<GraphNet, Readonly<Record<string, Tensor>>>>;
  query(input: NodeQuery): NodeAnswer;
  probe(): NodeClassifierView;
  /** The current view of all three networks (same as `probe`). */
  view(): NodeClassifierView;
  /** Each network's accuracy on the unlabelled nodes. */
  accuracies(): Record<GraphNet, number>;
}

/** Glorot/Xavier uniform, as pyGAT and Kipf and Welling initialise their weights. */
function glorot(rows: number, cols: number, r: ReturnType<typeof rng>): Tensor {
  return uniformParam(rows, cols, r, Math.sqrt(6 / (rows + cols)));
}

/**
 * Build the three networks on one graph: one-hot node features (the identity, as Kipf and Welling
 * on the karate club), a hidden layer of `hidden` features, and an output layer with one score per
 * class. GAT and GATv2: one head per layer, ELU between layers; GCN: ReLU. Each network has its own
 * Adam; the loss is the cross-entropy on the labelled nodes only. The seed fixes every network's
 * initial weights (drawn in the order GAT, GATv2, GCN), so a seed gives the same run to the bit.
 *
 * $$\text{GAT: } e_{ij} = \mathrm{LeakyReLU}(a^\top[W h_i \Vert W h_j]),\quad \text{GATv2: } e_{ij} = a^\top \mathrm{LeakyReLU}(W_q h_i + W_k h_j),\quad \text{GCN: } c_{ij} = 1/\sqrt{\tilde d_i \tilde d_j}$$
 *
 * @example
 * const task = { nodes: 3, edges: [[0, 1], [1, 2]], labels: [0, 0, 1], classes: 2 };
 * const m = models.createNodeClassifier(1, { task, labelled: [0, 2] });
 * for (let i = 0; i < 50; i++) m.trainStep(m.nextBatch());
 * m.view().gat.attention[1].length;
 * // returns 3
 *
 * @see {@link GraphNet}, {@link NodeTask}
 */
export function createNodeClassifier(seed: number, options: NodeClassifierOptions): NodeClassifierModel {
  const o = { ...DEFAULTS, ...options };
  const { task, labelled } = o;
  const N = task.nodes;
  const C = task.classes;
  const H = o.hidden;
  if (task.labels.length !== N)
    throw new RangeError(`The task has ${task.labels.length} labels for ${N} nodes.`);
  for (const i of labelled)
    if (!Number.isInteger(i) || i < 0 || i >= N)
      throw new RangeError(`Labelled node ${i} is not a node of the graph.`);
  if (new Set(labelled).size === N) throw new RangeError("Leave at least one node unlabelled.");
  for (let c = 0; c < C; c++)
    if (!labelled.some((i) => task.labels[i] === c))
      throw new RangeError(`Label at least one node of each class (none of class ${c + 1} is labelled).`);

  const adj: number[][] = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (const [a, b] of task.edges) {
    if (a === b || a < 0 || b < 0 || a >= N || b >= N)
      throw new RangeError(`Edge ${a}–${b} is not a valid edge.`);
    adj[a][b] = adj[b][a] = 1;
  }
  const withSelf = adj.map((row, i) => row.map((v, j) => (v || i === j ? 1 : 0)));
  const features = constant(
    Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (i === j ? 1 : 0))),
  ); // (N, N)
  const known = new Set(labelled);
  const targets = task.labels.map((c, i) => (known.has(i) ? c : -1));
  const heldOut = task.labels.map((c, i) => (known.has(i) ? -1 : c));

  const r = rng(seed);
  const params: Record<GraphNet, Record<string, Tensor>> = {
    gat: { W1: glorot(N, H, r), a1: glorot(2 * H, 1, r), W2: glorot(H, C, r), a2: glorot(2 * C, 1, r) },
    gatv2: {
      Wq1: glorot(N, H, r),
      Wk1: glorot(N, H, r),
      a1: glorot(H, 1, r),
      Wq2: glorot(H, C, r),
      Wk2: glorot(H, C, r),
      a2: glorot(C, 1, r),
    },
    gcn: { W1: glorot(N, H, r), b1: zeros(1, H, true), W2: glorot(H, C, r), b2: zeros(1, C, true) },
  };
  const opts = Object.fromEntries(
    GRAPH_NETS.map((net) => [
      net,
      new Adam(Object.values(params[net]), { lr: o.lr, weightDecay: o.weightDecay }),
    ]),
  ) as Record<GraphNet, Adam>;

  /**
   * Logits (N×C) and the first layer's weights (N×N). Without `drop` it runs on detached weights
   * (evaluation: no graph, no dropout); with it, on the parameters with the batch's dropout masks.
   */
  const forward = (net: GraphNet, drop: DropoutBatch[GraphNet] | null) => {
    const p = drop
      ? params[net]
      : Object.fromEntries(Object.entries(params[net]).map(([k, t]) => [k, detach(t)]));
    const x = drop ? mul(features, drop.input) : features; // (N, N)
    const between = (h: Tensor) => (drop ? mul(h, drop.hidden) : h); // (N, H)
    if (net === "gat") {
      const l1 = gatLayer(x, withSelf, p.W1, p.a1);
      const l2 = gatLayer(between(l1.output), withSelf, p.W2, p.a2, { concat: false });
      return { logits: l2.output, first: l1.attention };
    }
    if (net === "gatv2") {
      const l1 = gatv2Layer(x, withSelf, p.Wq1, p.Wk1, p.a1);
      const l2 = gatv2Layer(between(l1.output), withSelf, p.Wq2, p.Wk2, p.a2, { concat: false });
      return { logits: l2.output, first: l1.attention };
    }
    const l1 = gcnLayer(x, adj, p.W1, p.b1, { relu: true });
    const l2 = gcnLayer(between(l1.output), adj, p.W2, p.b2);
    return { logits: l2.output, first: l1.weights };
  };

  const batches = rng(seed ^ 0x5eed);
  const dropMask = (rows: number, cols: number) => {
    const keep = 1 - o.dropout;
    const d = new Float64Array(rows * cols);
    for (let i = 0; i < d.length; i++) d[i] = batches.uniform() < keep ? 1 / keep : 0;
    return new Tensor(rows, cols, d);
  };

  const netView = (net: GraphNet): NetView => {
    const { logits, first } = forward(net, null);
    const predicted: number[] = [];
    const p1: number[] = [];
    let right = 0;
    let count = 0;
    for (let i = 0; i < N; i++) {
      const row = Array.from(logits.data.subarray(i * C, (i + 1) * C));
      const max = Math.max(...row);
      const ex = row.map((x) => Math.exp(x - max));
      const s = ex.reduce((a, b) => a + b, 0);
      const best = row.indexOf(max);
      predicted.push(best);
      p1.push(C === 2 ? ex[1] / s : ex[best] / s);
      if (!known.has(i)) {
        count++;
        if (best === task.labels[i]) right++;
      }
    }
    const view: NetView = { predicted, p1, accuracy: right / count, attention: first.toArray() };
    if (net === "gat") {
      const W = detach(params.gat.W1);
      const a = detach(params.gat.a1);
      const Wh = matmul(features, W); // (N, H)
      view.query = Array.from(matmul(Wh, sliceRows(a, 0, H)).data);
      view.key = Array.from(matmul(Wh, sliceRows(a, H, 2 * H)).data);
    }
    return view;
  };

  const view = (): NodeClassifierView =>
    Object.fromEntries(GRAPH_NETS.map((net) => [net, netView(net)])) as NodeClassifierView;

  const accuracies = () =>
    Object.fromEntries(GRAPH_NETS.map((net) => [net, netView(net).accuracy])) as Record<GraphNet, number>;

  return {
    maxSteps: o.steps,
    evalEvery: 5,
    parameters: params,
    parameterData: () => GRAPH_NETS.flatMap((net) => Object.values(params[net]).map((t) => t.data)),
    nextBatch: () =>
      Object.fromEntries(
        GRAPH_NETS.map((net) => [net, { input: dropMask(N, N), hidden: dropMask(N, H) }]),
      ) as DropoutBatch,
    trainStep(batch: DropoutBatch): StepStats {
      const series: Record<string, number> = {};
      for (const net of GRAPH_NETS) {
        const loss = crossEntropy(forward(net, batch[net]).logits, targets);
        opts[net].zeroGrad();
        loss.backward();
        opts[net].step();
        series[net] = loss.item();
      }
      return { loss: (series.gat + series.gatv2 + series.gcn) / 3, series };
    },
    evaluate(): EvalStats {
      // The held-out accuracy is the lowest of the three: data-accuracy ≥ x means every network is there.
      let lossSum = 0;
      let worst = 1;
      for (const net of GRAPH_NETS) {
        lossSum += crossEntropy(forward(net, null).logits, heldOut).item();
        worst = Math.min(worst, netView(net).accuracy);
      }
      return { loss: lossSum / GRAPH_NETS.length, accuracy: worst };
    },
    query({ node }: NodeQuery): NodeAnswer {
      if (!Number.isInteger(node) || node < 0 || node >= N)
        throw new RangeError(`Pick a member from 1 to ${N}.`);
      const neighbours = [node, ...withSelf[node].flatMap((v, j) => (v && j !== node ? [j] : []))];
      const nets = {} as Record<GraphNet, NeighbourScores>;
      for (const net of GRAPH_NETS) {
        const { first } = forward(net, null);
        nets[net] = { weight: neighbours.map((j) => first.data[node * N + j]) };
      }
      const gat = netView("gat");
      nets.gat.score = neighbours.map((j) => leaky((gat.query as number[])[node] + (gat.key as number[])[j]));
      const p = params.gatv2;
      const e = gatv2Scores(
        matmul(features, detach(p.Wq1)),
        matmul(features, detach(p.Wk1)),
        detach(p.a1),
        withSelf.flat(),
        SLOPE,
      ); // (N, N)
      nets.gatv2.score = neighbours.map((j) => e.data[node * N + j]);
      const row = (t: Tensor, j: number) => Array.from(t.data.subarray(j * H, (j + 1) * H));
      const layer: FirstLayerNumbers = {
        gat: { Wh: neighbours.map((j) => row(params.gat.W1, j)), a: Array.from(params.gat.a1.data) },
        gatv2: {
          q: row(p.Wq1, node),
          k: neighbours.map((j) => row(p.Wk1, j)),
          a: Array.from(p.a1.data),
        },
        gcn: { degree: neighbours.map((j) => withSelf[j].reduce<number>((x, y) => x + y, 0)) },
      };
      return { node, neighbours, nets, layer };
    },
    probe: view,
    view,
    accuracies,
  };
}
