import { matrixCell } from "../primitives/notebookCells";
import { roundSignificant } from "../primitives/format";
import { D_K, type SelfAttentionInput, computeSelfAttention, embedWord } from "./selfAttentionModel";

/** Significant digits of the seeded numbers written into cells (the widget shows three decimals). */
const DIGITS = 12;
const round = (rows: number[][]) => rows.map((r) => r.map((x) => roundSignificant(x, DIGITS)));

/**
 * Notebook cells that recompute the self-attention explorer: the embeddings X of the tokens in
 * the order shown, the seeded projections, Q, K, V, the weights (with the causal mask when it is
 * on) and the output H. `null` while the sentence cannot be used.
 */
export function selfAttentionCells(s: SelfAttentionInput): string[] | null {
  const out = computeSelfAttention(s);
  if (!out.ok) return null;
  const { tokens, Wq, Wk, Wv } = out.result;
  const n = tokens.length;
  const mask = Array.from(
    { length: n },
    (_, i) => `[${Array.from({ length: n }, (_, j) => j <= i).join(", ")}]`,
  );
  return [
    matrixCell("X", round(tokens.map((t) => embedWord(t, s.seed)))),
    matrixCell("Wq", round(Wq)),
    matrixCell("Wk", round(Wk)),
    matrixCell("Wv", round(Wv)),
    "Q = X * Wq",
    "K = X * Wk",
    "V = X * Wv",
    `d_k = ${D_K}`,
    ...(s.causal
      ? [`causal = [${mask.join(", ")}]`, "A = attentionWeights(Q, K, causal)"]
      : ["A = attentionWeights(Q, K)"]),
    "H = A * V",
  ];
}
