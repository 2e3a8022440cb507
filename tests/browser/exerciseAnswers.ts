/**
 * Every exercise's answer, recomputed here from the question's numbers with plain arithmetic (not
 * read from `lib/` or from the page), and a wrong answer a reader might give. The browser test
 * types both into the page: the right one must be accepted and the wrong one refused.
 *
 * number/matrix: what a reader types; choice/predict-choice: the values of the options picked;
 * order: the steps in the right order (the page shows them shuffled).
 */
export type Answer =
  | { kind: "text"; right: string; wrong: string }
  | { kind: "choice"; right: string[]; wrong: string[] }
  | { kind: "order"; right: string[] };

const exp = Math.exp;
const sigmoid = (x: number) => 1 / (1 + exp(-x));
const softmax = (xs: number[]) => {
  const m = Math.max(...xs);
  const e = xs.map((x) => exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const row = (xs: number[]) => xs.map((x) => x.toFixed(6)).join(" ");
const rows = (m: number[][]) => m.map(row).join("\n");
const num = (x: number) => x.toFixed(6);
const text = (right: string, wrong: string): Answer => ({ kind: "text", right, wrong });
const pick = (right: string | string[], wrong: string | string[]): Answer => ({
  kind: "choice",
  right: [right].flat(),
  wrong: [wrong].flat(),
});

/** XLNet query-stream mask for an order of prediction (1-based positions): rank(j) < rank(i). */
function queryMask(order: number[]): number[][] {
  const rank = new Map(order.map((p, r) => [p, r]));
  const n = order.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (rank.get(j + 1)! < rank.get(i + 1)! ? 1 : 0)),
  );
}

/** The hand-set pointer rule: scores −β(x_j − c)/r over the positions not yet chosen. */
function pointerProbs(xs: number[], beta: number, c: number, masked: number[]): number[] {
  const r = Math.max(...xs) - Math.min(...xs);
  const open = xs.map((_, j) => !masked.includes(j));
  const scores = xs.map((x, j) => (open[j] ? (-beta * (x - c)) / r : -Infinity));
  return softmax(scores);
}

const whole = (() => {
  const xs = [2, 6, 4];
  const p1 = pointerProbs(xs, 4, 2, [])[0];
  const p2 = pointerProbs(xs, 4, 2, [0])[2];
  const p3 = pointerProbs(xs, 4, 4, [0, 2])[1];
  return p1 * p2 * p3;
})();

const layerNorm = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
  return xs.map((x) => (x - m) / Math.sqrt(v));
};

const ntmWrite = (() => {
  const M = [
    [1, 1],
    [4, 4],
  ];
  const w = [0.5, 0];
  const e = [1, 0];
  const a = [2, 2];
  return M.map((r, i) => r.map((m, j) => m * (1 - w[i] * e[j]) + w[i] * a[j]));
})();

const hebb = (() => {
  const x = [1, -1, 1];
  return x.map((xi, i) => x.map((xj, j) => (i === j ? 0 : xi * xj)));
})();

const scaledIdentity = [0, 1].map((i) => softmax([0, 1].map((j) => (i === j ? 1 : 0) / Math.SQRT2)));
const generalScores = (() => {
  const W = [
    [0, 1],
    [1, 0],
  ];
  const qs = [
    [1, 0],
    [0, 1],
  ];
  const ks = [
    [1, 2],
    [3, 4],
  ];
  const Wk = ks.map((k) => W.map((r) => dot(r, k)));
  return qs.map((q) => Wk.map((wk) => dot(q, wk)));
})();

