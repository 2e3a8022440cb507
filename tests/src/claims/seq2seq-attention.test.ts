/**
 * Chapter 2's claims about the pretrained date translator, checked a second way: the committed
 * weights file is decoded here (base64 → int8 × per-row float32 scale) and run through a forward
 * pass written out in plain arrays (torch's GRU cell, Bahdanau's additive score, softmax, greedy
 * decoding), sharing no code with lib/ beyond the generator's held-out texts. Every number the
 * chapter prints about the model must equal what this computes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dateExamplesOf, dateHeldOutDays } from "../../../lib/models/dateFormats";
import { dot, printed, softmax } from "./independent";

const MDX = readFileSync(
  new URL("../../../content/chapters/seq2seq-attention.mdx", import.meta.url),
  "utf8",
).replace(/\s+/g, " ");
const FILE = JSON.parse(
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

/** Greedy translation with the alignment matrix (10 × input length). */
function translate(text: string): { output: string; alpha: number[][] } {
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
  for (let t = 0; t < 10; t++) {
    const q = mv(W.w2, s);
    const a = softmax(keys.map((k) => dot(W.v[0], add(k, q).map(Math.tanh))));
    const c = states[0].map((_, j) => a.reduce((sum, ai, i) => sum + ai * states[i][j], 0));
    s = gru("dec", [...W.embTgt[prev], ...c], s);
    const logits = add(mv(W.out, [...s, ...c]), bias("outB"));
    prev = logits.indexOf(Math.max(...logits));
    output += OUTPUT[prev];
    alpha.push(a);
  }
  return { output, alpha };
}

/** The chapter prints `text` (whitespace collapsed). */
const says = (text: string) => expect(MDX.includes(text), `the chapter should say: ${text}`).toBe(true);

/** The weight output character t (1-based) puts on input positions from..to (1-based, inclusive). */
const mass = (alpha: number[][], t: number, from: number, to = from) =>
  alpha[t - 1].slice(from - 1, to).reduce((a, b) => a + b, 0);

describe("chapter 2: the pretrained date translator", () => {
  it("its held-out exact-match accuracy is what the file and the chapter say", () => {
    const test = dateExamplesOf(dateHeldOutDays().test, 200, 3);
    const right = test.filter((e) => translate(e.text).output === e.iso).length;
    expect(right / test.length).toBe(FILE.meta.testAccuracy);
    expect(test.length).toBe(FILE.meta.testExamples);
    says(`${right} of the ${test.length} held-out dates`);
    says(`${printed((100 * right) / test.length, 1)} %`);
  }, 120_000);

  it("nov 30 2026: the month digits read the letters of nov, the century reads the year's second digit", () => {
    const { output, alpha } = translate("nov 30 2026");
    expect(output).toBe("2026-11-30");
    says(`the first 1 of the month puts ${printed(mass(alpha, 6, 1, 3), 2)} of its weight on n, o and v`);
    says(`the second ${printed(mass(alpha, 7, 1, 3), 2)}`);
    says(`the 2 that starts the output puts ${printed(mass(alpha, 1, 9), 2)} on the 0 of 2026`);
    says(`the 3 of the day puts ${printed(mass(alpha, 9, 5), 2)} on the 3`);
  });

  it("30/11/26: the month digits read the two 1s, one each", () => {
    const { output, alpha } = translate("30/11/26");
    expect(output).toBe("2026-11-30");
    says(
      `${printed(mass(alpha, 6, 4), 2)} on the first 1 and ${printed(mass(alpha, 7, 5), 2)} on the second`,
    );
  });

  it("untrained formats: what the model writes", () => {
    expect(translate("30 nov 2026").output).toBe("2026-11-30");
    expect(translate("11/30/26").output).toBe("2026-03-11");
    expect(translate("2026-11-30").output).toBe("2026-11-31");
    says("<code>11/30/26</code> becomes <code>2026-03-11</code>");
    says("<code>2026-11-30</code> itself becomes <code>2026-11-31</code>");
  });
});
