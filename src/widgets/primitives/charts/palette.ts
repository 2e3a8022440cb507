/**
 * The site's two colour scales, both colour-blind safe and defined for the light and the dark
 * theme by CSS variables (`charts.css`):
 *
 * - sequential, for weights and other non-negative amounts: one hue whose lightness changes
 *   monotonically from `--seq-lo` to `--seq-hi`;
 * - diverging, for signed values: orange (`--div-neg`) through a neutral middle (`--div-mid`) to
 *   blue (`--div-pos`); blue against orange stays distinct under every common colour-vision
 *   deficiency.
 *
 * Colours are mixed by the browser (`color-mix` in OKLab), so a chart switches with the theme.
 */
export type PaletteKind = "sequential" | "diverging";

/** Position of `v` on the scale: 0…1 for sequential, −1…1 for diverging. */
export function paletteT(v: number, kind: PaletteKind, domain: [number, number]): number {
  const [lo, hi] = domain;
  if (kind === "diverging") {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return Math.max(-1, Math.min(1, v / m));
  }
  return Math.max(0, Math.min(1, (v - lo) / (hi - lo || 1)));
}

/** The CSS colour of one value. */
export function paletteColour(v: number, kind: PaletteKind, domain: [number, number]): string {
  return colourAt(paletteT(v, kind, domain), kind);
}

/** The CSS colour at a scale position (0…1 sequential, −1…1 diverging). */
export function colourAt(t: number, kind: PaletteKind): string {
  if (kind === "diverging") {
    const p = Math.round(Math.abs(t) * 100);
    return `color-mix(in oklab, var(${t < 0 ? "--div-neg" : "--div-pos"}) ${p}%, var(--div-mid))`;
  }
  return `color-mix(in oklab, var(--seq-hi) ${Math.round(t * 100)}%, var(--seq-lo))`;
}

/** Whether text on a cell of this value needs the strong (contrasting) colour. */
export function needsStrongText(v: number, kind: PaletteKind, domain: [number, number]): boolean {
  return Math.abs(paletteT(v, kind, domain)) > 0.55;
}

/** Evenly spaced stops of a scale, for a legend gradient. */
export function legendStops(kind: PaletteKind, n = 9): { offset: number; colour: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const f = i / (n - 1);
    return { offset: f, colour: colourAt(kind === "diverging" ? 2 * f - 1 : f, kind) };
  });
}

/** The domain a matrix is coloured over when none is given: its extent (symmetric if diverging). */
export function autoDomain(values: Iterable<number>, kind: PaletteKind): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [0, 1];
  if (kind === "diverging") {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}
