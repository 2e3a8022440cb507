import { Matrix, multiHeadAttention, multiHeadParamCount, rng, wordTokens } from "../../../lib";
import { fixed, formats, roundDecimals } from "../primitives/format";
import { texVector } from "../primitives/texNumbers";
import { fields } from "../primitives/urlState";

/** d_model of the widget: fixed, so the heads split 8 = H × d_head. */
export const D_MODEL = 8;
export const HEAD_CHOICES = ["1", "2", "4", "8"] as const;

/**
 * The four positional rules the query/key weights are built from, one per pair of dimensions:
 * a query at position i points at position i + offset; `broad` has strength 0 (uniform weights).
 */
export const RULES = [
  { name: "previous", offset: -1, broad: false },
  { name: "same", offset: 0, broad: false },
  { name: "next", offset: 1, broad: false },
  { name: "broad", offset: 0, broad: true },
] as const;

export const multiHeadSpec = {
  text: fields.text("the cat sat on the mat", { maxLength: 60, maxWord: 20 }),
  heads: fields.choice<(typeof HEAD_CHOICES)[number]>("4", HEAD_CHOICES),
  beta: fields.number(60, 0, 120),
  seed: fields.int(11, 0, 99999),
  /** The head and the query (both 0-based) whose equation is shown. */
  head: fields.int(0, 0, D_MODEL - 1),
  query: fields.int(0, 0, D_MODEL - 1),
};

export interface MultiHeadInput {
  text: string;
  heads: (typeof HEAD_CHOICES)[number];
  beta: number;
  seed: number;
  head: number;
  query: number;
}

export interface MultiHeadView {
  tokens: string[];
  heads: number;
  dHead: number;
  /** Which rules each head's dimensions carry, e.g. "previous + next". */
  headRules: string[];
  weightsPerHead: number[][][]; // H × (n, n)
  /** (n, d_model) the projected queries X W_qᵀ and keys X W_kᵀ (no biases). */
  Q: number[][];
  K: number[][];
  /** The head and query (0-based) of the equation, clamped to H and n. */
  head: number;
  query: number;
  concat: number[][]; // (n, d_model)
  Wv: number[][]; // (d_model, d_model)
  Wo: number[][]; // (d_model, d_model)
  output: number[][]; // (n, d_model)
  params: number;
  paramsPaper: number;
}

export type MultiHeadOutcome = { ok: true; view: MultiHeadView } | { ok: false; error: string };

const angle = (p: number) => (Math.PI * p) / D_MODEL;

/**
 * W_q and W_k (torch layout, (d_model, d_model)) for one-hot position inputs: dimensions 2r and
 * 2r+1 put key j on a circle at angle θ_j and query i at θ_{i+offset_r}, scaled by β, so the dot
 * product q_i·k_j = β cos(θ_{i+offset} − θ_j) peaks at j = i + offset.
 */
export function ruleProjections(beta: number): { Wq: Matrix; Wk: Matrix } {
  const Wq = new Matrix(D_MODEL, D_MODEL); // (d_model, d_model)
  const Wk = new Matrix(D_MODEL, D_MODEL); // (d_model, d_model)
  RULES.forEach((rule, r) => {
    const strength = rule.broad ? 0 : beta;
    for (let pos = 0; pos < D_MODEL; pos++) {
      Wq.set(2 * r, pos, strength * Math.cos(angle(pos + rule.offset)));
      Wq.set(2 * r + 1, pos, strength * Math.sin(angle(pos + rule.offset)));
      Wk.set(2 * r, pos, Math.cos(angle(pos)));
      Wk.set(2 * r + 1, pos, Math.sin(angle(pos)));
    }
  });
  return { Wq, Wk };
}

/** Rules carried by each head's dimensions (a head of size 1 gets half a rule's circle). */
export function headRules(H: number): string[] {
  const dHead = D_MODEL / H;
  return Array.from({ length: H }, (_, h) => {
    const dims = Array.from({ length: dHead }, (_, t) => h * dHead + t);
    const names = [...new Set(dims.map((d) => RULES[Math.floor(d / 2)].name))];
    const half = dHead === 1 ? (dims[0] % 2 === 0 ? " (cos half)" : " (sin half)") : "";
    return names.join(" + ") + half;
  });
}

