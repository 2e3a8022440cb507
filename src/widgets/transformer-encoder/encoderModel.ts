import { Matrix, encoderLayer, positionalEncoding, rng, wordTokens } from "../../../lib";
import { fields } from "../primitives/urlState";

export const D = 4;
export const D_FF = 8;
export const HEADS = 2;

export const encoderSpec = {
  text: fields.text("I love attention", 200),
  seed: fields.int(5, 0, 99999),
  step: fields.int(0, 0, 8),
};

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
}): { ok: true; stages: Stage[]; tokens: string[] } | { ok: false; error: string } {
  const typed = wordTokens(s.text);
  const tokens = typed.map((t) => t.text); // shown as typed
  if (tokens.length < 2 || tokens.length > 6)
    return { ok: false, error: `Type 2 to 6 words; you typed ${tokens.length}.` };
  const X = typed.map(({ word }) => {
    const r = rng(wordSeed(word, s.seed));
    return Array.from({ length: D }, () => Number(r.normal().toFixed(2)));
  }); // (n, d)
  const pe = positionalEncoding(tokens.length, D).toArray(); // (n, d)
  const input = X.map((row, i) => row.map((x, j) => x + pe[i][j])); // (n, d)
  const r = rng(s.seed * 31 + 7);
  const mat = (rows: number, cols: number, scale: number) =>
    Matrix.fromFn(rows, cols, () => r.normal() * scale); // (rows, cols)
  const res = encoderLayer(
    input,
    {
      selfAttn: { inProjWeight: mat(3 * D, D, 0.7), outProjWeight: mat(D, D, 0.5) },
      ff: {
        w1: mat(D_FF, D, 0.6),
        b1: Array.from({ length: D_FF }, () => r.normal() * 0.1),
        w2: mat(D, D_FF, 0.4),
      },
    },
    { numHeads: HEADS },
  );
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
      note: `Each row now has mean ≈ ${n1[0].mean.toFixed(3)} and variance ≈ ${n1[0].v.toFixed(3)} (row 1).`,
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
  return { ok: true, stages, tokens };
}
