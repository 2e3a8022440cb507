/**
 * The one number formatter of the site's widgets, built on `Intl.NumberFormat`: every table,
 * chart label, equation and text alternative prints numbers through it, so one quantity is always
 * shown with the same number of digits. Output is locale-independent ("en-US", no grouping) so
 * links, tests and the typeset equations read the same everywhere, and it never prints "-0".
 */

const cache = new Map<string, Intl.NumberFormat>();

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { useGrouping: false, signDisplay: "negative", ...options });
    cache.set(key, f);
  }
  return f;
}

/** A fixed number of decimals: `fixed(0.5, 3)` → "0.500"; `fixed(-0.0001, 2)` → "0.00". */
export function fixed(v: number, decimals = 3): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  return formatter(`f${decimals}`, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(v);
}

/**
 * A compact number: whole numbers below a million as they are, anything else to at most `digits`
 * significant digits without trailing zeros (`sig(0.33333)` → "0.3333", `sig(2.50)` → "2.5").
 */
export function sig(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return formatter("i", { maximumFractionDigits: 0 }).format(v);
  // Outside everyday magnitudes, JavaScript's short exponent form ("1e-9"), as links and inputs accept.
  if (v !== 0 && (Math.abs(v) >= 1e21 || Math.abs(v) < 1e-6)) return String(Number(v.toPrecision(digits)));
  return formatter(`s${digits}`, { maximumSignificantDigits: digits }).format(v);
}

/** At most `decimals` decimals, trailing zeros dropped: `upTo(0.5, 3)` → "0.5", `upTo(1 / 3, 3)` → "0.333". */
export function upTo(v: number, decimals = 3): string {
  return Number.isFinite(v) ? String(Number(v.toFixed(decimals)) || 0) : nonFinite(v);
}

/**
 * Exactly `digits` significant digits, trailing zeros kept: `precision(0.5, 4)` → "0.5000",
 * `precision(0.012345, 2)` → "0.012".
 */
export function precision(v: number, digits = 4): string {
  return Number.isFinite(v) ? v.toPrecision(digits) : nonFinite(v);
}

/** Scientific notation with a times sign and a superscript exponent: `scientific(123456, 3)` → "1.23 × 10⁵". */
export function scientific(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  const s = formatter(`e${digits}`, {
    notation: "scientific",
    minimumSignificantDigits: digits,
    maximumSignificantDigits: digits,
  }).format(v);
  const [mantissa, exponent] = s.split("E");
  return exponent === undefined || exponent === "0"
    ? mantissa
    : `${mantissa} × 10${superscript(Number(exponent))}`;
}

/** An integer in superscript digits: `superscript(-12)` → "⁻¹²". */
export function superscript(n: number): string {
  return [...String(Math.trunc(n))].map((c) => (c === "-" ? "⁻" : "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(c)])).join("");
}

/** A share in [0, 1] as a percentage: `percent(0.256)` → "26%". */
export function percent(v: number, decimals = 0): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  return formatter(`p${decimals}`, {
    style: "percent",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(v);
}

/**
 * A share in [0, 1] as a percentage with a space before the sign, as the site's prose writes it:
 * `percentSpaced(0.9567, 1)` → "95.7 %".
 */
export function percentSpaced(v: number, decimals = 1): string {
  return Number.isFinite(v) ? `${fixed(100 * v, decimals)} %` : nonFinite(v);
}

/**
 * JavaScript's exponent form with `decimals` digits after the point, for numbers far from 1:
 * `exponential(0.000123, 1)` → "1.2e-4", `exponential(0, 1)` → "0.0e+0".
 */
export function exponential(v: number, decimals = 2): string {
  return Number.isFinite(v) ? v.toExponential(decimals) : nonFinite(v);
}

/**
 * Round a number kept as data (a link value, a notebook cell, a model weight), not shown as text:
 * `roundSignificant(1 / 3, 4)` → 0.3333.
 */
export function roundSignificant(v: number, digits: number): number {
  return Number(v.toPrecision(digits));
}

/** Round a number kept as data to `decimals` decimals: `roundDecimals(1.23456, 2)` → 1.23. */
export function roundDecimals(v: number, decimals: number): number {
  return Number(v.toFixed(decimals));
}

/**
 * A coordinate or style value written into SVG or CSS (never read as a number by a reader), with
 * one decimal by default: `coordinate(12.345)` → "12.3". Plain `toFixed`, fast for long paths.
 */
export function coordinate(v: number, decimals = 1): string {
  return v.toFixed(decimals);
}

function nonFinite(v: number): string {
  return Number.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
}

/**
 * The precision of each kind of quantity the widgets show. A widget formats a quantity with its
 * preset, so the chart, its table, the equation and the text alternative all agree.
 */
export const formats = {
  /** Attention weights and probabilities in [0, 1]. */
  weight: (v: number) => fixed(v, 3),
  /** Scores, logits, energies and other unbounded values. */
  score: (v: number) => sig(v, 4),
  /** Matrix entries typed or derived (queries, keys, values, outputs). */
  entry: (v: number) => sig(v, 4),
} as const;

/**
 * A training loss: three decimals, or the exponent form below 0.001. (Beside `formats`, not in it,
 * so a page without training does not carry the exponent form.)
 */
export const lossText = (v: number) => (v !== 0 && Math.abs(v) < 0.001 ? exponential(v, 2) : fixed(v, 3));

/** A held-out accuracy in [0, 1], as a percentage with one decimal ("95.7 %"). */
export const accuracyText = (v: number) => percentSpaced(v, 1);
