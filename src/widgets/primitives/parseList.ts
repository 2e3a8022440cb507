import { excerpt } from "../../../lib/core/excerpt";

/** A list of numbers typed by a reader, or a sentence saying what is wrong with it. */
export type ParsedList = { ok: true; value: number[] } | { ok: false; error: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Parse numbers separated by commas or spaces, with a minimum and maximum count and a size limit.
 * Every problem comes back as a sentence a reader can act on.
 */
export function parseNumberList(
  text: string,
  name: string,
  min: number,
  max: number,
  maxAbs = 1e6,
): ParsedList {
  const cells = text.split(/[\s,;]+/).filter((c) => c !== "");
  if (cells.length === 0) return { ok: false, error: `${name} is empty: type ${min} to ${max} numbers.` };
  const value: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const v = Number(cells[i]);
    if (!NUMBER.test(cells[i]) || !Number.isFinite(v)) {
      return { ok: false, error: `${name}, entry ${i + 1}: "${excerpt(cells[i])}" is not a number.` };
    }
    if (Math.abs(v) > maxAbs)
      return { ok: false, error: `${name}, entry ${i + 1}: ${v} is larger than ${maxAbs} in size.` };
    value.push(v);
  }
  if (value.length < min)
    return { ok: false, error: `${name} has ${value.length} number(s); type at least ${min}.` };
  if (value.length > max)
    return { ok: false, error: `${name} has ${value.length} numbers; at most ${max} are allowed here.` };
  return { ok: true, value };
}

/** A fixed number of decimals without a "-0" (the site's formatter, `format.ts`). */
export { fixed as dec } from "./format";
