/**
 * Chapter 7's claims about the trained pointer network, checked a second way. The network is
 * trained with lib/ (seed 1, the widget's default run); everything measured about it is then
 * recomputed here from its weights with a forward pass written out in plain arrays (LSTM cells,
 * the additive pointer score, masked greedy decoding), sharing no code with lib/ beyond the
 * weights and the lists. The numbers printed in the chapter must equal what this computes.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createPointerNetModel } from "../../../lib/models/pointerNet";
import { sortHeldOut, sortStressSets } from "../../../lib/models/sortTask";

type Weights = Record<string, { rows: number; cols: number; data: Float64Array }>;

/** The chapter's text with every run of white space as one space (prose wraps anywhere). */
const MDX = readFileSync(
  new URL("../../../content/chapters/pointer-networks.mdx", import.meta.url),
  "utf8",
).replace(/\s+/g, " ");
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** W x for a (rows × cols) row-major W. */
function mv(w: { rows: number; cols: number; data: Float64Array }, x: number[]): number[] {
  const y = new Array<number>(w.rows).fill(0);
  for (let i = 0; i < w.rows; i++) for (let j = 0; j < w.cols; j++) y[i] += w.data[i * w.cols + j] * x[j];
  return y;
}
const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** One LSTM step, torch gate order i, f, g, o. */
function lstm(W: Weights, name: string, x: number[], h: number[], c: number[]): [number[], number[]] {
  const a = mv(W[`${name}.weightIh`], x);
  const b = mv(W[`${name}.weightHh`], h);
  const H = h.length;
  const bi = W[`${name}.biasIh`].data;
  const bh = W[`${name}.biasHh`].data;
  const z = a.map((v, k) => v + b[k] + bi[k] + bh[k]);
  const c2 = c.map((cv, j) => sig(z[H + j]) * cv + sig(z[j]) * Math.tanh(z[2 * H + j]));
  const h2 = c2.map((cv, j) => sig(z[3 * H + j]) * Math.tanh(cv));
  return [h2, c2];
}

/** Greedy decoding, the chosen positions masked unless `mask` is false: the positions and each step's distribution. */
function decode(W: Weights, xs: number[], mask = true): { order: number[]; probs: number[][] } {
  const H = W["w1"].rows;
  const embed = (x: number) => Array.from(W["embB"].data, (b, k) => W["embW"].data[k] * x + b);
  let h = new Array<number>(H).fill(0);
  let c = new Array<number>(H).fill(0);
  const keys: number[][] = [];
  for (const x of xs) {
    [h, c] = lstm(W, "enc", embed(x), h, c);
    keys.push(mv(W["w1"], h));
  }
  let input = Array.from(W["go"].data);
  const used = new Set<number>();
  const order: number[] = [];
  const probs: number[][] = [];
  for (let t = 0; t < xs.length; t++) {
    [h, c] = lstm(W, "dec", input, h, c);
    const q = mv(W["w2"], h);
    const u = keys.map((k) => k.reduce((s, kv, a) => s + W["v"].data[a] * Math.tanh(kv + q[a]), 0));
    const open = xs.map((_, j) => !mask || !used.has(j));
    const m = Math.max(...u.filter((_, j) => open[j]));
    const e = u.map((s, j) => (open[j] ? Math.exp(s - m) : 0));
    const z = e.reduce((s, v) => s + v, 0);
    const p = e.map((v) => v / z);
    let best = -1;
    for (let j = 0; j < xs.length; j++) if (open[j] && (best < 0 || p[j] > p[best])) best = j;
    order.push(best);
    probs.push(p);
    used.add(best);
    input = embed(xs[best]);
  }
  return { order, probs };
}

/** Per-step and exact-order accuracy on lists, a step being right when its value is the next in order. */
function accuracy(
  W: Weights,
  lists: number[][],
  mask = true,
): { perStep: number; exact: number; repeats: number } {
  let right = 0;
  let steps = 0;
  let exact = 0;
  let repeats = 0;
  for (const xs of lists) {
    const sorted = [...xs].sort((a, b) => a - b);
    const { order } = decode(W, xs, mask);
    repeats += order.filter((j, t) => order.indexOf(j) < t).length;
    const ok = order.map((j, t) => xs[j] === sorted[t]);
    right += ok.filter(Boolean).length;
    steps += xs.length;
    if (ok.every(Boolean)) exact++;
  }
  return { perStep: right / steps, exact: exact / lists.length, repeats: repeats / steps };
}

/** Lists of a batch as arrays. */
const listsOf = (b: { size: number; length: number; xs: Float64Array }) =>
  Array.from({ length: b.size }, (_, i) => Array.from(b.xs.subarray(i * b.length, (i + 1) * b.length)));