/** Run multi-head attention with `lib/` on one-hot position vectors and the rule-built weights. */
export function computeMultiHead(s: MultiHeadInput): MultiHeadOutcome {
  const long = multiHeadSpec.text.message(s.text, "The sentence");
  if (long) return { ok: false, error: long };
  const tokens = wordTokens(s.text).map((t) => t.text);
  if (tokens.length < 3) return { ok: false, error: "Type at least three words separated by spaces." };
  if (tokens.length > D_MODEL) {
    return {
      ok: false,
      error: `That is ${tokens.length} words; one-hot positions of size ${D_MODEL} allow at most ${D_MODEL}.`,
    };
  }
  const H = Number(s.heads);
  const n = tokens.length;
  const X = Matrix.fromFn(n, D_MODEL, (i, j) => (i === j ? 1 : 0)); // (n, d_model) one-hot positions
  const { Wq, Wk } = ruleProjections(s.beta);
  const r = rng(s.seed);
  const Wv = Matrix.fromFn(D_MODEL, D_MODEL, () => roundDecimals(r.normal(), 2)); // (d_model, d_model)
  const Wo = Matrix.fromFn(D_MODEL, D_MODEL, () => roundDecimals(r.normal() * 0.5, 2)); // (d_model, d_model)
  const res = multiHeadAttention(
    X,
    X,
    X,
    { qProjWeight: Wq, kProjWeight: Wk, vProjWeight: Wv, outProjWeight: Wo },
    { numHeads: H },
  );
  return {
    ok: true,
    view: {
      tokens,
      heads: H,
      dHead: D_MODEL / H,
      headRules: headRules(H),
      weightsPerHead: res.weightsPerHead.map((w) => w.toArray()),
      Q: Array.from({ length: n }, (_, i) => Array.from({ length: D_MODEL }, (_, c) => Wq.get(c, i))),
      K: Array.from({ length: n }, (_, j) => Array.from({ length: D_MODEL }, (_, c) => Wk.get(c, j))),
      head: Math.min(s.head, H - 1),
      query: Math.min(s.query, n - 1),
      concat: res.concat.toArray(),
      Wv: Wv.toArray(),
      Wo: Wo.toArray(),
      output: res.output.toArray(),
      params: multiHeadParamCount(D_MODEL, H),
      paramsPaper: multiHeadParamCount(512, 8),
    },
  };
}

/** Unique labels for repeated words. */
export function tokenLabels(tokens: string[]): string[] {
  const seen = new Map<string, number>();
  return tokens.map((t, i) => {
    const k = (seen.get(t) ?? 0) + 1;
    seen.set(t, k);
    return k === 1 ? t : `${t} (${i + 1})`;
  });
}

/** cos(π/2) and the like are 6e-17 in floating point: printed as the 0 they are. */
const entry = (x: number) => formats.entry(Math.abs(x) < 1e-9 ? 0 : x);
const entries = (v: ArrayLike<number>) => texVector(v, entry);

/**
 * The equation of the selected head and query with its numbers: the query and keys of the head's
 * dimensions (x_i is one-hot, so q_i is column i of W_q; there are no biases), the scaled scores,
 * the weights (2 decimals, as the heatmaps) and the head's output (as the concat table). The
 * broad rule's W_q rows are 0, which the equation says when the head holds them.
 */
export function multiHeadTex(v: MultiHeadView): string {
  const h = v.head;
  const i = v.query;
  const H = h + 1;
  const I = i + 1;
  const cols = Array.from({ length: v.dHead }, (_, t) => h * v.dHead + t);
  const pick = (row: number[]) => cols.map((c) => row[c]);
  const q = pick(v.Q[i]);
  const scale = Math.sqrt(v.dHead);
  const scores = v.K.map((k) => pick(k).reduce((a, kc, t) => a + kc * q[t], 0) / scale);
  const keys = v.K.map((k) => (v.dHead === 1 ? entry(k[cols[0]]) : entries(pick(k)))).join(",\\ ");
  const broad = cols.filter((c) => RULES[Math.floor(c / 2)].broad).map((c) => c + 1);
  const zero =
    broad.length > 0 ? `\\text{; rows ${broad.join(", ")} of } W_q \\text{ (broad rule) are } 0` : "";
  return [
    "\\begin{aligned}",
    `q^{(${H})}_{${I}} &= e_{${I}} W_q^{(${H})\\top} = ${entries(q)} && \\text{no biases}${zero} \\\\`,
    // Keys of a head of size 1 or 2 fit on a line; larger heads list them in the notebook instead.
    ...(v.dHead <= 2 ? [`k^{(${H})}_{j} &= ${keys} \\\\`] : []),
    `s^{(${H})}_{${I}j} &= \\frac{q^{(${H})}_{${I}} \\cdot k^{(${H})}_{j}}{\\sqrt{${v.dHead}}} = ${texVector(scores, entry)} \\\\`,
    `\\alpha^{(${H})}_{${I}} &= \\operatorname{softmax}_j(s^{(${H})}_{${I}j}) = ${texVector(v.weightsPerHead[h][i], (x) => fixed(x, 2))} \\\\`,
    `\\mathrm{head}_{${H}}(${I}) &= \\textstyle\\sum_j \\alpha^{(${H})}_{${I}j}\\, v^{(${H})}_{j} = ${entries(pick(v.concat[i]))}`,
    "\\end{aligned}",
  ].join("\n");
}
