import {
  type EncoderLayerResult,
  Matrix,
  encoderLayer,
  positionalEncoding,
  rng,
  wordTokens,
} from "../../../lib";
import { fixed, formats, roundDecimals } from "../primitives/format";
import { texVector } from "../primitives/texNumbers";
import { fields } from "../primitives/urlState";

export const D = 4;
export const D_FF = 8;
export const HEADS = 2;

export const encoderSpec = {
  text: fields.text("I love attention", { maxLength: 60, maxWord: 20 }),
  seed: fields.int(5, 0, 99999),
  step: fields.int(0, 0, 8),
  /** The token (0-based) whose row the equation writes out. */
  row: fields.int(0, 0, 5),
};

/** The layer's inputs and weights (torch layout), kept for the equation and the notebook. */
export interface EncoderParts {
  /** (n, d) seeded word embeddings, (n, d) their positional encodings. */
  embeddings: number[][];
  pe: number[][];
  /** (3d, d) [W_q; W_k; W_v], (d, d) W_o, (d_ff, d) W_1, (d_ff) b_1, (d, d_ff) W_2. */
  inProj: number[][];
  outProj: number[][];
  w1: number[][];
  b1: number[];
  w2: number[][];
  res: EncoderLayerResult;
}

export interface Stage {
  name: string;
  /** What happens at this stage, as a formula in plain text. */
  formula: string;
  data: number[][];
  cols: string[];
  note: string;
}

function wordSeed(word: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const dims = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);
const rowStats = (m: number[][]) =>
  m.map((r) => {
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const v = r.reduce((a, b) => a + (b - mean) ** 2, 0) / r.length;
    return { mean, v };
  });

