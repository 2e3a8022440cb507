import { describe, expect, it } from "vitest";
import { parseOrder, xlnetSpec, xlnetTex } from "../../../../src/widgets/beyond-the-transformer/xlnetModel";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { expectLinkFieldErrors } from "../linkFieldErrors";

/** The rows of one position written from the chapter's rule: h sees rank ≤ its own, g sees rank < its own. */
function rows(order: number[], i: number): { g: number[]; h: number[] } {
  const rank = (p: number) => order.indexOf(p);
  const n = order.length;
  return {
    g: Array.from({ length: n }, (_, j) => Number(rank(j) < rank(i))),
    h: Array.from({ length: n }, (_, j) => Number(rank(j) <= rank(i))),
  };
}

const texRow = (bits: number[]) => `\\left[${bits.join(",\\ ")}\\right]`;

describe("XLNet widget model", () => {
  it("computes the default order 3 2 4 1: x₄ is predicted third, after x₃ and x₂", () => {
    const s = defaults(xlnetSpec);
    const p = parseOrder(s.order);
    if (!p.ok) throw new Error(p.error);
    expect(p.order).toEqual([2, 1, 3, 0]);
    const tex = xlnetTex(p.order, s.pos);
    expect(tex).toContain("z &= (3, 2, 4, 1)");
    expect(tex).toContain(
      "p(\\mathbf{x}) &= p(x_{3})\\, p(x_{2} \\mid x_{3})\\, p(x_{4} \\mid x_{3}, x_{2})",
    );
    expect(tex).toContain("\\mathrm{rank}(4) &= 3");
    expect(tex).toContain("g_{4} &\\leftarrow \\mathrm{Attn}\\big(g_{4};\\ x_{3}, x_{2}\\big)");
    expect(tex).toContain(`M^{g}_{4} = ${texRow([0, 1, 1, 0])}`);
    expect(tex).toContain(`M^{h}_{4} = ${texRow([0, 1, 1, 1])}`);
  });

  it("computes every order a reader can type (all permutations of 2–5 positions, and 8) at every position", () => {
    const perms = (n: number): number[][] =>
      n === 1
        ? [[0]]
        : perms(n - 1).flatMap((p) =>
            Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]),
          );
    const orders = [2, 3, 4, 5].flatMap(perms).concat([[7, 0, 6, 1, 5, 2, 4, 3]]);
    for (const order of orders) {
      const text = order.map((p) => p + 1).join(order.length % 2 ? ", " : " ");
      const p = parseOrder(text);
      expect(p, text).toEqual({ ok: true, order });
      for (let pos = 0; pos < 8; pos++) {
        const i = Math.min(pos, order.length - 1);
        const { g, h } = rows(order, i);
        const tex = xlnetTex(order, pos);
        expect(tex, `${text} at ${pos + 1}`).toContain(`M^{g}_{${i + 1}} = ${texRow(g)}`);
        expect(tex, `${text} at ${pos + 1}`).toContain(`M^{h}_{${i + 1}} = ${texRow(h)}`);
        expect(tex).toContain(`\\mathrm{rank}(${i + 1}) &= ${order.indexOf(i) + 1}`);
      }
    }
    // The first position predicted sees nothing in its query stream.
    expect(xlnetTex([1, 0], 1)).toContain("\\mathrm{Attn}\\big(g_{2};\\ \\text{nothing}\\big)");
  });

  it("reports every error of the order field", () => {
    const bad = (text: string, error: string) => expect(parseOrder(text), text).toEqual({ ok: false, error });
    bad("", "Give 2 to 8 positions, e.g. 3 2 4 1.");
    bad("1", "Give 2 to 8 positions, e.g. 3 2 4 1.");
    bad("1 2 3 4 5 6 7 8 9", "Give 2 to 8 positions, e.g. 3 2 4 1.");
    bad("1 2.5", "Positions must be whole numbers.");
    bad("1 x 3", "Positions must be whole numbers.");
    bad("1 1 2", "Use each of 1…3 exactly once.");
    bad("1 2 4", "Use each of 1…3 exactly once.");
    bad("0 1", "Use each of 1…2 exactly once.");
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("xlnet", xlnetSpec, {
      order: { value: "1 ".repeat(10_001), says: "is longer than 40 characters (it has 20,002)" },
      shuffles: { value: "100000", says: "100000 is outside [0, 99999]" },
      pos: { value: "8", says: "8 is outside [0, 7]" },
    });
  });
});
