import { matrixCell, scalarCell, vectorCell } from "../primitives/notebookCells";
import { type ScoreInput, parseScoreInput, scoreParams } from "./scoreModel";

/**
 * Notebook cells that recompute the score explorer for the chosen score function: the query,
 * the keys (also one cell per key), the function's weights for the widget's seed, the scores s
 * and the softmax weights alpha. `null` while q or K does not parse.
 */
export function scoreCells(s: ScoreInput): string[] | null {
  const input = parseScoreInput(s);
  if (!input.ok) return null;
  const q = input.q[0];
  const K = input.K;
  const d = q.length;
  const keys = K.map((k, j) => vectorCell(`k${j + 1}`, k));
  const each = (call: (k: string) => string) => `s = [${K.map((_, j) => call(`k${j + 1}`)).join(", ")}]`;
  const p = scoreParams(d, s.seed);
  const rows = (m: { rows: number; row(i: number): Float64Array }) =>
    Array.from({ length: m.rows }, (_, i) => Array.from(m.row(i)));
  const head = [vectorCell("q", q), matrixCell("K", K), scalarCell("d", d)];
  const byKind: Record<ScoreInput["kind"], string[]> = {
    dot: [each((k) => `dotScore(q, ${k})`)],
    scaled_dot: [each((k) => `scaledDot(q, ${k})`)],
    cosine: [each((k) => `cosine(q, ${k})`)],
    general: [matrixCell("W", rows(p.W)), each((k) => `general(q, ${k}, W)`)],
    additive: [
      matrixCell("W1", rows(p.W1)),
      matrixCell("W2", rows(p.W2)),
      vectorCell("v", Array.from(p.v)),
      each((k) => `additive(q, ${k}, W1, W2, v)`),
    ],
    concat: [
      matrixCell("Wc", rows(p.Wc)),
      vectorCell("v", Array.from(p.v)),
      each((k) => `dot(v, map(Wc * concat(q, ${k}), tanh))`),
    ],
    concat_linear: [vectorCell("w", Array.from(p.w)), each((k) => `dot(w, concat(q, ${k}))`)],
    formula: [`score(q, k) = ${s.formula}`, each((k) => `score(q, ${k})`)],
  };
  return [...head, ...keys, ...byKind[s.kind], "alpha = softmax(s)"];
}
