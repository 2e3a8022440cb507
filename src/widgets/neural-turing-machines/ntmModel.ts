import { ntmAddress, ntmRead, ntmWrite } from "../../../lib";
import { fields } from "../primitives/urlState";
import { type MatrixLimits, fmt, formatMatrixText, parseMatrixText } from "../primitives/matrixText";

/** cos(u, v), with a zero vector's norm taken as 10⁻⁸ as in lib's ntmContent. */
function cosine(u: number[], v: number[]): number {
  const dot = u.reduce((a, x, j) => a + x * v[j], 0);
  const norm = (w: number[]) => Math.max(Math.sqrt(w.reduce((a, x) => a + x * x, 0)), 1e-8);
  return dot / (norm(u) * norm(v));
}

/** The memory the chapter's worked example uses: six slots of four numbers. */
export const NTM_MEMORY = [
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [1, 1, 0, 0],
  [0, 0, 1, 1],
  [0.5, 0.5, 0.5, 0.5],
];

/** Common shift kernels [s(+1) = move forward, s(0) = stay, s(−1) = move back] in lib's order. */
export const SHIFT_KERNELS: Record<string, { label: string; s: number[] }> = {
  forward: { label: "Move forward one slot", s: [1, 0, 0] },
  stay: { label: "Stay", s: [0, 1, 0] },
  back: { label: "Move back one slot", s: [0, 0, 1] },
  blur: { label: "Stay, blurred (0.1 0.8 0.1)", s: [0.1, 0.8, 0.1] },
  softforward: { label: "Mostly forward (0.7 0.3 0)", s: [0.7, 0.3, 0] },
};
const SHIFT_KEYS = [...Object.keys(SHIFT_KERNELS), "custom"] as const;

/** The state a link to the addressing widget reproduces. */
export const addressingSpec = {
  memory: fields.text(formatMatrixText(NTM_MEMORY), { maxLength: 480, ascii: true }),
  key: fields.text("1 1 0 0", { maxLength: 120, ascii: true }),
  beta: fields.number(5, 0, 50),
  g: fields.number(1, 0, 1),
  prev: fields.int(0, 0, 9),
  shift: fields.choice<(typeof SHIFT_KEYS)[number]>("blur", SHIFT_KEYS),
  custom: fields.text("0.2 0.6 0.2", { maxLength: 40, ascii: true }),
  gamma: fields.number(2, 1, 20),
  erase: fields.text("1 1 1 1", { maxLength: 120, ascii: true }),
  add: fields.text("0 0 0 1", { maxLength: 120, ascii: true }),
  /** The slot whose weight the equation writes out (clamped to the slots there are). */
  slot: fields.int(3, 0, 9),
};

export type AddressingInput = { [K in keyof typeof addressingSpec]: (typeof addressingSpec)[K]["default"] };
type FieldName = "memory" | "key" | "custom" | "erase" | "add";

export interface AddressingResult {
  memory: number[][];
  wPrev: number[];
  s: number[];
  content: number[];
  gated: number[];
  shifted: number[];
  sharpened: number[];
  read: number[];
  after: number[][];
  /** The cosine similarity of the key to each slot. */
  cos: number[];
  beta: number;
  g: number;
  gamma: number;
  /** The slot the equation writes out. */
  slot: number;
}

export type AddressingOutcome =
  | { ok: true; result: AddressingResult }
  | { ok: false; fieldErrors: Partial<Record<FieldName, string>>; error?: string };

const MEM_LIMITS: MatrixLimits = { maxRows: 10, maxCols: 8, maxAbs: 100 };

function vector(
  text: string,
  name: string,
  n: number,
): { ok: true; value: number[] } | { ok: false; error: string } {
  const p = parseMatrixText(text.replace(/\n/g, " "), name, { maxRows: 1, maxCols: 16, maxAbs: 100 });
  if (!p.ok) return p;
  if (p.value[0].length !== n) {
    return {
      ok: false,
      error: `${name} has ${p.value[0].length} numbers; it needs ${n}, one per memory column.`,
    };
  }
  return { ok: true, value: p.value[0] };
}

/** Parse a custom shift kernel "a b c" and normalise it to sum to 1. */
export function parseKernel(text: string): { ok: true; value: number[] } | { ok: false; error: string } {
  const v = vector(text, "The custom shift", 3);
  if (!v.ok) return v;
  if (v.value.some((x) => x < 0)) return { ok: false, error: "The custom shift needs three numbers ≥ 0." };
  const sum = v.value.reduce((a, b) => a + b, 0);
  if (sum <= 0) return { ok: false, error: "The custom shift needs at least one positive number." };
  return { ok: true, value: v.value.map((x) => x / sum) };
}

