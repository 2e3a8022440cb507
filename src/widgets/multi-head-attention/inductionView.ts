import type { InductionOutput } from "../../../lib/models/induction";
import { fixed } from "../primitives/format";

/**
 * Which next letters of a sequence can be copied from an earlier occurrence of the current
 * letter (position i < n − 1 whose letter appeared before i), and how many of those the model
 * predicts right.
 */
export function copyableScore(out: InductionOutput): { copyable: boolean[]; correct: number; total: number } {
  const seen = new Set<number>();
  const copyable = out.tokens.map((t, i) => {
    const c = i < out.tokens.length - 1 && seen.has(t);
    seen.add(t);
    return c;
  });
  let correct = 0;
  let total = 0;
  copyable.forEach((c, i) => {
    if (!c) return;
    total++;
    if (out.predictions[i] === out.tokens[i + 1]) correct++;
  });
  return { copyable, correct, total };
}

/**
 * One head in words, from its weights on this sequence: the mean weight of a query on the
 * previous position, and, over queries whose letter appeared before, the mean weight on the
 * position just after its latest earlier occurrence (where an induction head looks).
 */
export function headSummary(out: InductionOutput, layer: number, head: number): string {
  const w = out.attention[layer][head];
  const n = out.tokens.length;
  let prev = 0;
  for (let i = 1; i < n; i++) prev += w[i][i - 1];
  const last = new Map<number, number>();
  let ind = 0;
  let m = 0;
  out.tokens.forEach((t, i) => {
    const j = last.get(t);
    if (j !== undefined) {
      ind += w[i][j + 1];
      m++;
    }
    last.set(t, i);
  });
  const p = n > 1 ? fixed(prev / (n - 1), 2) : "–";
  const a = m > 0 ? fixed(ind / m, 2) : "–";
  return `mean weight ${p} on the previous letter, ${a} on the letter after the earlier copy`;
}
