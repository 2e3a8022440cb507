import { scalarCell, vectorCell } from "../primitives/notebookCells";
import { type ShlInput, computeShl } from "./softHardLocalModel";

/**
 * Notebook cells that recompute the soft/hard/local widget in its mode (positions count from 1):
 * soft, the softmax of the scores; hard, the argmax as a one-hot mask and the softmax the samples
 * are drawn from (the sampled shares and Gumbel noise need seeded random numbers, which the
 * notebook does not have: a comment says so and the shares are carried); local, the window as a
 * mask, the softmax inside it, the Gaussian and their product. `null` while the scores do not parse.
 */
export function shlCells(s: ShlInput): string[] | null {
  const out = computeShl(s);
  if (!out.ok) return null;
  const r = out.result;
  const head = [vectorCell("s", r.scores), "alpha = softmax(s)"];
  if (s.mode === "soft") return head;
  if (s.mode === "hard")
    return [
      ...head,
      "hard = s == max(s)",
      `# Not recomputed here: the ${s.n} samples drawn from alpha and the Gumbel-softmax samples (the notebook has no seeded random numbers). freq holds the widget's sampled shares (seed ${s.seed}). hard marks every position with the largest score (the widget takes the first of a tie).`,
      vectorCell("freq", r.freq),
    ];
  if (!r.local)
    return [...head, `# Local: p_t = ${s.p + 1} is past the last position, so there is no window.`];
  return [
    ...head,
    scalarCell("pt", s.p + 1),
    scalarCell("D", s.D),
    "sigma = D / 2",
    "pos = 1:size(s)[1]",
    "first = max(1, ceil(pt - D))",
    "last = min(size(s)[1], floor(pt + D))",
    "inWindow = (pos >= first) and (pos <= last)",
    "blocked(a) = a ? 0 : -Infinity",
    "align = softmax(s + map(inWindow, blocked))",
    "gauss = map(-(pos - pt).^2 / (2 * sigma^2), exp)",
    "a = align .* gauss",
    "mass = sum(a)",
  ];
}