/** Embed the words (seeded), add positions, and run one encoder layer with `lib/`, keeping every stage. */
export function computeEncoder(s: {
  text: string;
  seed: number;
}): { ok: true; stages: Stage[]; tokens: string[]; parts: EncoderParts } | { ok: false; error: string } {
  const long = encoderSpec.text.message(s.text, "The sentence");
  if (long) return { ok: false, error: long };
  const typed = wordTokens(s.text);
  const tokens = typed.map((t) => t.text); // shown as typed
  if (tokens.length < 2 || tokens.length > 6)
    return { ok: false, error: `Type 2 to 6 words; you typed ${tokens.length}.` };
  const X = typed.map(({ word }) => {
    const r = rng(wordSeed(word, s.seed));
    return Array.from({ length: D }, () => roundDecimals(r.normal(), 2));
  }); // (n, d)
  const pe = positionalEncoding(tokens.length, D).toArray(); // (n, d)
  const input = X.map((row, i) => row.map((x, j) => x + pe[i][j])); // (n, d)
  const r = rng(s.seed * 31 + 7);
  const mat = (rows: number, cols: number, scale: number) =>
    Matrix.fromFn(rows, cols, () => r.normal() * scale); // (rows, cols)
  const inProj = mat(3 * D, D, 0.7);
  const outProj = mat(D, D, 0.5);
  const w1 = mat(D_FF, D, 0.6);
  const b1 = Array.from({ length: D_FF }, () => r.normal() * 0.1);
  const w2 = mat(D, D_FF, 0.4);
  const res = encoderLayer(
    input,
    { selfAttn: { inProjWeight: inProj, outProjWeight: outProj }, ff: { w1, b1, w2 } },
    { numHeads: HEADS },
  );
  const parts: EncoderParts = {
    embeddings: X,
    pe,
    inProj: inProj.toArray(),
    outProj: outProj.toArray(),
    w1: w1.toArray(),
    b1,
    w2: w2.toArray(),
    res,
  };
  const n1 = rowStats(res.norm1.toArray());
  const zeros = res.ffHidden.data.reduce((k, v) => k + (v === 0 ? 1 : 0), 0);
  const stages: Stage[] = [
    {
      name: "Input + positional encoding",
      formula: "x = embedding + PE",
      data: input,
      cols: dims("d", D),
      note: `Embeddings of ${tokens.length} words (seeded) plus the sinusoidal PE of their positions.`,
    },
    {
      name: "Self-attention weights",
      formula: "A_h = softmax(Q_h K_hᵀ / √2), two heads",
      data: res.attention.weightsPerHead.flatMap((w) => w.toArray()),
      cols: tokens,
      note: `Rows 1–${tokens.length}: head 1; rows ${tokens.length + 1}–${2 * tokens.length}: head 2. Each row sums to 1.`,
    },
    {
      name: "Self-attention output",
      formula: "MHA(x) = [head₁ head₂] Wᴼᵀ",
      data: res.attentionOut.toArray(),
      cols: dims("d", D),
      note: "The heads' outputs, concatenated and projected back to d = 4.",
    },
    {
      name: "Residual 1",
      formula: "x + MHA(x)",
      data: res.residual1.toArray(),
      cols: dims("d", D),
      note: "The input is added back, so the layer only has to learn a correction.",
    },
    {
      name: "Layer norm 1",
      formula: "x₁ = LN(x + MHA(x))",
      data: res.norm1.toArray(),
      cols: dims("d", D),
      note: `Each row now has mean ≈ ${fixed(n1[0].mean, 3)} and variance ≈ ${fixed(n1[0].v, 3)} (row 1).`,
    },
    {
      name: "Feed-forward: expand",
      formula: "x₁W₁ᵀ + b₁ (4 → 8)",
      data: res.ffHiddenPre.toArray(),
      cols: dims("h", D_FF),
      note: "Each token separately is mapped to a wider hidden layer.",
    },
    {
      name: "Feed-forward: ReLU",
      formula: "max(0, ·)",
      data: res.ffHidden.toArray(),
      cols: dims("h", D_FF),
      note: `${zeros} of ${res.ffHidden.data.length} hidden values are now exactly 0.`,
    },
    {
      name: "Feed-forward: contract, residual 2",
      formula: "x₁ + FFN(x₁) (8 → 4)",
      data: res.residual2.toArray(),
      cols: dims("d", D),
      note: "Back to d = 4, and the sublayer's input is added back again.",
    },
    {
      name: "Layer norm 2: the layer's output",
      formula: "y = LN(x₁ + FFN(x₁))",
      data: res.output.toArray(),
      cols: dims("d", D),
      note: "Same shape as the input, so layers can be stacked.",
    },
  ];
  return { ok: true, stages, tokens, parts };
}

const vec = (v: ArrayLike<number>) => texVector(v, formats.entry);
const row = (m: Matrix, i: number) => m.row(i);

/** Mean and (biased) variance of a row, as layer norm uses them. */
function stats(v: ArrayLike<number>): { mean: number; variance: number } {
  const x = Array.from(v);
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  return { mean, variance: x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length };
}

/** Layer norm of row r into y, written out: mean, variance, and the normalised row (γ = 1, β = 0). */
function normLines(input: string, r: ArrayLike<number>, y: ArrayLike<number>, out: string): string[] {
  const { mean, variance } = stats(r);
  return [
    `\\bar x &= ${formats.entry(mean)},\\quad \\sigma^2 = ${formats.entry(variance)} && \\text{mean and variance of } ${input} = ${vec(r)} \\\\`,
    `${out} &= \\frac{${input} - \\bar x}{\\sqrt{\\sigma^2 + 10^{-5}}} = ${vec(y)} && \\gamma_{\\text{LN}} = 1,\\ \\beta_{\\text{LN}} = 0 \\text{ (not learned here)}`,
  ];
}

/**
 * The equation of one stage for token `row` (0-based) with its numbers, printed with 4
 * significant digits as the stage table. Terms the seeded layer leaves out are named: no biases
 * in the attention (b_q, b_k, b_v, b_o) and no b₂, and layer norm's scale and shift are 1 and 0.
 */
