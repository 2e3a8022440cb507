import { ntmAddress, ntmRead, ntmWrite } from "../../../lib";
import { fields } from "../primitives/urlState";
import { type MatrixLimits, formatMatrixText, parseMatrixText } from "../primitives/matrixText";

/** The memory the chapter's worked example uses: six slots of four numbers. */
export const NTM_MEMORY = [
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [1, 1, 0, 0],
  [0, 0, 1, 1],
  [0.5, 0.5, 0.5, 0.5],
];

/** Common shift kernels [s₋ = move forward, s₀ = stay, s₊ = move back] in lib's order. */
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
  memory: fields.text(formatMatrixText(NTM_MEMORY), 2000),
  key: fields.text("1 1 0 0", 400),
  beta: fields.number(5, 0, 50),
  g: fields.number(1, 0, 1),
  prev: fields.int(0, 0, 9),
  shift: fields.choice<(typeof SHIFT_KEYS)[number]>("blur", SHIFT_KEYS),
  custom: fields.text("0.2 0.6 0.2", 200),
  gamma: fields.number(2, 1, 20),
  erase: fields.text("1 1 1 1", 400),
  add: fields.text("0 0 0 1", 400),
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
      },
    };
  } catch (err) {
    return { ok: false, fieldErrors, error: (err as Error).message };
  }
}
