import { matrixCell, vectorCell } from "../primitives/notebookCells";
import { D, D_FF, HEADS, computeEncoder } from "./encoderModel";

/**
 * Notebook cells that recompute the encoder step widget from its seeded embeddings and weights
 * (torch layout, so a projection is X · Wᵀ): the input with its positional encoding, both heads'
 * weights, the attention output, residual and layer norm, the feed-forward network (ReLU written
 * as (Z + |Z|)/2) and the second residual and layer norm. No attention biases and no b₂, as in
 * the widget. `null` while the words are not 2 to 6.
 */
export function encoderCells(s: { text: string; seed: number }): string[] | null {
  const out = computeEncoder(s);
  if (!out.ok) return null;
  const p = out.parts;
  const half = D / HEADS;
  const heads = Array.from({ length: HEADS }, (_, h) => {
    const cols = `${h * half + 1}:${(h + 1) * half}`;
    return `A${h + 1} = attentionWeights(Q[:, ${cols}], K[:, ${cols}])`;
  });
  return [
    matrixCell("E", p.embeddings),
    `n = ${out.tokens.length}`,
    `X = E + positionalEncoding(n, ${D})`,
    matrixCell("Win", p.inProj),
    `Wq = Win[1:${D}, :]`,
    `Wk = Win[${D + 1}:${2 * D}, :]`,
    `Wv = Win[${2 * D + 1}:${3 * D}, :]`,
    matrixCell("Wo", p.outProj),
    "Q = X * Wq'",
    "K = X * Wk'",
    ...heads,
    `M = multihead(X, X, X, ${HEADS}, Wq, Wk, Wv, Wo)`,
    "R1 = X + M",
    "X1 = layerNorm(R1)",
    matrixCell("W1", p.w1),
    vectorCell("b1", p.b1),
    matrixCell("W2", p.w2),
    `Z = X1 * W1' + ones(n, 1) * reshape(b1, [1, ${D_FF}])`,
    "F = (Z + abs(Z)) / 2",
    "R2 = X1 + F * W2'",
    "Y = layerNorm(R2)",
  ];
}