export const answers: Record<string, Answer> = {
  // Chapter 1
  "why-attention/three-items": text(num(softmax([1, 0, -1])[0]), "0.5"),
  "why-attention/centre": text(num(1 / 8), "0.25"),
  "why-attention/capacity": text(num(16 / (8 * 4)), "1"),
  "why-attention/saliency": pick("b", "a"),
  "why-attention/claims": pick("c", "a"),
  "why-attention/top-down": pick(["a", "c"], ["a"]),
  // Chapter 2
  "seq2seq-attention/softmax-step": text(num(softmax([3, 1, 1, 1])[0]), "0.5"),
  "seq2seq-attention/context": text(
    row(
      [0, 1].map((j) =>
        dot(
          [0.5, 0.25, 0.25, 0],
          [
            [1, 0],
            [0, 1],
            [1, 1],
            [0, 0],
          ].map((h) => h[j]),
        ),
      ),
    ),
    "0.5 0.5",
  ),
  "seq2seq-attention/which-state": pick("a", "b"),
  // Day first in every trained numeric date: 11/30/26 is read with day 11 (choice b).
  "seq2seq-attention/us-date": pick("b", "a"),
  // Ten output characters × the eleven characters of "nov 30 2026".
  "seq2seq-attention/date-scores": text(String(10 * "nov 30 2026".length), "100"),
  "seq2seq-attention/attentional-state": text(row([Math.tanh(0.5 + 0), Math.tanh(0 + 1)]), "0.5 1"),
  "seq2seq-attention/score-count": text(String(5 * 4), "16"),
  "seq2seq-attention/luong-order": {
    kind: "order",
    right: [
      "Run the recurrent step: sₜ = g(yₜ₋₁, sₜ₋₁)",
      "Score every encoder state hᵢ against sₜ",
      "Softmax the scores into the weights αₜ",
      "Read the context cₜ = Σᵢ αₜ,ᵢ hᵢ",
      "Combine cₜ and sₜ into the attentional state s̃ₜ",
      "Predict the word with a softmax over a linear map of s̃ₜ",
    ],
  },
  // Chapter 3
  "score-functions/scaled-dot": text(num(dot([1, 2, 3, 4], [2, 0, 1, 1]) / Math.sqrt(4)), "9"),
  "score-functions/spread": text(num(Math.sqrt(256 * 1 * 1)), "256"),
  "score-functions/additive": text(num(Math.tanh(0 + 1) + Math.tanh(1 + 0)), "1"),
  "score-functions/general": text(rows(generalScores), "1 2\n3 4"),
  "score-functions/linear-concat": pick("b", "a"),
  "score-functions/cosine": text(num(dot([1, 0], [1, 1]) / (1 * Math.hypot(1, 1))), "1"),
  // Chapter 4
  "queries-keys-values/two-keys": text(num(softmax([40 / 4, 32 / 4])[0]), "0.5"),
  "queries-keys-values/k-equals-v": pick("b", "a"),
  "queries-keys-values/output-row": text(
    row(
      [0, 1].map((j) =>
        dot(
          softmax([0, 0]),
          [
            [1, 2],
            [0, 1],
          ].map((v) => v[j]),
        ),
      ),
    ),
    "1 1",
  ),
  "queries-keys-values/temperature": pick("a", "b"),
  "queries-keys-values/cold": pick(softmax([20, 0, 0])[0] > 0.99 ? "a" : "b", "b"),
  // Chapter 5
  "soft-hard-local/edge-factor": text(num(exp(-(2 ** 2) / (2 * (2 / 2) ** 2))), "0.5"),
  "soft-hard-local/aligned-position": text(num(20 * sigmoid(0)), "0"),
  "soft-hard-local/sample-probability": text(num(softmax([1, 0, 0])[0]), "0.3333"),
  "soft-hard-local/why-not-backprop": pick("b", "a"),
  "soft-hard-local/window-size": text(
    String([1, 2, 3, 4, 5].filter((s) => Math.abs(s - 3) <= 2).length),
    "4",
  ),
  // Chapter 6
  "stacking-attention/zero-context": pick("b", "a"),
  "stacking-attention/sentence-weight": text(num(softmax([2 * Math.tanh(1), 0])[0]), "0.5"),
  "stacking-attention/forgetting": text(
    num([1, 0, 0, 0].reduce((h, x) => 0.5 * h + (1 - 0.5) * x, 0)),
    "0.125",
  ),
  "stacking-attention/max-pool": text(
    row(
      [0, 1].map((j) =>
        Math.max(
          ...[
            [0.2, 0.9],
            [0.7, 0.1],
            [0.4, 0.5],
          ].map((w) => w[j]),
        ),
      ),
    ),
    "0.9 0.7",
  ),
  "stacking-attention/han-order": {
    kind: "order",
    right: [
      "Encode the words of each sentence (a bidirectional GRU)",
      "Pool each sentence's words with word-level attention into a sentence vector sᵢ",
      "Encode the sequence of sentence vectors",
      "Pool the sentences with sentence-level attention into the document vector v",
      "Classify the document from v",
    ],
  },
  // Chapter 7
  "pointer-networks/first-pointer": text(num(pointerProbs([4, 1, 3], 2, 1, [])[1]), "0.5"),
  "pointer-networks/whole-output": text(num(whole), "0.5"),
  "pointer-networks/why-point": pick("c", "a"),
  "pointer-networks/second-pointer": text(
    // Positions count from 1.
    String([8, 3, 5, 1].indexOf([8, 3, 5, 1].slice().sort((a, b) => a - b)[1]) + 1),
    "1",
  ),
  // 0.8 % of 2,500 steps wrong, two per wrong list; the mistake is 0.992⁵ (independent steps).
  "pointer-networks/swaps": text(num(1 - (2500 * (1 - 0.992)) / 2 / 500), "0.9606"),
  // Chapter 8
  "self-attention/two-scores": text(num(softmax([30 / 4, 18 / 4])[0]), "0.5"),
  "self-attention/swap": pick("b", "a"),
  "self-attention/causal-count": text(String([1, 2, 3, 4, 5].reduce((a, b) => a + b, 0)), "25"),
  "self-attention/identity": text(rows(scaledIdentity), "1 0\n0 1"),
  "self-attention/predict-scale": text(num(softmax([16 / 8, 8 / 8])[0]), "0.9997"),
  // Chapter 9
  "multi-head-attention/param-count": text(String(4 * (512 * 512 + 512)), String(4 * 512 * 512)),
  "multi-head-attention/head-size": text(String(512 / 8), "512"),
  "multi-head-attention/more-heads": pick("c", "a"),
  "multi-head-attention/one-dim": pick("b", "a"),
  "multi-head-attention/projection-weights": text(String(4 * 8 * (512 * 64)), String(8 * 4 * 512 * 512)),
  // Chapter 10
  "transformer-encoder/pe-value": text(num(Math.sin(2 / 10000 ** (0 / 4))), num(Math.cos(2))),
  "transformer-encoder/layer-norm": text(row(layerNorm([1, 2, 3, 6])), "1 2 3 6"),
  "transformer-encoder/crossover": pick(1000 * 1000 * 512 > 1000 * 512 * 512 ? "b" : "a", "a"),
  "transformer-encoder/ffn-params": text(
    String(512 * 2048 + 2048 + 2048 * 512 + 512),
    String(2 * 512 * 2048),
  ),
  "transformer-encoder/break-even": pick(512 * 512 * 512 === 512 * 512 * 512 ? "c" : "a", "a"),
  // Chapter 11
  "beyond-the-transformer/reach": text(String(128 + 12 * 128), "128"),
  "beyond-the-transformer/query-mask": text(rows(queryMask([3, 1, 4, 2])), rows(queryMask([1, 2, 3, 4]))),
  "beyond-the-transformer/stop-gradient": pick("a", "b"),
  "beyond-the-transformer/query-row": text(
    String(queryMask([2, 4, 1, 3])[0].reduce((a, b) => a + b, 0)),
    "3",
  ),
  // Chapter 12
  "graph-attention/gcn-star": text(num(1 / Math.sqrt((3 + 1) * (1 + 1))), "0.5"),
  "graph-attention/leaky-softmax": text(
    num(softmax([2, -1, 0.5].map((s) => (s < 0 ? 0.2 * s : s)))[0]),
    num(softmax([2, -1, 0.5])[0]),
  ),
  "graph-attention/heads-width": text(String(8 * 8), "8"),
  "graph-attention/zero-a": pick("b", "a"),
  "graph-attention/self-weight": text(num(1 / Math.sqrt((3 + 1) * (3 + 1))), num(1 / 3)),
  // The neighbour (0-based) with the largest LeakyReLU(q + k), for q = −3 and q = +3: 1 both times.
  "graph-attention/static-ranking": pick(
    [-3, 3].every((q) => {
      const e = [0.5, 2, -0.3].map((k) => (q + k > 0 ? q + k : 0.2 * (q + k)));
      return e.indexOf(Math.max(...e)) === 1;
    })
      ? "a"
      : "c",
    "b",
  ),
  // Chapter 13
  "memory-networks/two-sentences": text(num(softmax([40 + 0, 40 + 3])[1]), "0.5"),
  "memory-networks/update": text(
    row([1, 0, 0].map((u, j) => u + 0.5 * [1, 2, 0][j] + 0.5 * [0, 0, 1][j])),
    "0.5 1 0.5",
  ),
  "memory-networks/no-time": pick("c", "b"),
  "memory-networks/why-two-hops": pick("b", "a"),
  "memory-networks/beta-bound": text(String(3 * 11), "36"),
  "memory-networks/hop-order": {
    kind: "order",
    right: [
      "Embed the question as the state u",
      "Score every memory against u: p = softmax(m u)",
      "Read o = Σᵢ pᵢ cᵢ with the output embeddings",
      "Update the question: u ← u + o",
      "After the last hop, answer with softmax(W u)",
    ],
  },
  // Chapter 14
  "neural-turing-machines/content-weight": text(num(softmax([2 * 1, 2 * 0])[0]), "0.5"),
  "neural-turing-machines/sharpen": text(num(0.5 ** 2 / (0.25 ** 2 + 0.5 ** 2 + 0.25 ** 2)), "0.5"),
  "neural-turing-machines/write": text(rows(ntmWrite), "1 1\n4 4"),
  "neural-turing-machines/gate": pick("b", "a"),
  "neural-turing-machines/stages": {
    kind: "order",
    right: [
      "Content addressing: softmax of β times the cosine of the key with each slot",
      "Interpolation: blend with the previous weighting using the gate g",
      "Convolutional shift: rotate the weighting by the shift distribution s",
      "Sharpening: raise to the power γ and renormalise",
    ],
  },
  // Chapter 15
  "hopfield-networks/hebb": text(rows(hebb), "1 -1 1\n-1 1 -1\n1 -1 1"),
  "hopfield-networks/capacity": text(String(Math.round(0.138 * 1000)), "100"),
  "hopfield-networks/modern-weight": text(num(softmax([Math.log(3), 0])[0]), "0.5"),
  "hopfield-networks/sync": pick("a", "b"),
  "hopfield-networks/hebb-facts": pick(["a", "b"], ["a", "b", "d"]),
  "training-attention/clip-norm": text(row([3, 4, 12].map((x) => x / Math.hypot(3, 4, 12))), "1 1 1"),
  "training-attention/clip-value-angle": text(
    num(dot([3, 4, 12], [1, 1, 1]) / (Math.hypot(3, 4, 12) * Math.sqrt(3))),
    "1",
  ),
  "training-attention/power": text(num(1.1 ** 50), "55"),
  "training-attention/per-parameter": text(num(Math.hypot(5, 5)), "5"),
  "training-attention/adam-first-step": text(num((0.001 * 500) / (Math.sqrt(500 ** 2) + 1e-8)), "0.5"),
  "training-attention/which-clip": pick("c", "a"),
};