export function encoderTex(parts: EncoderParts, tokens: string[], step: number, tokenRow: number): string {
  const i = Math.min(tokenRow, tokens.length - 1);
  const I = i + 1;
  const { res } = parts;
  const x = `x_{${I}}`;
  const lines: string[] = [];
  switch (step) {
    case 0:
      lines.push(
        `${x} &= \\mathrm{emb}_{${I}} + \\mathrm{PE}(${i}) = ${vec(parts.embeddings[i])} + ${vec(parts.pe[i])} = ${vec(row(res.input, i))} && \\text{position counted from } 0`,
      );
      break;
    case 1: {
      const half = D / HEADS;
      for (let h = 0; h < HEADS; h++) {
        const cols = Array.from({ length: half }, (_, t) => h * half + t);
        const q = cols.map((c) => res.attention.Q.get(i, c));
        const scores = Array.from(
          { length: tokens.length },
          (_, j) => cols.reduce((a, c, t) => a + q[t] * res.attention.K.get(j, c), 0) / Math.sqrt(half),
        );
        lines.push(
          `s^{(${h + 1})}_{${I}} &= \\frac{q^{(${h + 1})}_{${I}} K^{(${h + 1})\\top}}{\\sqrt{${half}}},\\quad q^{(${h + 1})}_{${I}} = ${vec(q)} && \\text{no biases: } b_q = b_k = 0 \\\\`,
          `&= ${vec(scores)} \\\\`,
          `\\alpha^{(${h + 1})}_{${I}} &= \\operatorname{softmax}(s^{(${h + 1})}_{${I}}) = ${vec(row(res.attention.weightsPerHead[h], i))}${h + 1 < HEADS ? " \\\\" : ""}`,
        );
      }
      break;
    }
    case 2:
      lines.push(
        `\\mathrm{MHA}(x)_{${I}} &= [\\mathrm{head}_1\\ \\mathrm{head}_2]_{${I}}\\, W_O^{\\top} = ${vec(row(res.attention.concat, i))}\\, W_O^{\\top} = ${vec(row(res.attentionOut, i))} && b_v = b_o = 0`,
      );
      break;
    case 3:
      lines.push(
        `r_{${I}} &= ${x} + \\mathrm{MHA}(x)_{${I}} = ${vec(row(res.input, i))} + ${vec(row(res.attentionOut, i))} = ${vec(row(res.residual1, i))}`,
      );
      break;
    case 4:
      lines.push(...normLines(`r_{${I}}`, row(res.residual1, i), row(res.norm1, i), `x_{1,${I}}`));
      break;
    case 5:
      lines.push(
        `z_{${I}} &= x_{1,${I}} W_1^{\\top} + b_1 = ${vec(row(res.ffHiddenPre, i))} \\\\`,
        `& x_{1,${I}} = ${vec(row(res.norm1, i))},\\quad b_1 = ${vec(parts.b1)}`,
      );
      break;
    case 6: {
      const h = row(res.ffHidden, i);
      const zeros = Array.from(h).filter((v) => v === 0).length;
      lines.push(
        `\\max(0, z_{${I}}) &= \\max\\left(0, ${vec(row(res.ffHiddenPre, i))}\\right) = ${vec(h)} && \\text{${zeros} of ${D_FF} entries are } 0`,
      );
      break;
    }
    case 7:
      lines.push(
        `\\mathrm{FFN}(x_{1,${I}}) &= \\max(0, z_{${I}})\\, W_2^{\\top} = ${vec(row(res.ffOut, i))} && b_2 = 0 \\\\`,
        `r'_{${I}} &= x_{1,${I}} + \\mathrm{FFN}(x_{1,${I}}) = ${vec(row(res.norm1, i))} + ${vec(row(res.ffOut, i))} = ${vec(row(res.residual2, i))}`,
      );
      break;
    default:
      lines.push(...normLines(`r'_{${I}}`, row(res.residual2, i), row(res.output, i), `y_{${I}}`));
  }
  return ["\\begin{aligned}", ...lines, "\\end{aligned}"].join("\n");
}
