import { matrixCell, scalarCell } from "../primitives/notebookCells";
import { FEATURES } from "./lexicon";
import { FILTERS, type PoolInput, computePool, convFilters } from "./poolingModel";

/**
 * Notebook cells that recompute the pooling widget. The word vectors X (lexicon entry plus
 * seeded noise) are carried as numbers. The leaky states are H = L·X with
 * L_ts = (1 − λ) λ^(t−s) for s ≤ t (the recursion h_t = λ h_{t−1} + (1 − λ) x_t unrolled), then
 * the last state, the mean, and attention pooling with u = κ·e_aspect (W = I, b = 0). When the
 * sentence has at least k words: the feature map C = ReLU(Σ_i X[i…] F / k) of the hand-set
 * filters F, its max pooling and its attention pooling. `null` while the sentence has an error.
 */
export function poolCells(s: PoolInput): string[] | null {
  const out = computePool(s);
  if (!out.ok) return null;
  const { X, aspectIndex, conv } = out.view;
  const n = X.length;
  const unit = (d: number) => Array.from({ length: d }, (_, c) => (c === aspectIndex ? 1 : 0)).join(", ");
  const cells = [
    matrixCell("X", X),
    scalarCell("lambda", s.lambda),
    scalarCell("kappa", s.kappa),
    scalarCell("n", n),
    "t = reshape(1:n, [n, 1]) * ones(1, n)",
    "L = (1 - lambda) * (t >= t') .* lambda .^ abs(t - t')",
    "H = L * X",
    "hLast = H[n, :]",
    "hMean = mean(H, 1)",
    `u = kappa * [${unit(FEATURES.length)}]`,
    "alpha = softmax(map(H, tanh) * u)",
    "c = alpha * H",
  ];
  if (!conv) return cells;
  // F (4, 5): column f is filter f's weight on each feature, the same at every offset of the window.
  const filters = convFilters(1).map((f) => f.slice(0, FEATURES.length));
  const F = FEATURES.map((_, c) => filters.map((f) => f[c]));
  const m = n - s.k + 1;
  const windows = Array.from({ length: s.k }, (_, i) => `X[${i + 1}:${i + m}, :]`).join(" + ");
  return [
    ...cells,
    scalarCell("k", s.k),
    matrixCell("F", F),
    `Z = (${windows}) * F / k`,
    "C = (Z + abs(Z)) / 2",
    "maxPooled = max(C, 1)",
    `u5 = kappa * [${unit(FILTERS.length)}]`,
    "beta = softmax(map(C, tanh) * u5)",
    "attPooled = beta * C",
  ];
}
