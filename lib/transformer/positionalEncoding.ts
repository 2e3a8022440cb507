import { Matrix, type VectorLike, assertFinite } from "../core/matrix";

/** Options of {@link positionalEncoding}. */
export interface PositionalEncodingOptions {
  /** Wavelength base; default 10000. */
  base?: number;
}

const DEFAULTS = { base: 10000 } as const;

/**
 * Sinusoidal positional encoding (Vaswani et al.) for positions 0…n-1 or for given positions.
 *
 * $$PE_{p,2i} = \sin\!\left(\frac{p}{b^{2i/d}}\right),\qquad PE_{p,2i+1} = \cos\!\left(\frac{p}{b^{2i/d}}\right)$$
 *
 * @example
 * positionalEncoding([0, 1], 2).toArray().map((r) => r.map((x) => +x.toFixed(4)));
 * // returns [[0, 1], [0.8415, 0.5403]]
 *
 * @see {@link encoderLayer}
 */
export function positionalEncoding(
  positions: number | VectorLike,
  dModel: number,
  options: PositionalEncodingOptions = {},
): Matrix {
  const what = "positionalEncoding";
  const { base } = { ...DEFAULTS, ...options };
  const pos =
    typeof positions === "number" ? Float64Array.from({ length: positions }, (_, i) => i) : positions;
  if (typeof positions === "number" && (!Number.isInteger(positions) || positions < 1)) {
    throw new RangeError(`${what}: n must be a positive integer, got ${positions}`);
  }
  if (pos.length === 0) throw new RangeError(`${what}: no positions given`);
  assertFinite(`${what}: positions`, pos);
  if (!Number.isInteger(dModel) || dModel < 1)
    throw new RangeError(`${what}: dModel must be a positive integer, got ${dModel}`);
  if (!(base > 0) || !Number.isFinite(base))
    throw new RangeError(`${what}: base must be positive and finite, got ${base}`);
  const n = pos.length;
  const pe = new Matrix(n, dModel); // (n, d_model)
  const freq = new Float64Array(Math.ceil(dModel / 2));
  for (let i = 0; i < freq.length; i++) freq[i] = Math.pow(base, (2 * i) / dModel);
  for (let r = 0; r < n; r++) {
    const o = r * dModel;
    for (let i = 0; i < freq.length; i++) {
      const angle = pos[r] / freq[i];
      pe.data[o + 2 * i] = Math.sin(angle);
      if (2 * i + 1 < dModel) pe.data[o + 2 * i + 1] = Math.cos(angle);
    }
  }
  return pe;
}
