import type { InductionOutput } from "../../../lib/models/induction";
import { letters } from "../../../lib/models/inductionTask";
import { longMatrixCells, scalarCell } from "../primitives/notebookCells";
import { fixed, roundSignificant } from "../primitives/format";
import { texAligned, texSum, texVector } from "../primitives/texNumbers";

const f2 = (x: number) => fixed(x, 2);
/** A factor of a written-out product: a negative number in parentheses. */
const paren = (x: number) => (f2(x).startsWith("-") ? `(${f2(x)})` : f2(x));
const matVec = (W: number[][], x: number[]) => W.map((r) => r.reduce((a, w, c) => a + w * x[c], 0));
/** Keys a row writes out in full; a longer row writes its largest weights and sums the rest. */
const FULL_ROW = 8;
/** The largest weights a long row writes out. */
const TOP = 4;

/** The selected head of the equation: layer and head (0-based) and the query position (0-based). */
export interface InductionPick {
  layer: number;
  head: number;
  query: number;
}

/**
 * The scaled dot products of one head's query i with keys 0 … i, recomputed from the numbers the
 * model carries (`InductionOutput.scores`): q_i = W_Q x_i, k_j = W_K x_j, s_j = q_i · k_j / √d_k.
 */
export function headScores(out: InductionOutput, { layer, head, query }: InductionPick) {
  const { input, Wq, Wk } = out.scores[layer];
  const heads = out.attention[layer].length;
  const dk = Wq.length / heads;
  const block = (W: number[][]) => W.slice(head * dk, (head + 1) * dk);
  const q = matVec(block(Wq), input[query]);
  const keys = input.slice(0, query + 1).map((x) => matVec(block(Wk), x));
  const dots = keys.map((k) => k.reduce((a, x, c) => a + x * q[c], 0));
  return { dk, q, keys, dots, s: dots.map((x) => x / Math.sqrt(dk)) };
}

/** Positions 0 … i by weight, largest first (ties by position). */
const byWeight = (alpha: number[]) => alpha.map((_, j) => j).sort((a, b) => alpha[b] - alpha[a] || a - b);

/**
 * The live equation of one head of the trained induction model at one query position, with the
 * model's numbers: the scaled dot product over the keys the causal mask leaves (Vaswani et al.
 * 2017, eq. 1), the dot product written out for the key with the largest weight, the scores and
 * the weights (to the head table's 2 decimals). A row of more than 8 keys writes out its 4 largest
 * weights and sums the rest. A knocked-out head is said to be one.
 */
export function inductionTex(out: InductionOutput, pick: InductionPick): string {
  const { layer, head, query } = pick;
  const { dk, q, keys, dots, s } = headScores(out, pick);
  const alpha = out.attention[layer][head][query].slice(0, query + 1);
  const toks = [...letters(out.tokens)];
  const L = layer + 1;
  const H = head + 1;
  const I = query + 1;
  const sup = `^{(${L},${H})}`;
  const order = byWeight(alpha);
  const top = order[0];
  const knocked = out.knockout.includes(layer * out.attention[layer].length + head);
  const dotTerms = q.map((qc, c) => `${paren(qc)} \\cdot ${paren(keys[top][c])}`);
  const lines = [
    `s${sup}_{${I},j} &= \\frac{q_{${I}} \\cdot k_j}{\\sqrt{d_k}},\\ j \\le ${I}\\quad \\text{(causal mask: } j > ${I} \\text{ gets } {-\\infty}\\text{)}`,
    `q_{${I}} &= x_{${I}} W^{Q}_{${L},${H}},\\ k_j = x_j W^{K}_{${L},${H}}\\quad (x = \\mathrm{LN}(x^{(${L - 1})}),\\ d_k = ${dk}\\text{, no biases})`,
    `q_{${I}} \\cdot k_{${top + 1}} &= ${texSum(dotTerms, 3)} = ${f2(dots[top])},\\quad s${sup}_{${I},${top + 1}} = \\frac{${f2(dots[top])}}{\\sqrt{${dk}}} = ${f2(s[top])}`,
  ];
  if (alpha.length <= FULL_ROW) {
    lines.push(
      `s${sup}_{${I}} &= ${texVector(s, f2)}`,
      `\\alpha${sup}_{${I}} &= \\operatorname{softmax}_{j \\le ${I}}(s${sup}_{${I},j}) = ${texVector(alpha, f2)}`,
    );
  } else {
    const shown = order.slice(0, TOP);
    const rest = order.slice(TOP);
    const restWeight = rest.reduce((a, j) => a + alpha[j], 0);
    const entry = (j: number) =>
      `\\alpha${sup}_{${I},${j + 1}} = ${f2(alpha[j])}\\ (s = ${f2(s[j])},\\ \\text{${toks[j]}})`;
    lines.push(
      `\\alpha${sup}_{${I},j} &= \\frac{\\exp(s${sup}_{${I},j})}{\\sum_{j' \\le ${I}} \\exp(s${sup}_{${I},j'})},\\ \\text{the ${TOP} largest:}`,
      `&\\phantom{=}\\ ${shown.map(entry).join(",\\ ")}`,
      `&\\phantom{=}\\ \\text{the other ${rest.length} keys: weights summing to } ${f2(restWeight)},\\ s \\text{ from } {${f2(Math.min(...rest.map((j) => s[j])))}} \\text{ to } {${f2(Math.max(...rest.map((j) => s[j])))}}`,
    );
  }
  lines.push(
    `\\max_j \\alpha${sup}_{${I},j} &= \\alpha${sup}_{${I},${top + 1}} = ${f2(alpha[top])}\\quad \\text{(query ${I} is ${toks[query]}, key ${top + 1} is ${toks[top]})}`,
    ...(knocked
      ? [
          "&\\phantom{=}\\ \\text{(knocked out: this head's output is multiplied by 0; its weights are still computed)}",
        ]
      : []),
  );
  return texAligned(lines);
}

