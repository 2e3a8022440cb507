/**
 * Chapter 9's claims about the trained induction-head Transformer, checked a second way. The
 * model is trained with lib/ (seed 1, the widget's default run); everything the prose says about
 * it is then recomputed here from its weights with a forward pass written out in plain arrays
 * (layer norm, causal softmax attention per head, the unembedding) on a held-out set regenerated
 * here from its seed, sharing no code with lib/ beyond the weights. The numbers printed in the
 * chapter must equal what this computes.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createInductionModel } from "../../../lib/models/induction";
import { printed, softmax, uniform } from "./independent";

type Weights = Record<string, { rows: number; cols: number; data: Float64Array }>;

const MDX = readFileSync(
  new URL("../../../content/chapters/multi-head-attention.mdx", import.meta.url),
  "utf8",
).replace(/\s+/g, " ");
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const V = 26;
const H = 2;
const L = 2;

/** The held-out set as the task describes it: seed 20261130, 40 distinct first halves of each length 4–10, repeated. */
function heldOut(): { half: number; tokens: number[] }[] {
  const u = uniform(20_261_130);
  const seen = new Set<string>();
  const out: { half: number; tokens: number[] }[] = [];
  for (let half = 4; half <= 10; half++) {
    let count = 0;
    while (count < 40) {
      const pool = Array.from({ length: V }, (_, i) => i);
      for (let i = 0; i < half; i++) {
        const j = i + Math.floor(u() * (V - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      const first = pool.slice(0, half);
      const k = first.join(",");
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ half, tokens: [...first, ...first] });
      count++;
    }
  }
  return out;
}

/** Each weight matrix as plain rows, made once per set of weights (the knock-outs run 2,000 forward passes). */
const rowsCache = new WeakMap<Weights, Map<string, number[][]>>();
const row = (W: Weights, name: string, i: number): number[] => {
  let cache = rowsCache.get(W);
  if (!cache) rowsCache.set(W, (cache = new Map()));
  let rows = cache.get(name);
  if (!rows) {
    const w = W[name];
    rows = Array.from({ length: w.rows }, (_, r) =>
      Array.from(w.data.subarray(r * w.cols, (r + 1) * w.cols)),
    );
    cache.set(name, rows);
  }
  return rows[i];
};
/** W x for a (rows × cols) row-major W (torch orientation). */
const mv = (W: Weights, name: string, x: number[]) =>
  Array.from({ length: W[name].rows }, (_, i) => row(W, name, i).reduce((s, w, j) => s + w * x[j], 0));
function norm(W: Weights, g: string, b: string, x: number[]): number[] {
  const mu = x.reduce((s, v) => s + v, 0) / x.length;
  const v = x.reduce((s, y) => s + (y - mu) ** 2, 0) / x.length;
  return x.map((y, j) => ((y - mu) / Math.sqrt(v + 1e-5)) * W[g].data[j] + W[b].data[j]);
}

/** Next-letter logits at every position and each head's weights, heads in `knockout` silenced. */
function forward(W: Weights, tokens: number[], knockout: number[] = []) {
  const d = W.tok.cols;
  const hd = d / H;
  let x = tokens.map((t, i) => row(W, "tok", t).map((v, j) => v + row(W, "pos", i)[j]));
  const weights: number[][][][] = [];
  for (let l = 0; l < L; l++) {
    const qkv = x.map((xi) => mv(W, `l${l}.qkv`, norm(W, `l${l}.norm`, `l${l}.normB`, xi)));
    const heads: number[][][] = [];
    const joined = x.map(() => new Array<number>(d).fill(0));
    for (let h = 0; h < H; h++) {
      const A = qkv.map((qi, i) =>
        softmax(
          qkv.slice(0, i + 1).map((kj) => {
            let s = 0;
            for (let c = 0; c < hd; c++) s += qi[h * hd + c] * kj[d + h * hd + c];
            return s / Math.sqrt(hd);
          }),
        ),
      );
      heads.push(A);
      if (knockout.includes(l * H + h)) continue;
      A.forEach((a, i) =>
        a.forEach((w, j) => {
          for (let c = 0; c < hd; c++) joined[i][h * hd + c] += w * qkv[j][2 * d + h * hd + c];
        }),
      );
    }
    weights.push(heads);
    x = x.map((xi, i) => {
      const o = mv(W, `l${l}.out`, joined[i]);
      return xi.map((v, j) => v + o[j]);
    });
  }
  const logits = x.map((xi) =>
    mv(W, "unembed", norm(W, "finalNorm", "finalNormB", xi)).map((z, c) => z + W.unembedB.data[c]),
  );
  return { logits, weights };
}

/** Held-out accuracy on the repeated half: position i in T … 2T − 2 predicts token i + 1. */
function accuracy(W: Weights, set: { half: number; tokens: number[] }[], knockout: number[] = []): number {
  let right = 0;
  let total = 0;
  for (const { half, tokens } of set) {
    const { logits } = forward(W, tokens, knockout);
    for (let i = half; i < 2 * half - 1; i++) {
      const z = logits[i];
      if (z.indexOf(Math.max(...z)) === tokens[i + 1]) right++;
      total++;
    }
  }
  return right / total;
}

describe("Multi-head attention: the trained induction heads (seed 1, the widget's default run)", () => {
  let W: Weights;
  let reached = 0;
  let maxSteps = 0;
  const set = heldOut();
  beforeAll(() => {
    const m = createInductionModel(1);
    maxSteps = m.maxSteps;
    for (let s = 1; s <= m.maxSteps; s++) {
      m.trainStep(m.nextBatch());
      if (!reached && s % m.evalEvery === 0 && m.evaluate().accuracy >= 0.95) reached = s;
    }
    W = Object.fromEntries(
      Object.entries(m.parameters).map(([k, t]) => [k, { rows: t.rows, cols: t.cols, data: t.data.slice() }]),
    );
  }, 600_000);

  it("the run: its length, and the step where held-out accuracy passed 95 %", () => {
    expect(set.length).toBe(280);
    expect(MDX).toContain(
      `measured on the ${set.length} held-out sequences at the end of its ${maxSteps.toLocaleString("en")} steps`,
    );
    expect(MDX).toContain(`(it passed 95 % at step ${reached};`);
  });

  it("layer 2: two induction heads; layer 1: blurred previous-token heads", () => {
    const ind = [0, 0];
    const prevLate = [0, 0];
    const prevAll = [0, 0];
    const other = [0, 0];
    let late = 0;
    let all = 0;
    for (const { half, tokens } of set) {
      const { weights } = forward(W, tokens);
      for (let i = 1; i < tokens.length; i++) {
        all++;
        for (let h = 0; h < H; h++) prevAll[h] += weights[0][h][i][i - 1];
        if (i < half) continue;
        late++;
        for (let h = 0; h < H; h++) {
          ind[h] += weights[1][h][i][i - half + 1];
          prevLate[h] += weights[0][h][i][i - 1];
          other[h] += Math.max(...weights[0][h][i].filter((_, j) => j !== i - 1));
        }
      }
    }
    const p = (x: number, n: number) => printed(x / n, 2);
    expect(p(ind[0], late)).toBe(p(ind[1], late));
    expect(MDX).toContain(`both put on average ${p(ind[0], late)} of their weight on the letter after`);
    expect(MDX).toContain(
      `they put ${p(prevAll[0], all)} and ${p(prevAll[1], all)} of their weight on the previous letter`,
    );
    expect(MDX).toContain(`the share falls to ${p(prevLate[0], late)} and ${p(prevLate[1], late)}`);
    expect(MDX).toContain(
      `the largest share any other letter gets is ${p(other[0], late)} and ${p(other[1], late)} on average`,
    );
  }, 120_000);

  it("knock-outs: one layer-2 head, both, layer 1's heads; the summary's full accuracy", () => {
    const a = (k: number[]) => pct(accuracy(W, set, k));
    expect(MDX).toContain(`held-out accuracy stays at ${a([2])} or ${a([3])}`);
    expect(MDX).toContain(`Without both it falls to ${a([2, 3])}, close to guessing`);
    expect(MDX).toContain(
      `Without layer 1's first head it falls to ${a([0])}, without its second to ${a([1])}, and without both to ${a([0, 1])}`,
    );
    expect(MDX).toContain(`takes held-out accuracy from ${a([])} to ${a([2, 3])}`);
  }, 300_000);
});
