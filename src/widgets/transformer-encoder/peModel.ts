import { matmul, positionalEncoding } from "../../../lib";
import { sig } from "../primitives/format";
import { fields } from "../primitives/urlState";

export const peSpec = {
  n: fields.int(24, 2, 64),
  d: fields.int(32, 2, 64),
  p: fields.int(8, 0, 63),
  /** The dimension pair (2i, 2i + 1) the equation writes out. */
  i: fields.int(3, 0, 31),
};

export interface PeView {
  pe: number[][]; // (n, d)
  /** PE(p)·PE(q) for every q. */
  sim: number[];
  p: number;
  /** The pair of the equation, clamped to d/2 − 1. */
  i: number;
}

/** The sinusoidal encoding of n positions in d dimensions, and one position's similarity to all. */
export function computePe(s: {
  n: number;
  d: number;
  p: number;
  /** The pair of the equation; 0 when left out. */
  i?: number;
}): { ok: true; view: PeView } | { ok: false; error: string } {
  if (s.d % 2 !== 0)
    return { ok: false, error: `d must be even (sines and cosines come in pairs); ${s.d} is odd.` };
  const pe = positionalEncoding(s.n, s.d); // (n, d)
  const p = Math.min(s.p, s.n - 1);
  const sim = Array.from(matmul(pe, pe, true).row(p)); // (n)
  return { ok: true, view: { pe: pe.toArray(), sim, p, i: Math.min(s.i ?? 0, s.d / 2 - 1) } };
}

/**
 * PE(p, 2i) and PE(p, 2i + 1) at the reference position and the chosen pair, with the numbers
 * substituted: the frequency, the angle, and the two codes (3 significant digits, as the map).
 */
export function peTex(v: PeView): string {
  const d = v.pe[0].length;
  const { p, i } = v;
  const omega = 1 / 10000 ** ((2 * i) / d);
  const angle = p * omega;
  return [
    "\\begin{aligned}",
    `\\omega_{${i}} &= \\frac{1}{10000^{2i/d}} = \\frac{1}{10000^{${2 * i}/${d}}} = ${sig(omega, 4)} \\\\`,
    `\\mathrm{PE}(${p}, ${2 * i}) &= \\sin(p\\, \\omega_{${i}}) = \\sin(${p} \\cdot ${sig(omega, 4)}) = \\sin(${sig(angle, 4)}) = ${sig(v.pe[p][2 * i], 3)} \\\\`,
    `\\mathrm{PE}(${p}, ${2 * i + 1}) &= \\cos(p\\, \\omega_{${i}}) = \\cos(${sig(angle, 4)}) = ${sig(v.pe[p][2 * i + 1], 3)}`,
    "\\end{aligned}",
  ].join("\n");
}