/** One sentence on the selected head and query, for the equation's label. */
export function inductionSummary(out: InductionOutput, pick: InductionPick): string {
  const { layer, head, query } = pick;
  const alpha = out.attention[layer][head][query].slice(0, query + 1);
  const top = byWeight(alpha)[0];
  const toks = [...letters(out.tokens)];
  return `Layer ${layer + 1}, head ${head + 1}, query ${query + 1} (${toks[query]}) puts its largest weight, ${f2(alpha[top])}, on key ${top + 1} (${toks[top]}), of the ${query + 1} keys the causal mask leaves.`;
}

/** A carried number to 10 significant digits (a 16 × 32 weight block then takes 6 cells, not 11). */
const rows10 = (m: number[][]) => m.map((r) => r.map((x) => roundSignificant(x, 10)));

/**
 * Notebook cells for the selected head: the layer's input X and the head's trained W_Q and W_K
 * (carried as numbers to 10 significant digits), the queries, keys and scaled scores, the causal
 * mask from index grids, the weights of every query (the head table) and the selected query's row.
 */
export function inductionCells(out: InductionOutput, pick: InductionPick, step: number): string[] {
  const { layer, head, query } = pick;
  const { input, Wq, Wk } = out.scores[layer];
  const dk = Wq.length / out.attention[layer].length;
  const block = (W: number[][]) => rows10(W.slice(head * dk, (head + 1) * dk));
  const seq = letters(out.tokens);
  return [
    `# The trained induction model at training step ${step}, sequence ${seq}, layer ${layer + 1}, head ${head + 1}. X holds the layer's input for every position (x_i, the layer norm of the residual stream: the embeddings${layer > 0 ? ", layer 1's heads" : ""} and the layer norm were computed in the widget's worker). Wq and Wk are this head's trained query and key weights (${dk} × ${input[0].length}, so Q = X Wqᵀ: rows ${head * dk + 1} to ${(head + 1) * dk} of the layer's query and key projections). All three are carried as numbers, to 10 significant digits. The cells below recompute the head's weights; row ${query + 1} is the equation's query.`,
    ...longMatrixCells("X", rows10(input)),
    ...longMatrixCells("Wq", block(Wq)),
    ...longMatrixCells("Wk", block(Wk)),
    "Q = X * Wq'",
    "K = X * Wk'",
    scalarCell("d_k", dk),
    "S = Q * K' / sqrt(d_k)",
    scalarCell("n", out.tokens.length),
    "causal = ones(n, 1) * reshape(1:n, [1, n]) <= reshape(1:n, [n, 1]) * ones(1, n)",
    "A = attentionWeights(Q, K, causal)",
    scalarCell("i", query + 1),
    "alpha = A[i, 1:i]",
  ];
}
