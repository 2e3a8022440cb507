import { matmul, scaledDotProduct } from "../../../lib";
import { type TextLimits, fields } from "../primitives/urlState";
import { fmt, formatMatrixText, parseMatrixText } from "../primitives/matrixText";

/**
 * What the matrix fields take, in ASCII: every preset, the worked example's 64 columns included (a
 * query of 127 characters, keys of 575), with room to edit.
 */
const QV_LIMITS: TextLimits = { maxLength: 320, ascii: true };
const K_LIMITS: TextLimits = { maxLength: 640, ascii: true };

/** The state a link to this widget reproduces. */
export const qkvSpec = {
  Q: fields.text(
    formatMatrixText([
      [2, 0, 0, 0],
      [0, 1, 1, 1],
    ]),
    QV_LIMITS,
  ),
  K: fields.text(
    formatMatrixText([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 1],
    ]),
    K_LIMITS,
  ),
  V: fields.text(
    formatMatrixText([
      [1, 0],
      [0, 1],
      [0.5, 0.5],
    ]),
    QV_LIMITS,
  ),
  tau: fields.number(1, 0.05, 5), // the slider's range
  row: fields.int(0, 0, 7),
};

/** Named presets, including the worked example of the chapter (q·k₁ = 112, q·k₂ = 96, d_k = 64). */
export const qkvPresets: Record<string, { label: string; Q: number[][]; K: number[][]; V: number[][] }> = {
  lookup: {
    label: "Soft dictionary lookup",
    Q: [
      [2, 0, 0, 0],
      [0, 1, 1, 1],
    ],
    K: [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 1],
    ],
    V: [
      [1, 0],
      [0, 1],
      [0.5, 0.5],
    ],
  },
  worked: {
    label: "Worked example (scores 112 and 96, dₖ = 64)",
    Q: [Array(64).fill(1)],
    K: [Array(64).fill(1.75), Array(64).fill(1.5)],
    V: [
      [1, 0],
      [0, 1],
    ],
  },
  plain: {
    label: "Plain soft attention (K = V)",
    Q: [
      [1, 1],
      [3, 0],
    ],
    K: [
      [1, 0],
      [0, 1],
      [1, 1],
    ],
    V: [
      [1, 0],
      [0, 1],
      [1, 1],
    ],
  },
};

export interface QkvInput {
  Q: string;
  K: string;
  V: string;
  tau: number;
  row: number;
}

export interface QkvResult {
  raw: number[][]; // (n_q, n_k) QKᵀ
  weights: number[][]; // (n_q, n_k)
  output: number[][]; // (n_q, d_v)
  dk: number;
  row: number;
  tex: string;
}

export type QkvOutcome =
  | { ok: true; result: QkvResult }
  | { ok: false; fieldErrors: Partial<Record<"Q" | "K" | "V", string>>; error?: string };

/** Parse the reader's matrices and run scaled dot-product attention with `lib/`. */
export function computeQkv(s: QkvInput): QkvOutcome {
  const read = (k: "Q" | "K" | "V") => {
    const long = qkvSpec[k].message(s[k], k);
    return long ? ({ ok: false, error: long } as const) : parseMatrixText(s[k], k);
  };
  const parsed = { Q: read("Q"), K: read("K"), V: read("V") };
  const fieldErrors: Partial<Record<"Q" | "K" | "V", string>> = {};
  for (const k of ["Q", "K", "V"] as const) {
    const p = parsed[k];
    if (!p.ok) fieldErrors[k] = p.error;
  }
  if (!parsed.Q.ok || !parsed.K.ok || !parsed.V.ok) return { ok: false, fieldErrors };
  const Q = parsed.Q.value;
  const K = parsed.K.value;
  const V = parsed.V.value;
  const dk = K[0].length;
  try {
    const r = scaledDotProduct(Q, K, V, { temperature: s.tau });
    const raw = matmul(Q, K, true).toArray(); // (n_q, n_k)
    const weights = r.weights.toArray();
    const output = r.output.toArray();
    const row = Math.min(s.row, Q.length - 1);
    return {
      ok: true,
      result: {
        raw,
        weights,
        output,
        dk,
        row,
        tex: equationTex(raw[row], weights[row], V, output[row], dk, s.tau, row),
      },
    };
  } catch (err) {
    // The library names itself ("scaledDotProduct: …"); the reader needs only the shapes.
    return { ok: false, fieldErrors, error: (err as Error).message.replace(/^\w+: /, "") };
  }
}

const vec = (v: number[]) => `[${v.map((x) => fmt(x, 3)).join(",\\ ")}]`;

function equationTex(
  raw: number[],
  w: number[],
  V: number[][],
  out: number[],
  dk: number,
  tau: number,
  row: number,
): string {
  const i = row + 1;
  const scaled = raw.map((x) => x / (tau * Math.sqrt(dk)));
  const terms = w.map((a, j) => `${fmt(a, 3)}\\,${vec(V[j])}`).join(" + ");
  return [
    "\\begin{aligned}",
    `s_{${i}} &= q_{${i}} K^{\\top} = ${vec(raw)} \\\\`,
    `\\frac{s_{${i}}}{\\tau\\sqrt{d_k}} &= \\frac{${vec(raw)}}{${fmt(tau, 3)}\\cdot\\sqrt{${dk}}} = ${vec(scaled)} \\\\`,
    `\\alpha_{${i}} &= \\operatorname{softmax}\\left(${vec(scaled)}\\right) = ${vec(w)} \\\\`,
    `h_{${i}} &= \\textstyle\\sum_j \\alpha_{${i}j}\\, v_j = ${terms} = ${vec(out)}`,
    "\\end{aligned}",
  ].join("\n");
}
