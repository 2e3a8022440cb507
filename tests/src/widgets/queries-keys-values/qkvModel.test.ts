import { describe, expect, it } from "vitest";
import { formatMatrixText } from "../../../../src/widgets/primitives/matrixText";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import { computeQkv, qkvPresets, qkvSpec } from "../../../../src/widgets/queries-keys-values/qkvModel";

const softmax = (xs: number[]) => {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

describe("QKV widget model", () => {
  it("computes the default state: weights are softmax(QKᵀ/√d_k) and the output their mix of V", () => {
    const r = computeQkv(defaults(qkvSpec));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.result.raw).toEqual([
      [2, 0, 0],
      [0, 1, 2],
    ]);
    const w0 = softmax([2 / 2, 0, 0]); // √d_k = 2
    r.result.weights[0].forEach((w, j) => expect(w).toBeCloseTo(w0[j], 12));
    expect(r.result.output[0][0]).toBeCloseTo(w0[0] + 0.5 * w0[2], 12);
    expect(r.result.tex).toContain("\\operatorname{softmax}");
  });

  it("computes every preset; the worked example gives scores 14 and 12 and weights 0.8808 / 0.1192", () => {
    for (const [name, p] of Object.entries(qkvPresets)) {
      const r = computeQkv({
        ...defaults(qkvSpec),
        Q: formatMatrixText(p.Q),
        K: formatMatrixText(p.K),
        V: formatMatrixText(p.V),
      });
      expect(r.ok, name).toBe(true);
      if (name === "worked" && r.ok) {
        expect(r.result.raw[0]).toEqual([112, 96]);
        expect(r.result.weights[0][0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
      }
    }
  });

  it("reports every field error, and shape errors without the library's name", () => {
    const base = defaults(qkvSpec);
    const bad = computeQkv({ ...base, Q: "1 x", K: "", V: "1 2\n3" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["K", "Q", "V"]);
    const shape = computeQkv({ ...base, Q: "1 2 3" });
    expect(shape.ok).toBe(false);
    if (!shape.ok) {
      expect(shape.error).toMatch(/^Q is 1×3 but K is 3×4/);
      expect(shape.fieldErrors).toEqual({});
    }
  });
});
