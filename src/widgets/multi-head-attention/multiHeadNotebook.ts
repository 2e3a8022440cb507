import { matrixCell, scalarCell } from "../primitives/notebookCells";
import { roundSignificant } from "../primitives/format";
import { D_MODEL, type MultiHeadInput, computeMultiHead, ruleProjections } from "./multiHeadModel";

/**
 * Notebook cells that recompute the multi-head widget: one-hot positions X, the rule-built W_q
 * and W_k (for β), the seeded W_v and W_o, each head's attention weights and the output of
 * `multihead`. Weights are in the library's (torch) layout, so a projection is X · Wᵀ.
 */
export function multiHeadCells(s: MultiHeadInput): string[] | null {
  const out = computeMultiHead(s);
  if (!out.ok) return null;
  const { tokens, heads, dHead, Wv, Wo } = out.view;
  const n = tokens.length;
  const { Wq, Wk } = ruleProjections(s.beta);
  const X = Array.from({ length: n }, (_, i) => Array.from({ length: D_MODEL }, (_, j) => (i === j ? 1 : 0)));
  const round = (rows: number[][]) => rows.map((r) => r.map((x) => roundSignificant(x, 12)));
  const perHead = Array.from({ length: heads }, (_, h) => {
    const cols = `${h * dHead + 1}:${(h + 1) * dHead}`;
    return `A${h + 1} = attentionWeights(Q[:, ${cols}], K[:, ${cols}])`;
  });
  return [
    matrixCell("X", X),
    matrixCell("Wq", round(Wq.toArray())),
    matrixCell("Wk", round(Wk.toArray())),
    matrixCell("Wv", Wv),
    matrixCell("Wo", Wo),
    scalarCell("h", heads),
    "Q = X * Wq'",
    "K = X * Wk'",
    ...perHead,
    "O = multihead(X, X, X, h, Wq, Wk, Wv, Wo)",
  ];
}
