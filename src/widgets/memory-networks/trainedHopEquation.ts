import { BABI_VOCAB } from "../../../lib/models/babiTask";
import type { MemoryNetworkOutput } from "../../../lib/models/memoryNetwork";
import { fixed } from "../primitives/format";
import { longMatrixCells, vectorCell } from "../primitives/notebookCells";
import { texAligned, texSum, texVector } from "../primitives/texNumbers";

const f3 = (x: number) => fixed(x, 3);

/** The hop (1-based) and memory slot (1-based) an equation writes out, clamped to the ones there are. */
export function hopAndSlot(out: MemoryNetworkOutput, hop: number, slot: number): { k: number; i: number } {
  return { k: Math.min(hop, out.attention.length), i: Math.min(slot, out.sentences.length) };
}

/**
 * The live equation of hop k (1-based) of the trained memory network on one story, with slot i
 * (1-based) written out: the query u^k and the slot's input memory m^k_i (all d entries), their
 * score, the attention p^k = softmax over the story's sentences, the output o^k = Σ p^k_i c^k_i
 * (the sum's terms by weight) and the next query u^{k+1} = u^k + o^k; at the last hop, the
 * answer's probability softmax(W u^{K+1}).
 */
export function trainedHopTex(out: MemoryNetworkOutput, hop: number, slot: number): string {
  const { k, i } = hopAndSlot(out, hop, slot);
  const K = out.attention.length;
  const p = out.attention[k - 1];
  const s = out.scores[k - 1];
  const u = out.u[k - 1];
  const o = out.u[k].map((x, j) => x - u[j]);
  const byWeight = p.map((x, j) => ({ x, j })).sort((a, b) => b.x - a.x);
  const lines = [
    `u^{${k}} &= ${texVector(u, f3)}`,
    `m^{${k}}_{${i}} &= ${texVector(out.inputMemory[k - 1][i - 1], f3)}`,
    `u^{${k}\\top} m^{${k}}_{${i}} &= ${f3(s[i - 1])}`,
    `p^{${k}} &= \\operatorname{softmax}_i(u^{${k}\\top} m^{${k}}_i) = \\operatorname{softmax}(${texVector(s, f3)}) = ${texVector(p, f3)}`,
    `p^{${k}}_{${i}} &= \\frac{\\exp(${f3(s[i - 1])})}{\\sum_{j=1}^{${p.length}} \\exp(u^{${k}\\top} m^{${k}}_j)} = ${f3(p[i - 1])}`,
    `o^{${k}} &= \\sum_i p^{${k}}_i c^{${k}}_i = ${texSum(
      byWeight.map((t) => `${f3(t.x)}\\,c^{${k}}_{${t.j + 1}}`),
      5,
    )} = ${texVector(o, f3)}`,
    `u^{${k + 1}} &= u^{${k}} + o^{${k}} = ${texVector(out.u[k], f3)}`,
  ];
  if (k === K) {
    const a = BABI_VOCAB.indexOf(out.answer);
    lines.push(
      `\\hat a &= \\operatorname{softmax}(W u^{${K + 1}}):\\ P(\\text{${out.answer}}) = ${f3(out.probs[a])}`,
    );
  }
  return texAligned(lines);
}

/** One sentence for the equation's label and the line above it. */
export function trainedHopSummary(out: MemoryNetworkOutput, hop: number, slot: number): string {
  const { k, i } = hopAndSlot(out, hop, slot);
  const p = out.attention[k - 1];
  const top = p.indexOf(Math.max(...p));
  return `Hop ${k} gives sentence ${i} (“${out.sentences[i - 1]}”) weight ${f3(p[i - 1])}; its largest weight, ${f3(p[top])}, is on sentence ${top + 1} (“${out.sentences[top]}”).`;
}

const same = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
  a.length === b.length && a.every((r, i) => r.length === b[i].length && r.every((x, j) => x === b[i][j]));

/**
 * Notebook cells that recompute every hop of the trained memory network on one story from the
 * numbers its worker embedded: the query u_1 and, per hop, the input memories m_k and output
 * memories c_k (one row per sentence; with adjacent tying m_{k+1} is c_k, and the cell says so
 * instead of carrying it twice), then p_k = softmax(m_k u_k), o_k = c_kᵀ p_k, u_{k+1} = u_k + o_k,
 * and the answer's probabilities from the answer weights W.
 */
export function trainedMemoryCells(out: MemoryNetworkOutput, step: number): string[] {
  const K = out.attention.length;
  const cells = [
    `# The trained memory network at training step ${step}, on the story “${out.sentences.join(" ")}” and the question “${out.question}”. Its embedding matrices stay in the worker: u_1 is the embedded question, m_k and c_k the story's embedded input and output memories at hop k (one row per sentence, ${out.u[0].length} numbers each) and W the answer weights, as the worker computed them; the cells below recompute every hop's attention and the answer from them.`,
    vectorCell("u_1", out.u[0]),
  ];
  for (let k = 1; k <= K; k++) {
    const m = out.inputMemory[k - 1];
    if (k > 1 && same(m, out.outputMemory[k - 2])) cells.push(`m_${k} = c_${k - 1}`);
    else cells.push(...longMatrixCells(`m_${k}`, m));
    cells.push(...longMatrixCells(`c_${k}`, out.outputMemory[k - 1]));
    cells.push(
      `p_${k} = softmax(m_${k} * u_${k})`,
      `o_${k} = c_${k}' * p_${k}`,
      `u_${k + 1} = u_${k} + o_${k}`,
    );
  }
  cells.push(...longMatrixCells("W", out.answerWeights), `probs = softmax(W * u_${K + 1})`, "max(probs)");
  return cells;
}
