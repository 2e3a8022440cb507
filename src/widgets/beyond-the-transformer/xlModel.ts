import { transformerXLContext, transformerXLMask } from "../../../lib";
import { fields } from "../primitives/urlState";

/** How many segments the widget's stream shows. */
export const SEGMENTS = 6;

/** The state a link to the Transformer-XL widget reproduces. */
export const xlSpec = {
  seg: fields.int(4, 2, 8),
  layers: fields.int(3, 1, 6),
  step: fields.int(2, 0, SEGMENTS - 1),
  /** The query (0-based, within the segment) whose mask row the equation writes out. */
  row: fields.int(2, 0, 7),
};

export interface XLInput {
  seg: number;
  layers: number;
  step: number;
  row: number;
}

export interface XLView {
  seg: number;
  layers: number;
  step: number;
  /** The memory's length: 0 for the first segment, N after it. */
  mem: number;
  /** (N, mem + N) the allow-mask over [memory; segment]. */
  mask: boolean[][];
  /** The last token's reach over L layers, and everything it can depend on. */
  reach: number;
  total: number;
  /** The query of the equation (0-based), clamped to the segment. */
  row: number;
}

/** The mask and the reach of the reader's segment length, depth and step (with `lib/`). */
export function computeXL(s: XLInput): XLView {
  const mem = s.step === 0 ? 0 : s.seg;
  const ctx = transformerXLContext(s.layers, s.seg);
  return {
    seg: s.seg,
    layers: s.layers,
    step: s.step,
    mem,
    mask: transformerXLMask(s.seg, mem),
    reach: ctx.reach,
    total: ctx.total,
    row: Math.min(s.row, s.seg - 1),
  };
}

/**
 * The equation of one query of the segment: what its keys are (the cached memory, with no
 * gradient, then the segment), its mask row, the keys it may not use (their weights are 0), how
 * many it sees, and the reach of the last token over L layers.
 */
export function xlTex(v: XLView): string {
  const I = v.row + 1;
  const tau = v.step + 1;
  const start = v.step * v.seg;
  const bits = (from: number, to: number) => v.mask[v.row].slice(from, to).map(Number).join(",\\ ");
  const row =
    v.mem > 0
      ? `\\left[${bits(0, v.mem)} \\;\\middle|\\; ${bits(v.mem, v.mem + v.seg)}\\right]`
      : `\\left[${bits(0, v.seg)}\\right]`;
  const memory =
    v.mem > 0
      ? `\\tilde h_{${tau}} &= \\left[\\operatorname{SG}(h_{${tau - 1}}) \\circ h_{${tau}}\\right] && \\text{memory: tokens ${start - v.seg + 1}–${start}, no gradient} \\\\`
      : `\\tilde h_{1} &= h_{1} && \\text{first segment: the memory is empty} \\\\`;
  const blocked =
    I < v.seg
      ? `\\alpha_{${I}j} &= 0 \\text{ for } j = s_{${I + 1}}${I + 1 < v.seg ? `, \\dots, s_{${v.seg}}` : ""} && \\text{masked: later tokens of the segment} \\\\`
      : `\\alpha_{${I}j} &> 0 \\text{ for every key} && \\text{the last query sees the whole segment} \\\\`;
  return [
    "\\begin{aligned}",
    memory,
    `M_{${I}} &= ${row} && \\text{keys: ${v.mem > 0 ? "memory, then " : ""}segment} \\\\`,
    blocked,
    `\\text{keys of } s_{${I}} &= N_{\\text{mem}} + ${I} = ${v.mem} + ${I} = ${v.mem + I} \\\\`,
    `\\text{reach} &= N + L \\cdot N = ${v.seg} + ${v.layers} \\cdot ${v.seg} = ${v.total} && \\text{the last token, over } L \\text{ layers}`,
    "\\end{aligned}",
  ].join("\n");
}
