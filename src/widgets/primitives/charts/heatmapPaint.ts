/**
 * The site's palettes (palette.ts) painted on a canvas, for a matrix too large for one SVG cell per
 * entry (a 100 × 100 weight matrix, thumbnails redrawn on every training report). The colours are
 * the same CSS variables as the SVG charts' (`--seq-lo`/`--seq-hi`, `--div-neg`/`--div-mid`/
 * `--div-pos`), read through themeColours.ts as the element inherits them (so the dark theme gets
 * its own), and mixed in OKLab as the SVG charts' `color-mix(in oklab, …)` mixes them.
 */
import { themeRgb } from "../themeColours";
import { type PaletteKind, paletteT } from "./palette";

type Rgb = [number, number, number];
type Lab = [number, number, number];

const toLinear = (c: number) => {
  const x = c / 255;
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
};
const toByte = (x: number) => {
  const c = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.max(0, x) ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, c)) * 255);
};

/** sRGB bytes to OKLab (Ottosson 2020, https://bottosson.github.io/posts/oklab/). */
export function rgbToOklab([r8, g8, b8]: Rgb): Lab {
  const [r, g, b] = [toLinear(r8), toLinear(g8), toLinear(b8)];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** OKLab back to sRGB bytes (clipped to the sRGB gamut). */
export function oklabToRgb([L, a, b]: Lab): Rgb {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    toByte(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    toByte(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    toByte(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** `t` of the way from `lo` to `hi`, in OKLab. */
const mix = (lo: Lab, hi: Lab, t: number): Lab => [
  lo[0] + (hi[0] - lo[0]) * t,
  lo[1] + (hi[1] - lo[1]) * t,
  lo[2] + (hi[2] - lo[2]) * t,
];

const steps = 1024;
/** Ramps already mixed, by their two end colours (a theme has three). */
const ramps = new Map<string, Rgb[]>();

/**
 * A palette's colour function as `el` sees the theme now: `(v) => [r, g, b]` for a value over
 * `domain`, the canvas twin of palette.ts's `paletteColour`. 1024 levels per side, looked up.
 */
export function canvasPalette(el: Element, kind: PaletteKind, domain: [number, number]): (v: number) => Rgb {
  const side = (from: string, to: string) => {
    const [lo, hi] = [themeRgb(el, from), themeRgb(el, to)];
    const key = `${lo}/${hi}`;
    let lut = ramps.get(key);
    if (!lut) {
      const [a, b] = [rgbToOklab(lo), rgbToOklab(hi)];
      lut = Array.from({ length: steps + 1 }, (_, k) => oklabToRgb(mix(a, b, k / steps)));
      ramps.set(key, lut);
    }
    return lut;
  };
  if (kind === "sequential") {
    const lut = side("--seq-lo", "--seq-hi");
    return (v) => lut[Math.round(paletteT(v, kind, domain) * steps)];
  }
  const pos = side("--div-mid", "--div-pos");
  const neg = side("--div-mid", "--div-neg");
  return (v) => {
    const t = paletteT(v, kind, domain);
    return (t < 0 ? neg : pos)[Math.round(Math.abs(t) * steps)];
  };
}

/**
 * Paint a rows × cols matrix on `canvas` (resized to one pixel per entry): `value(i, j)` gives an
 * entry, or `null` for a cell left transparent (a key after the query under a causal mask).
 */
export function paintMatrix(
  canvas: HTMLCanvasElement,
  rows: number,
  cols: number,
  value: (i: number, j: number) => number | null,
  colour: (v: number) => Rgb,
): void {
  if (canvas.width !== cols) canvas.width = cols;
  if (canvas.height !== rows) canvas.height = rows;
  const ctx = canvas.getContext("2d");
  if (!ctx || rows === 0 || cols === 0) return;
  const img = ctx.createImageData(cols, rows);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = value(i, j);
      if (v === null || !Number.isFinite(v)) continue;
      const at = (i * cols + j) * 4;
      img.data.set(colour(v), at);
      img.data[at + 3] = 255;
    }
  ctx.putImageData(img, 0, 0);
}
