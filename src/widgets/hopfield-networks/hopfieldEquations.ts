import { fmt } from "../primitives/matrixText";
import { SIDE } from "./patterns";

/** "neuron 23 (row 3, column 4)": neurons and pixels are numbered from 1, row by row. */
export const pixelName = (i: number) =>
  `${i + 1} (row ${Math.floor(i / SIDE) + 1}, column ${(i % SIDE) + 1})`;

/**
 * Neuron i's update in state s with its numbers. Hebb's weights are wᵢⱼ = (1/P) Σ xᵢxⱼ, so every
 * term wᵢⱼsⱼ is a whole number over P: the sum is written as how many terms take each value
 * (all N − 1 of them, j ≠ i; wᵢᵢ = 0), added in whole numbers so that a field of exactly 0 stays 0
 * and gives +1. `next` is the synchronous update's result; asynchronous sweeps update the
 * neurons one by one, so there the equation gives the neuron's vote in the state shown.
 */
export function recallTex(
  weights: ArrayLike<number>,
  patterns: number,
  s: ArrayLike<number>,
  i: number,
  step: number,
  mode: "sync" | "async",
): string {
  const n = s.length;
  const groups = new Map<number, number>(); // P·wᵢⱼsⱼ (a whole number) → how many j
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const k = Math.round(weights[i * n + j] * s[j] * patterns);
    groups.set(k, (groups.get(k) ?? 0) + 1);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[0] - a[0]);
  const total = sorted.reduce((a, [k, c]) => a + k * c, 0);
  const value = (k: number) => (k % patterns === 0 ? String(k / patterns) : `\\tfrac{${k}}{${patterns}}`);
  const terms = sorted
    .map(([k, c]) => `${c} \\cdot ${k < 0 ? `\\big(${value(k)}\\big)` : value(k)}`)
    .join(" + ");
  const h = total / patterns;
  const sign = total >= 0 ? 1 : -1;
  const I = i + 1;
  const now = s[i] > 0 ? 1 : -1;
  const lhs =
    mode === "sync"
      ? `s_{${I}}(${step + 1}) &= \\operatorname{sign}(h_{${I}})`
      : `\\operatorname{sign}(h_{${I}}) &`;
  const verdict =
    sign === now
      ? `\\quad (= s_{${I}}(${step}): \\text{stable})`
      : `\\quad (\\ne s_{${I}}(${step}) = ${now > 0 ? "+1" : "-1"}: \\text{${mode === "sync" ? "it flips" : "it flips when its turn comes, if the field has not changed"}})`;
  return [
    "\\begin{aligned}",
    `h_{${I}} &= \\textstyle\\sum_{j \\ne ${I}} w_{${I}j}\\, s_j(${step}) = ${terms} \\\\`,
    `&= ${total === 0 ? "0" : `\\tfrac{${total}}{${patterns}}`} = ${fmt(h, 4)} \\\\`,
    `${lhs} = ${sign > 0 ? "+1" : "-1"}${verdict}`,
    "\\end{aligned}",
  ].join("\n");
}

/**
 * The last update of the modern Hopfield network at pixel j, with its numbers: the scores of the
 * state before it against every stored pattern, the softmax, and pixel j of the weighted average.
 */
export function modernTex(
  X: readonly (readonly number[])[],
  prev: readonly number[],
  p: readonly number[],
  beta: number,
  j: number,
  steps: number,
): string {
  const scores = X.map((x) => x.reduce((a, v, k) => a + v * prev[k], 0));
  const list = (v: readonly number[]) => `[${v.map((x) => fmt(x, 3)).join(",\\ ")}]`;
  const xi = p.reduce((a, w, mu) => a + w * X[mu][j], 0);
  const t = steps;
  const J = j + 1;
  const terms = p.map((w, mu) => `${fmt(w, 3)} \\cdot (${X[mu][j] > 0 ? "+1" : "-1"})`).join(" + ");
  return [
    "\\begin{aligned}",
    `X^{\\top} \\xi_{${t - 1}} &= ${list(scores)} \\\\`,
    `p &= \\operatorname{softmax}\\big(\\beta X^{\\top} \\xi_{${t - 1}}\\big) = \\operatorname{softmax}\\big(${fmt(beta, 3)} \\cdot ${list(scores)}\\big) = ${list(p)} \\\\`,
    `\\xi_{${t}}(${J}) &= \\textstyle\\sum_{\\mu} p_{\\mu}\\, x_{\\mu}(${J}) = ${terms} = ${fmt(xi, 3)}`,
    "\\end{aligned}",
  ].join("\n");
}

/** The chosen point of the capacity curve: N, P, the load P/N and the exact-recall capacity N/(2 ln N). */
export function capacityTex(neurons: number, patterns: number): string {
  const cap = neurons / (2 * Math.log(neurons));
  return [
    "\\begin{aligned}",
    `\\text{load} &= P / N = ${patterns} / ${neurons} = ${fmt(patterns / neurons, 3)} \\\\`,
    `\\frac{N}{2 \\ln N} &= \\frac{${neurons}}{2 \\ln ${neurons}} = ${fmt(cap, 3)} \\text{ patterns}, \\qquad \\frac{P}{N / (2 \\ln N)} = ${fmt(patterns / cap, 3)}`,
    "\\end{aligned}",
  ].join("\n");
}
