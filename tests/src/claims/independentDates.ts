/**
 * The pretrained date translator written out a second way, for the checks of chapter 2's claims
 * and of the date widget's model: the committed weights file is decoded here (base64 → int8 ×
 * per-row float32 scale) and run through a forward pass in plain arrays (torch's GRU cell,
 * Bahdanau's additive score, softmax, greedy decoding), sharing no code with lib/.
 */
import { readFileSync } from "node:fs";
import { dot, softmax } from "./independent";

export const FILE = JSON.parse(
  readFileSync(new URL("../../../public/models/date-translator.json", import.meta.url), "utf8"),
) as {
  options: { hidden: number; embed: number };
  meta: Record<string, number>;
  tensors: Record<string, { rows: number; cols: number; scales: string; values: string }>;
};

const INPUT = " ,-./0123456789abcdefghijklmnopqrstuvwxyz";
const OUTPUT = "0123456789-";
const H = FILE.options.hidden;

/** Each weight matrix as rows of numbers. */
const W: Record<string, number[][]> = {};
for (const [name, t] of Object.entries(FILE.tensors)) {
  const sb = Buffer.from(t.scales, "base64");
  const vb = Buffer.from(t.values, "base64");
  W[name] = Array.from({ length: t.rows }, (_, i) =>
    Array.from({ length: t.cols }, (_, j) => vb.readInt8(i * t.cols + j) * sb.readFloatLE(4 * i)),
  );
}
const bias = (name: string) => W[name][0];
const mv = (m: number[][], x: number[]) => m.map((row) => dot(row, x));
const add = (a: number[], b: number[]) => a.map((v, i) => v + b[i]);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** torch.nn.GRUCell: gates r, z, n stacked by rows; the reset gate multiplies W_hn h + b_hn. */
function gru(cell: string, x: number[], h: number[]): number[] {
  const gi = add(mv(W[`${cell}.weightIh`], x), bias(`${cell}.biasIh`));
  const gh = add(mv(W[`${cell}.weightHh`], h), bias(`${cell}.biasHh`));
  return h.map((hj, j) => {
    const r = sigmoid(gi[j] + gh[j]);
    const z = sigmoid(gi[H + j] + gh[H + j]);
    const n = Math.tanh(gi[2 * H + j] + r * gh[2 * H + j]);
    return (1 - z) * n + z * hj;
  });
}

/** Greedy translation with the alignment matrix (10 × input length), the encoder states and the contexts. */
export function translate(text: string): {
  output: string;
  alpha: number[][];
  states: number[][];
  contexts: number[][];
} {
  const x = [...text.toLowerCase()].map((c) => W.embSrc[INPUT.indexOf(c)]);
  const L = x.length;
  const fwd: number[][] = [];
  const bwd: number[][] = new Array(L);
  let h = new Array(H).fill(0);
  for (let i = 0; i < L; i++) fwd.push((h = gru("enc", x[i], h)));
  h = new Array(H).fill(0);
  for (let i = L - 1; i >= 0; i--) bwd[i] = h = gru("encBack", x[i], h);
  const states = fwd.map((f, i) => [...f, ...bwd[i]]);
  const keys = states.map((s) => mv(W.w1, s));
  let s = add(mv(W.init, [...fwd[L - 1], ...bwd[0]]), bias("initB")).map(Math.tanh);
  let prev = OUTPUT.length;
  let output = "";
  const alpha: number[][] = [];
  const contexts: number[][] = [];
  for (let t = 0; t < 10; t++) {
    const q = mv(W.w2, s);
    const a = softmax(keys.map((k) => dot(W.v[0], add(k, q).map(Math.tanh))));
    const c = states[0].map((_, j) => a.reduce((sum, ai, i) => sum + ai * states[i][j], 0));
    s = gru("dec", [...W.embTgt[prev], ...c], s);
    const logits = add(mv(W.out, [...s, ...c]), bias("outB"));
    prev = logits.indexOf(Math.max(...logits));
    output += OUTPUT[prev];
    alpha.push(a);
    contexts.push(c);
  }
  return { output, alpha, states, contexts };
}
