import type { ReversalAttention, ReversalOutput } from "../../../lib/models/reversal";
import { vectorCell } from "../primitives/notebookCells";
import { fixed } from "../primitives/format";
import { texAligned, texVector } from "../primitives/texNumbers";

/** The token written at output step t (1-based): a digit, or EOS after the last one. */
export function writtenToken(out: ReversalOutput, t: number): string {
  return t <= out.output.length ? String(out.output[t - 1]) : out.ended ? "EOS" : "?";
}

/**
 * The live equation of output step t (1-based) of the trained model on one input: the energies
 * e_t over the input positions with the model's numbers, the weights α_t = softmax(e_t), and the
 * position with the largest weight against the one reversal needs (n + 1 − t).
 */
export function reverseTex(out: ReversalOutput, t: number, attention: ReversalAttention): string {
  const e = out.scores[t - 1];
  const a = out.attention[t - 1];
  const n = out.input.length;
  const top = a.indexOf(Math.max(...a));
  const score =
    attention === "bahdanau"
      ? `e_{${t},i} &= v^\\top \\tanh(W_1 h_i + W_2 s_{${t - 1}})`
      : `e_{${t},i} &= s_{${t}}^\\top W_a h_i`;
  const lines = [
    score,
    `e_{${t}} &= ${texVector(e, (x) => fixed(x, 3))}`,
    `\\alpha_{${t}} &= \\operatorname{softmax}(e_{${t}}) = ${texVector(a, (x) => fixed(x, 3))}`,
    `\\alpha_{${t},${top + 1}} &= \\frac{\\exp(${fixed(e[top], 3)})}{\\sum_{i=1}^{${n}} \\exp(e_{${t},i})} = ${fixed(a[top], 3)}` +
      (t <= n ? `,\\quad \\text{reversal reads } x_{${n + 1 - t}} = ${out.input[n - t]}` : ""),
    `\\hat y_{${t}} &= \\text{${writtenToken(out, t)}}`,
  ];
  return texAligned(lines);
}

/** One sentence for the equation's label and the status line. */
export function reverseSummary(out: ReversalOutput, t: number): string {
  const a = out.attention[t - 1];
  const top = a.indexOf(Math.max(...a));
  return `Output step ${t} writes ${writtenToken(out, t)} with its largest weight, ${fixed(a[top], 3)}, on input position ${top + 1} (digit ${out.input[top]}).`;
}

/**
 * Notebook cells for output step t: the model's energies e_t (carried: the GRU states and weights
 * that produce them stay in the worker) and the weights computed from them.
 */
export function reverseCells(out: ReversalOutput, t: number, step: number): string[] {
  return [
    `# The trained reversal model at training step ${step}, input ${out.input.join(" ")}, output step ${t} (it wrote ${writtenToken(out, t)}). e holds the model's energies over the ${out.input.length} input positions as computed in its worker; the cells below recompute the weights from them.`,
    vectorCell("e", out.scores[t - 1]),
    "alpha = softmax(e)",
    "sum(alpha)",
  ];
}
