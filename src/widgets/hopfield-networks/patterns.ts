import { rng } from "../../../lib";

/** The pixel grid is SIDE × SIDE neurons. */
export const SIDE = 10;
export const N = SIDE * SIDE;

const art = (rows: string[]) =>
  rows
    .join("")
    .split("")
    .map((c) => (c === "#" ? 1 : -1));

/** Three patterns to start from: two letters that overlap a lot (T and I) and a ring. */
export const PRESETS: number[][] = [
  art([
    "##########",
    "##########",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
  ]),
  art([
    "..######..",
    "..######..",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
    "....##....",
    "..######..",
    "..######..",
  ]),
  art([
    "..........",
    "...####...",
    "..#....#..",
    ".#......#.",
    ".#......#.",
    ".#......#.",
    ".#......#.",
    "..#....#..",
    "...####...",
    "..........",
  ]),
];

/** A ±1 pattern as 25 hex digits (bit 1 = on), most significant pixel first. */
export function toHex(p: ArrayLike<number>): string {
  let s = "";
  for (let i = 0; i < p.length; i += 4) {
    let v = 0;
    for (let b = 0; b < 4; b++) v = (v << 1) | (p[i + b] > 0 ? 1 : 0);
    s += v.toString(16);
  }
  return s;
}

/** Parse 25 hex digits back into a ±1 pattern; null if malformed. */
export function fromHex(h: string): number[] | null {
  if (!/^[0-9a-f]{25}$/i.test(h)) return null;
  const out: number[] = [];
  for (const c of h) {
    const v = parseInt(c, 16);
    for (let b = 3; b >= 0; b--) out.push((v >> b) & 1 ? 1 : -1);
  }
  return out;
}

/** Parse a comma-separated list of hex patterns. */
export function parsePatternList(
  text: string,
): { ok: true; value: number[][] } | { ok: false; error: string } {
  const parts = text.split(",").filter((s) => s !== "");
  if (parts.length === 0) return { ok: false, error: "No patterns are stored: draw one and press Store." };
  if (parts.length > 8)
    return { ok: false, error: `${parts.length} patterns; at most 8 can be stored here.` };
  const value: number[][] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = fromHex(parts[i]);
    if (!p) return { ok: false, error: `Stored pattern ${i + 1} is not 25 hex digits.` };
    value.push(p);
  }
  return { ok: true, value };
}

export const PRESET_LIST = PRESETS.map(toHex).join(",");

/** Flip round(noise·N) distinct pixels, chosen with a seeded shuffle, so a link reproduces the damage. */
export function corrupt(p: readonly number[], noise: number, seed: number): number[] {
  const r = rng(seed);
  const idx = p.map((_, i) => i);
  const k = Math.round(noise * p.length);
  for (let f = 0; f < k; f++) {
    const j = f + r.int(p.length - f);
    [idx[f], idx[j]] = [idx[j], idx[f]];
  }
  const out = p.slice();
  for (let f = 0; f < k; f++) out[idx[f]] = -out[idx[f]];
  return out;
}
