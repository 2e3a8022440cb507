/**
 * Chapter 14's worked numbers, recomputed with plain loops (not lib/), with slots counted from 0 as
 * the chapter states: the worked example's cosines, content, shifted and sharpened weights (which the
 * prose prints from lib and the widget shows on load), the softmax gap, and the three numeric
 * exercises' answers as their solutions write them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  NTM_MEMORY,
  addressingSpec,
  computeAddressing,
} from "../../../src/widgets/neural-turing-machines/ntmModel";
import { defaults } from "../../../src/widgets/primitives/urlState";
import { dot, printed, softmax } from "./independent";

const MDX = readFileSync(
  new URL("../../../content/chapters/neural-turing-machines.mdx", import.meta.url),
  "utf8",
);

const cos = (u: number[], v: number[]) => dot(u, v) / Math.sqrt(dot(u, u) * dot(v, v));
/** w̃(i) = Σ_j w(j) s(i − j) on a ring of slots 0..N−1, with s given as [s(+1), s(0), s(−1)]. */
function shift(w: number[], s: [number, number, number]): number[] {
  const n = w.length;
  const at = (j: number) => w[(j + n) % n];
  return w.map((_, i) => s[0] * at(i - 1) + s[1] * at(i) + s[2] * at(i + 1));
}
function sharpen(w: number[], gamma: number): number[] {
  const p = w.map((x) => x ** gamma);
  const z = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / z);
}

/** The worked example's memory, as the chapter defines it for its printed numbers. */
const M = JSON.parse(/^export const M0 = (\[.*\]);$/m.exec(MDX)![1]) as number[][];
const k = [1, 1, 0, 0];
const c = M.map((row) => cos(k, row));
const content = softmax(c.map((x) => 5 * x));
const shifted = shift(content, [0.1, 0.8, 0.1]);
const sharpened = sharpen(shifted, 2);

describe("Neural Turing machines: the worked example (slots 0 to 5)", () => {
  it("uses the widget's memory, and the prose lists its rows in slot order", () => {
    expect(NTM_MEMORY).toEqual(M);
    // The printed weights come from these settings, the ones computed here.
    expect(MDX).toContain("{ k: [1, 1, 0, 0], beta: 5, g: 1, s: [0.1, 0.8, 0.1], gamma: 2 }");
    expect(MDX).toMatch(
      /rows \$\[1,0,0,0\]\$, \$\[0,1,0,0\]\$, \$\[0,0,1,0\]\$,\s+\$\[1,1,0,0\]\$, \$\[0,0,1,1\]\$ and \$\[0\.5,0\.5,0\.5,0\.5\]\$/,
    );
  });

  it("cosines: 1 at slot 3, 1/√2 ≈ 0.707 at slots 0, 1 and 5, 0 at slots 2 and 4", () => {
    expect(c[3]).toBeCloseTo(1, 12);
    for (const i of [0, 1, 5]) expect(printed(c[i], 3)).toBe("0.707");
    for (const i of [2, 4]) expect(c[i]).toBe(0);
    expect(MDX).toMatch(
      /slot 3 is 1; with slots 0, 1 and 5 it is \$1\/\\sqrt 2 \\approx 0\.707\$; with slots 2 and 4 it is 0/,
    );
  });

  it("β = 5 turns a score gap of 5 × 0.293 = 1.46 into a weight ratio of e^1.46 ≈ 4.3", () => {
    const gap = 5 * (c[3] - c[0]);
    expect(printed(c[3] - c[0], 3)).toBe("0.293");
    expect(printed(gap, 2)).toBe("1.46");
    expect(printed(content[3] / content[0], 1)).toBe("4.3");
    expect(MDX).toContain("$5 \\times 0.293 = 1.46$ in score into a ratio of $e^{1.46} \\approx 4.3$");
  });

  it("the widget's default state shows these weights (which the prose prints), slot by slot", () => {
    const out = computeAddressing(defaults(addressingSpec));
    if (!out.ok) throw new Error("default state does not compute");
    const r = out.result;
    expect(r.slot).toBe(3);
    for (const [name, mine] of [
      ["content", content],
      ["shifted", shifted],
      ["sharpened", sharpened],
    ] as const)
      mine.forEach((x, i) => expect(r[name][i], `${name}[${i}]`).toBeCloseTo(x, 10));
    // The prose's story: the blur lowers slot 3 and sharpening pushes it back up.
    expect(shifted[3]).toBeLessThan(content[3]);
    expect(sharpened[3]).toBeGreaterThan(shifted[3]);
    // With g = 1 the interpolation changes nothing.
    expect(r.gated).toEqual(r.content);
  });
});

describe("Neural Turing machines: the exercises (slots 0 and 1)", () => {
  it("content weight of slot 0 for M = [[1,0],[0,1]], k = [1,0], β = 2 is 0.8808", () => {
    const w = softmax(
      [
        [1, 0],
        [0, 1],
      ].map((row) => 2 * cos([1, 0], row)),
    );
    expect(printed(w[0], 4)).toBe("0.8808");
    expect(MDX).toContain("\\approx 0.8808$");
  });

  it("sharpening [0.25, 0.5, 0.25] with γ = 2 gives the middle slot 2/3", () => {
    expect(printed(sharpen([0.25, 0.5, 0.25], 2)[1], 4)).toBe("0.6667");
    expect(MDX).toContain("$0.25 / 0.375 = 2/3 \\approx 0.6667$");
  });

  it("erase then add: slot 0 becomes [1.5, 2], slot 1 (weight 0) stays [4, 4]", () => {
    const mem = [
      [1, 1],
      [4, 4],
    ];
    const w = [0.5, 0];
    const e = [1, 0];
    const a = [2, 2];
    const after = mem.map((row, i) => row.map((x, d) => x * (1 - w[i] * e[d]) + w[i] * a[d]));
    expect(after).toEqual([
      [1.5, 2],
      [4, 4],
    ]);
    expect(MDX).toContain("$[[1.5, 2], [4, 4]]$");
  });
});

describe("Neural Turing machines: one way of counting slots", () => {
  it("the read and the shift sum over the same slots, 0 to N − 1", () => {
    expect(MDX).toContain("r_t = \\sum_{i=0}^{N-1} w_t(i)");
    expect(MDX).toContain("\\tilde w_t(i) = \\sum_{j=0}^{N-1} w^{g}_t(j)");
    expect(MDX).not.toMatch(/\\sum_\{[ij]=1\}/);
  });
});