/** Parse the reader's memory, key, shift and write vectors; address, read and write with `lib/`. */
export function computeAddressing(st: AddressingInput): AddressingOutcome {
  const fieldErrors: Partial<Record<FieldName, string>> = {};
  // Past a field's limit: its message, and nothing is read.
  const nouns = {
    memory: "The memory",
    key: "The key",
    custom: "The custom shift",
    erase: "The erase vector",
    add: "The add vector",
  };
  for (const f of Object.keys(nouns) as FieldName[]) {
    const long =
      f === "custom" && st.shift !== "custom" ? undefined : addressingSpec[f].message(st[f], nouns[f]);
    if (long) fieldErrors[f] = long;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const mem = parseMatrixText(st.memory, "The memory", MEM_LIMITS);
  if (!mem.ok) return { ok: false, fieldErrors: { memory: mem.error } };
  const M = mem.value;
  if (M.length < 2)
    return { ok: false, fieldErrors: { memory: "The memory needs at least two slots (rows)." } };
  const d = M[0].length;
  const key = vector(st.key, "The key", d);
  const erase = vector(st.erase, "The erase vector", d);
  const add = vector(st.add, "The add vector", d);
  const kernel =
    st.shift === "custom" ? parseKernel(st.custom) : { ok: true as const, value: SHIFT_KERNELS[st.shift].s };
  if (!key.ok) fieldErrors.key = key.error;
  if (!erase.ok) fieldErrors.erase = erase.error;
  else if (erase.value.some((x) => x < 0 || x > 1))
    fieldErrors.erase = "Every erase entry must lie between 0 and 1.";
  if (!add.ok) fieldErrors.add = add.error;
  if (!kernel.ok) fieldErrors.custom = kernel.error;
  if (!key.ok || !erase.ok || !add.ok || !kernel.ok || fieldErrors.erase) return { ok: false, fieldErrors };
  const wPrev = M.map((_, i) => (i === Math.min(st.prev, M.length - 1) ? 1 : 0));
  try {
    const head = { k: key.value, beta: st.beta, g: st.g, s: kernel.value, gamma: st.gamma };
    const a = ntmAddress(M, head, wPrev);
    const read = ntmRead(M, a.sharpened);
    const after = ntmWrite(M, a.sharpened, erase.value, add.value).toArray();
    return {
      ok: true,
      result: {
        memory: M,
        wPrev,
        s: kernel.value,
        content: Array.from(a.content),
        gated: Array.from(a.gated),
        shifted: Array.from(a.shifted),
        sharpened: Array.from(a.sharpened),
        read: Array.from(read),
        after,
        cos: M.map((row) => cosine(key.value, row)),
        beta: st.beta,
        g: st.g,
        gamma: st.gamma,
        slot: Math.min(st.slot, M.length - 1),
      },
    };
  } catch (err) {
    return { ok: false, fieldErrors, error: (err as Error).message };
  }
}

/**
 * The four addressing stages for the chosen slot i, with the widget's numbers: the content weight
 * (numerator and denominator both divided by exp(β·max cos), as the softmax is computed), the
 * gate, the shift (the neighbours wrap around the ends) and the sharpening (over Σⱼ w̃(j)ᵞ).
 */
export function addressingTex(r: AddressingResult): string {
  const n = r.memory.length;
  const i = r.slot;
  const f = (x: number) => fmt(x, 3);
  // The softmax as lib computes it, shifted by the best cosine so no exponential overflows.
  const top = Math.max(...r.cos);
  const Z = r.cos.reduce((a, c) => a + Math.exp(r.beta * (c - top)), 0);
  const S = r.shifted.reduce((a, x) => a + x ** r.gamma, 0);
  const before = (i - 1 + n) % n;
  const after = (i + 1) % n;
  const [fw, stay, back] = r.s;
  const lines = [
    [
      `w^{c}(${i}) &= \\frac{\\exp\\big(\\beta \\cos(k, M(${i}))\\big)}{\\sum_j \\exp\\big(\\beta \\cos(k, M(j))\\big)}`,
      `\\frac{\\exp\\big(${f(r.beta)} \\cdot (${f(r.cos[i])} - ${f(top)})\\big)}{\\sum_j \\exp\\big(${f(r.beta)} \\cdot (\\cos(k, M(j)) - ${f(top)})\\big)} = \\frac{${f(Math.exp(r.beta * (r.cos[i] - top)))}}{${f(Z)}} = ${f(r.content[i])}`,
    ],
    [
      `w^{g}(${i}) &= g\\, w^{c}(${i}) + (1 - g)\\, w_{t-1}(${i})`,
      `${f(r.g)} \\cdot ${f(r.content[i])} + ${f(1 - r.g)} \\cdot ${f(r.wPrev[i])} = ${f(r.gated[i])}`,
    ],
    [
      `\\tilde w(${i}) &= s(+1)\\, w^{g}(${before}) + s(0)\\, w^{g}(${i}) + s(-1)\\, w^{g}(${after})`,
      `${f(fw)} \\cdot ${f(r.gated[before])} + ${f(stay)} \\cdot ${f(r.gated[i])} + ${f(back)} \\cdot ${f(r.gated[after])} = ${f(r.shifted[i])}`,
    ],
    [
      `w(${i}) &= \\frac{\\tilde w(${i})^{\\gamma}}{\\sum_j \\tilde w(j)^{\\gamma}}`,
      `\\frac{(${f(r.shifted[i])})^{${f(r.gamma)}}}{${f(S)}} = ${f(r.sharpened[i])}`,
    ],
  ];
  return [
    "\\begin{aligned}",
    lines.map(([sym, num]) => `${sym} \\\\\n&= ${num}`).join(" \\\\\n"),
    "\\end{aligned}",
  ].join("\n");
}
