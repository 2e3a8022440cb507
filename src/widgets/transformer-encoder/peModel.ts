import { matmul, positionalEncoding } from "../../../lib";
import { fields } from "../primitives/urlState";

export const peSpec = {
  n: fields.int(24, 2, 64),
  d: fields.int(32, 2, 64),
  p: fields.int(8, 0, 63),
};

export interface PeView {
  pe: number[][]; // (n, d)
  /** PE(p)·PE(q) for every q. */
  sim: number[];
  p: number;
}

/** The sinusoidal encoding of n positions in d dimensions, and one position's similarity to all. */
export function computePe(s: {
  n: number;
  d: number;
  p: number;
}): { ok: true; view: PeView } | { ok: false; error: string } {
  if (s.d % 2 !== 0)
    return { ok: false, error: `d must be even (sines and cosines come in pairs); ${s.d} is odd.` };
  const pe = positionalEncoding(s.n, s.d); // (n, d)
  const p = Math.min(s.p, s.n - 1);
  const sim = Array.from(matmul(pe, pe, true).row(p)); // (n)
  return { ok: true, view: { pe: pe.toArray(), sim, p } };
}
