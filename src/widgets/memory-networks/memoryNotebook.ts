import { bagOfWords } from "../../../lib";
import { matrixCell, vectorCell } from "../primitives/notebookCells";
import { MAX_SENTENCES, VOCAB, answerStory, handWeights } from "./babi";

/**
 * Notebook cells that recompute the memory network from matrices: the hand-set tables A, B, C, the
 * temporal table T_A (its first n rows) and W; the story as word counts X (one row per sentence,
 * one column per vocabulary word) and the question as counts q; then every hop's scores,
 * attention, output and next query, and the answer's probabilities. `null` for a story or
 * question the widget rejects.
 */
export function memoryNetworkCells(s: { story: string; question: string; hops: number }): string[] | null {
  const outcome = answerStory(s.story, s.question, s.hops);
  if (!outcome.ok) return null;
  const r = outcome.result;
  // The hand-set tables are plain arrays (handWeights builds them so).
  const w = handWeights(1) as unknown as Record<"A" | "C" | "TA", number[][][]> &
    Record<"B" | "W", number[][]>;
  const enc = bagOfWords(r.sentences, r.question, { vocabulary: [...VOCAB] });
  const counts = (ids: readonly number[]) =>
    VOCAB.map((_, v) => (v === 0 ? 0 : ids.filter((id) => id === v).length));
  const cells = [
    matrixCell("A", w.A[0]),
    matrixCell("B", w.B),
    matrixCell("C", w.C[0]),
    matrixCell("T_A", w.TA[0].slice(0, Math.min(r.sentences.length, MAX_SENTENCES))),
    matrixCell("W", w.W),
    matrixCell("X", enc.story.map(counts)),
    vectorCell("q", counts(enc.query)),
    "m = X * A + T_A",
    "c = X * C",
    "u_1 = B' * q",
  ];
  r.p.forEach((_, k) => {
    cells.push(
      `p_${k + 1} = softmax(m * u_${k + 1})`,
      `o_${k + 1} = c' * p_${k + 1}`,
      `u_${k + 2} = u_${k + 1} + o_${k + 1}`,
    );
  });
  cells.push(`probs = softmax(W * u_${r.p.length + 1})`, "confidence = max(probs)");
  return cells;
}
