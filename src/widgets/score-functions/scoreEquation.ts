import { formats } from "../primitives/format";
import { texAligned, texVector } from "../primitives/texNumbers";
import { type ScoreView, scoreParams } from "./scoreModel";

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((s, x, i) => s + x * b[i], 0);
const mv = (rows: number, row: (i: number) => ArrayLike<number>, x: ArrayLike<number>) =>
  Array.from({ length: rows }, (_, i) => dot(row(i), x));
const e = formats.entry;
const sc = formats.score;

/**
 * The score explorer's equation for one key j (0-based) with the numbers substituted: the chosen
 * score function of q and k_j (its intermediate vectors for the parametrised kinds), then the
 * softmax weight α_j over every key. The reader's own formula is typeset by its field, not here
 * (its TeX comes from what the reader typed): for it the line shows the score of q and k_j.
 */
export function scoreEquationTex(v: ScoreView, key: number, seed: number): string {
  const j = Math.min(key, v.K.length - 1);
  const J = j + 1;
  const q = v.q;
  const k = v.K[j];
  const s = v.scores[j];
  const kj = `k_{${J}}`;
  const qv = texVector(q, e);
  const kv = texVector(k, e);
  const p = scoreParams(v.d, seed);
  const qk = [...q, ...k];
  let line: string;
  switch (v.kind) {
    case "dot":
      line = `s(q, ${kj}) &= q^\\top ${kj} = ${qv} \\cdot ${kv} = ${sc(s)}`;
      break;
    case "scaled_dot":
      line = `s(q, ${kj}) &= \\frac{q^\\top ${kj}}{\\sqrt{d}} = \\frac{${sc(dot(q, k))}}{\\sqrt{${v.d}}} = ${sc(s)}`;
      break;
    case "cosine":
      line = `s(q, ${kj}) &= \\frac{q^\\top ${kj}}{\\lVert q \\rVert\\, \\lVert ${kj} \\rVert} = \\frac{${sc(dot(q, k))}}{${sc(Math.hypot(...q))} \\cdot ${sc(Math.hypot(...k))}} = ${sc(s)}`;
      break;
    case "general": {
      const Wk = mv(v.d, (i) => p.W.row(i), k);
      line = `s(q, ${kj}) &= q^\\top (W ${kj}) = ${qv} \\cdot ${texVector(Wk, e)} = ${sc(s)}`;
      break;
    }
    case "additive": {
      const pre = mv(v.d, (i) => p.W1.row(i), k).map((x, i) => x + dot(p.W2.row(i), q));
      line = `s(q, ${kj}) &= v^\\top \\tanh(W_1 ${kj} + W_2 q) = v^\\top \\tanh\\!\\left(${texVector(pre, e)}\\right) = ${texVector(p.v, e)} \\cdot ${texVector(pre.map(Math.tanh), e)} = ${sc(s)}`;
      break;
    }
    case "concat": {
      const pre = mv(v.d, (i) => p.Wc.row(i), qk);
      line = `s(q, ${kj}) &= v^\\top \\tanh\\!\\left(W \\begin{bmatrix} q \\\\ ${kj} \\end{bmatrix}\\right) = v^\\top \\tanh\\!\\left(${texVector(pre, e)}\\right) = ${texVector(p.v, e)} \\cdot ${texVector(pre.map(Math.tanh), e)} = ${sc(s)}`;
      break;
    }
    case "concat_linear":
      line = `s(q, ${kj}) &= w^\\top \\begin{bmatrix} q \\\\ ${kj} \\end{bmatrix} = ${texVector(p.w, e)} \\cdot ${texVector(qk, e)} = ${sc(s)}`;
      break;
    case "formula":
      // The reader's formula is typeset above the widget (by its field); here it is evaluated.
      line = `s(q, ${kj}) &= s\\left(${qv},\\ ${kv}\\right) = ${sc(s)}`;
      break;
  }
  const exps = v.scores.map((x) => `e^{${sc(x)}}`).join(" + ");
  const weight = `\\alpha_{${J}} &= \\frac{e^{s_{${J}}}}{\\sum_{i=1}^{${v.K.length}} e^{s_i}} = \\frac{e^{${sc(s)}}}{${exps}} = ${formats.weight(v.weights[j])}`;
  return texAligned([line, weight]);
}

/** What the equation says, for assistive technology. */
export const scoreEquationLabel = (key: number): string =>
  `Equation for key ${key + 1}: its score and softmax weight, with the numbers`;
