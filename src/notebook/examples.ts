/**
 * Ready-made notebooks, one per part of the course (`src/data/curriculum.ts`), opened from the
 * chapters with `/notebook/?example=part-<n>`. Every formula here is checked by a unit test
 * (`tests/src/notebook/examples.test.ts`): each cell evaluates without an error.
 */
export interface ReadyMade {
  /** The part of the course. */
  part: number;
  title: string;
  cells: string[];
}

export const READY_MADE: readonly ReadyMade[] = [
  {
    part: 1,
    title: "Scores, weights and a weighted sum",
    cells: [
      "q = [1, 2, 3, 4]",
      "K = [[2, 0, 1, 1], [0, 0, 0, 1], [1, 1, 1, 1]]",
      "V = [[1, 0], [0, 1], [1, 1]]",
      "s = K * q / sqrt(4)",
      "alpha = softmax(s)",
      "c = alpha' * V",
      "f(T) = max(softmax(s, T))",
    ],
  },
  {
    part: 2,
    title: "Self-attention and a causal mask",
    cells: [
      "X = [[1, 0, 1, 0], [0, 2, 0, 2], [1, 1, 1, 1]]",
      "Wq = [[1, 0], [0, 1], [1, 0], [0, 1]] / 2",
      "Wk = [[0, 1], [1, 0], [0, 1], [1, 0]] / 2",
      "Wv = [[1, 0], [0, 0], [0, 1], [1, 1]]",
      "Q = X * Wq",
      "K = X * Wk",
      "V = X * Wv",
      "A = attentionWeights(Q, K)",
      "causal = [[true, false, false], [true, true, false], [true, true, true]]",
      "Acausal = attentionWeights(Q, K, causal)",
      "out = attention(Q, K, V, causal)",
      "PE = positionalEncoding(6, 4)",
    ],
  },
  {
    part: 3,
    title: "Graph attention on four nodes",
    cells: [
      "H = [[1, 0], [0, 1], [1, 1], [2, 0]]",
      "Adj = [[1, 1, 0, 0], [1, 1, 1, 0], [0, 1, 1, 1], [0, 0, 1, 1]]",
      "W = [[1, 0.5], [0.5, 1]]",
      "a = [1, -1, 0.5, 0.5]",
      "Hnext = gat(H, Adj, W, a)",
      "allowed = Adj > 0",
    ],
  },
  {
    part: 4,
    title: "Addressing a memory by content",
    cells: [
      "M = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]]",
      "k = [1, 0.9, 0]",
      "w = ntmAddress(M, k, 5, 1, [0, 1, 0], 1, [1, 0, 0, 0])",
      "r = ntmRead(M, w)",
      "Mnext = ntmWrite(M, w, [1, 1, 1], [0, 0, 1])",
      "sharpness(beta) = max(ntmAddress(M, k, beta, 1, [0, 1, 0], 1, [1, 0, 0, 0]))",
    ],
  },
  {
    part: 5,
    title: "Softmax temperature and saturation",
    cells: [
      "z = [2, 1, 0.1, -1]",
      "p = softmax(z)",
      "entropy(T) = -sum(softmax(z, T) .* log(softmax(z, T)))",
      "d = 64",
      "scores = [1, 2, 3] * sqrt(d)",
      "saturated = softmax(scores)",
      "scaled = softmax(scores / sqrt(d))",
    ],
  },
];

/** A first notebook for a reader with nothing saved: a small attention computation. */
export const STARTER: readonly string[] = [
  "Q = [[1, 0], [0, 1], [1, 1]]",
  "K = [[1, 0], [0, 1], [1, -1]]",
  "V = [[1, 2], [3, 4], [5, 6]]",
  "W = softmax(Q * K' / sqrt(2))",
  "out = W * V",
];
