import { xlnetMasks } from "../../../lib";
import { fields } from "../primitives/urlState";

/** The state a link to the XLNet widget reproduces. */
export const xlnetSpec = {
  order: fields.text("3 2 4 1", { maxLength: 40, ascii: true }),
  shuffles: fields.int(0, 0, 99999),
  /** The position (0-based) whose mask rows the equation writes out. */
  pos: fields.int(3, 0, 7),
};

export type ParsedOrder = { ok: true; order: number[] } | { ok: false; error: string };

/** Parse "3 2 4 1" (1-based positions in the order they are predicted) into 0-based positions. */
export function parseOrder(text: string): ParsedOrder {
  const long = xlnetSpec.order.message(text, "The order");
  if (long) return { ok: false, error: long };
  const parts = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (parts.length < 2 || parts.length > 8)
    return { ok: false, error: "Give 2 to 8 positions, e.g. 3 2 4 1." };
  const nums = parts.map(Number);
  if (nums.some((x) => !Number.isInteger(x))) return { ok: false, error: "Positions must be whole numbers." };
  try {
    const order = nums.map((x) => x - 1);
    xlnetMasks(order); // throws unless the order is a permutation
    return { ok: true, order };
  } catch {
    return { ok: false, error: `Use each of 1…${nums.length} exactly once.` };
  }
}

const x = (p: number) => `x_{${p + 1}}`;

/**
 * The equation of one position under the order z: the factorisation of p(x), the position's rank,
 * which tokens its query stream g and content stream h may read (the others get weight 0), and
 * the two mask rows.
 */
export function xlnetTex(order: number[], position: number): string {
  const n = order.length;
  const i = Math.min(position, n - 1);
  const { rank, content, query } = xlnetMasks(order);
  const t = rank[i] + 1;
  const before = order.slice(0, rank[i]);
  const factors = order
    .map((p, k) => (k === 0 ? `p(${x(p)})` : `p(${x(p)} \\mid ${order.slice(0, k).map(x).join(", ")})`))
    .join("\\, ");
  const row = (m: boolean[][]) => `\\left[${m[i].map(Number).join(",\\ ")}\\right]`;
  const sees = before.length > 0 ? before.map(x).join(", ") : "\\text{nothing}";
  return [
    "\\begin{aligned}",
    `z &= (${order.map((p) => p + 1).join(", ")}) && \\text{the factorisation order} \\\\`,
    `p(\\mathbf{x}) &= ${factors} \\\\`,
    `\\mathrm{rank}(${i + 1}) &= ${t}:\\quad ${x(i)} = x_{z_{${t}}} \\\\`,
    `g_{${i + 1}} &\\leftarrow \\mathrm{Attn}\\big(g_{${i + 1}};\\ ${sees}\\big) && M^{g}_{${i + 1}} = ${row(query)} \\\\`,
    `h_{${i + 1}} &\\leftarrow \\mathrm{Attn}\\big(h_{${i + 1}};\\ ${[...before, i].map(x).join(", ")}\\big) && M^{h}_{${i + 1}} = ${row(content)} \\\\`,
    `\\alpha_{${i + 1}j} &= 0 \\text{ where } M_{${i + 1}j} = 0 && \\text{masked: later in the order, or itself in } g`,
    "\\end{aligned}",
  ].join("\n");
}