/** An independent seeded generator (xorshift32), for lists lib/ never made. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function weightsOf(m: ReturnType<typeof createPointerNetModel>): Weights {
  const W: Weights = {};
  for (const [k, t] of Object.entries(m.parameters))
    W[k] = { rows: t.rows, cols: t.cols, data: t.data.slice() };
  return W;
}

describe("chapter 7: the trained pointer network (seed 1, masked, 600 steps)", () => {
  let W: Weights;
  let at25: Weights;
  let at50: Weights;
  beforeAll(() => {
    const m = createPointerNetModel(1);
    for (let s = 1; s <= m.maxSteps; s++) {
      m.trainStep(m.nextBatch());
      if (s === 25) at25 = weightsOf(m);
      if (s === 50) at50 = weightsOf(m);
    }
    expect(m.maxSteps).toBe(600);
    W = weightsOf(m);
  }, 300_000);

  it("reaches 95 % of held-out steps at the evaluation of step 50, not at step 25", () => {
    const held = listsOf(sortHeldOut());
    expect(accuracy(at25, held).perStep).toBeLessThan(0.95);
    const a = accuracy(at50, held);
    expect(a.perStep).toBeGreaterThanOrEqual(0.95);
    expect(MDX).toContain(`${pct(a.perStep)} of the held-out steps right at step 50`);
  });

  it("gets the held-out numbers the chapter prints, with nearly one-hot pointers", () => {
    const held = listsOf(sortHeldOut());
    const a = accuracy(W, held);
    // The probability of the chosen position, averaged over the steps before the last (which has one position left).
    let sum = 0;
    let count = 0;
    for (const xs of held) {
      const { order, probs } = decode(W, xs);
      for (let t = 0; t < xs.length - 1; t++, count++) sum += probs[t][order[t]];
    }
    expect(MDX).toContain(
      `the position it picks gets ${(sum / count).toFixed(2)} of the probability on average`,
    );
    expect(MDX).toContain(`${pct(a.perStep)} of the held-out steps`);
    expect(MDX).toContain(`${pct(a.exact)} of the lists in exactly the right order`);
  });

  it("gets the stress-set table the chapter prints, and fresh lists of each kind agree", () => {
    const r = xorshift(12345);
    const fresh: Record<string, () => number[]> = {
      "close pair < 0.001": () => {
        const x = Array.from({ length: 4 }, () => r());
        x.splice(Math.floor(r() * 5), 0, Math.min(1, x[Math.floor(r() * 4)] + 0.001 * r()));
        return x;
      },
      "length 12": () => Array.from({ length: 12 }, () => r()),
    };
    for (const set of sortStressSets()) {
      const a = accuracy(W, listsOf(set.batch));
      expect(MDX).toContain(`| ${set.label} | ${pct(a.perStep)} | ${pct(a.exact)} |`);
      const make = fresh[set.label];
      if (make) {
        // 600 lists no lib/ code drew: the same kind of failure, within sampling error.
        const b = accuracy(W, Array.from({ length: 600 }, make));
        expect(Math.abs(b.perStep - a.perStep)).toBeLessThan(0.04);
      }
    }
  });

  it("splits a tie unevenly and swaps 0.4 and 0.401, as the chapter says", () => {
    const tie = decode(W, [0.3, 0.7, 0.3, 0.5, 0.1]);
    expect(tie.order.map((j) => j + 1)).toEqual([5, 3, 1, 4, 2]);
    const [p1, p3] = [tie.probs[1][0], tie.probs[1][2]].map((p) => p.toFixed(2));
    expect(MDX).toContain(`step 2 gives ${p3} to position 3 and ${p1} to position 1`);
    const close = decode(W, [0.4, 0.401, 0.1, 0.9, 0.6]);
    expect(close.order[1]).toBe(1);
    expect(MDX).toContain(
      `step 2 points at 0.401 (position 2) with probability ${close.probs[1][1].toFixed(2)}`,
    );
  });
});

// Training without the mask takes 1,500 steps (minutes on a loaded machine): run with CLAIMS_SLOW=1.
describe.runIf(process.env.CLAIMS_SLOW)(
  "chapter 7: the same network without the mask (seed 1, 1,500 steps)",
  () => {
    it("sorts lists of 5 but repeats positions and fails every list of 8 and 12", () => {
      const m = createPointerNetModel(1, { mask: false });
      for (let s = 1; s <= m.maxSteps; s++) m.trainStep(m.nextBatch());
      expect(m.maxSteps).toBe(1500);
      const W = weightsOf(m);
      const held = accuracy(W, listsOf(sortHeldOut()), false);
      expect(MDX).toContain(`it ends with ${pct(held.perStep)} of the held-out steps right`);
      const sets = Object.fromEntries(
        sortStressSets().map((s) => [s.label, accuracy(W, listsOf(s.batch), false)]),
      );
      const eight = sets["length 8"];
      expect(MDX).toContain(
        `only ${pct(eight.perStep)} of the steps are right and ${pct(eight.repeats)} point at a position`,
      );
      expect(eight.exact).toBe(0);
      expect(sets["length 12"].exact).toBe(0);
    }, 900_000);
  },
);
