import type { PointerNetOutput } from "../../../lib/models/pointerNet";
import { longMatrixCells, matrixCell, vectorCell } from "../primitives/notebookCells";
import { fixed, roundSignificant } from "../primitives/format";
import { texAligned, texSum, texVector } from "../primitives/texNumbers";

const f2 = (x: number) => fixed(x, 2);
const f3 = (x: number) => fixed(x, 3);
/** A number after an operator: `+ 0.25` or `- 0.25`. */
const signed = (x: number) => (x < 0 ? `- ${f2(-x)}` : `+ ${f2(x)}`);

const matVec = (W: number[][], x: number[]) => W.map((r) => r.reduce((a, w, c) => a + w * x[c], 0));

/** The positions step i (0-based) may not point at: those the mask removed (1-based). */
const maskedAt = (out: PointerNetOutput, i: number): number[] =>
  out.scores.allowed[i].flatMap((a, j) => (a ? [] : [j + 1]));

/**
 * The live equation of output step t (1-based) of the trained pointer network on the reader's
 * list: the additive score u^t_j = vᵀ tanh(W₁e_j + W₂d_t) (Vinyals et al. 2015, eq. 3), written
 * out term by term for the position the step points at, the scores of every position the step
 * may choose, the masked softmax (the widget's pointer distribution, to the readout's 3 decimals)
 * and the position chosen.
 */
export function ptrNetTex(out: PointerNetOutput, t: number): string {
  const i = t - 1;
  const { u, allowed, encoder, decoder, W1, W2, v } = out.scores;
  const H = v.length;
  const n = out.xs.length;
  const chosen = out.order[i];
  const key = matVec(W1, encoder[chosen]);
  const query = matVec(W2, decoder[i]);
  const terms = v.map(
    (vk, k) => `${vk < 0 ? `(${f2(vk)})` : f2(vk)} \\tanh(${f2(key[k])} ${signed(query[k])})`,
  );
  const masked = maskedAt(out, i);
  const row = u[i].map((x, j) => (allowed[i][j] ? f3(x) : "\\times"));
  const J = chosen + 1;
  // Without the mask (checkbox off) a later step's softmax runs over every position.
  const unmasked = masked.length === 0 && t > 1;
  return texAligned([
    `u^{${t}}_j &= v^{\\top} \\tanh\\!\\big(W_1 e_j + W_2 d_{${t}}\\big) = \\textstyle\\sum_{k=1}^{${H}} v_k \\tanh\\!\\big((W_1 e_j)_k + (W_2 d_{${t}})_k\\big)`,
    `&\\phantom{=}\\ \\text{(trained } v, W_1, W_2;\\ e_j, d_{${t}} \\in \\mathbb{R}^{${H}} \\text{ from the LSTMs)}`,
    `u^{${t}}_{${J}} &= ${texSum(terms, 3)} = ${f3(u[i][chosen])}`,
    `u^{${t}} &= \\left[${row.join(",\\ ")}\\right]` +
      (masked.length > 0
        ? `\\quad (\\times\\text{: masked, already chosen: } ${masked.map((j) => `\\#${j}`).join(", ")})`
        : ""),
    `p(y_{${t}} = j) &= \\operatorname{softmax}${unmasked ? "" : `_{j \\notin y_{<${t}}}`}(u^{${t}})_j = ${texVector(out.pointers[i], f3)}` +
      (unmasked ? "\\quad \\text{(no mask: every position)}" : ""),
    `y_{${t}} &= \\arg\\max_j p(y_{${t}} = j) = \\#${J} \\quad (x_{${J}} = ${out.xs[chosen]};\\ ${n} \\text{ positions})`,
  ]);
}

/** One sentence on output step t (1-based), for the equation's label (which must not read "Output step": the slider's label). */
export function ptrNetSummary(out: PointerNetOutput, t: number): string {
  const j = out.order[t - 1];
  return `Step ${t} points at position ${j + 1} (value ${out.xs[j]}) with probability ${f3(out.pointers[t - 1][j])}, the softmax of its score ${f3(out.scores.u[t - 1][j])} against those of the ${out.scores.allowed[t - 1].filter(Boolean).length} positions it may choose.`;
}

/** A carried number to 10 significant digits (a 32 × 32 weight matrix then takes 9 cells, not 17). */
const r10 = (x: number) => roundSignificant(x, 10);
const rows10 = (m: number[][]) => m.map((r) => r.map(r10));

/**
 * Notebook cells for output step t (1-based): the trained weights v, W₁ and W₂ and the LSTM states
 * of this list (carried as numbers to 10 significant digits: the LSTMs stay in the worker), the
 * scores u^t computed from them with the library's `additive`, the mask and the pointer
 * distribution p.
 */
export function ptrNetCells(out: PointerNetOutput, t: number, step: number): string[] {
  const i = t - 1;
  const { allowed, encoder, decoder, W1, W2, v } = out.scores;
  const masked = maskedAt(out, i);
  return [
    `# The trained pointer network at training step ${step}, your list x, output step ${t} of ${out.xs.length} (it points at position ${out.order[i] + 1}). v, W1 and W2 are the trained weights, carried as numbers (to 10 significant digits) at that training step. E (one row e_j per input position) and d (the decoder's state d_${t}) are the LSTMs' states on this list, computed in the widget's worker and carried as numbers too. The cells below recompute the scores u and the pointer p. ` +
      (masked.length > 0
        ? `allow is 0 at the positions already chosen: ${masked.join(", ")}.`
        : "Nothing is masked."),
    vectorCell("x", out.xs),
    vectorCell("v", v.map(r10)),
    ...longMatrixCells("W1", rows10(W1)),
    ...longMatrixCells("W2", rows10(W2)),
    ...longMatrixCells("E", rows10(encoder)),
    vectorCell("d", decoder[i].map(r10)),
    "u = additive(d, E, W1, W2, v)",
    matrixCell("allow", [allowed[i].map((a) => (a ? 1 : 0))]),
    "blocked(a) = a ? 0 : -Infinity",
    "p = softmax(u + map(allow, blocked))",
  ];
}
