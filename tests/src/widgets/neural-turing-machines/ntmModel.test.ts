import { describe, expect, it } from "vitest";
import {
  SHIFT_KERNELS,
  addressingSpec,
  computeAddressing,
  parseKernel,
} from "../../../../src/widgets/neural-turing-machines/ntmModel";
import { defaults } from "../../../../src/widgets/primitives/urlState";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("NTM addressing widget model", () => {
  it("computes the default state: the key 1 1 0 0 finds slot 4, every stage sums to 1", () => {
    const r = computeAddressing(defaults(addressingSpec));
    if (!r.ok) throw new Error(JSON.stringify(r));
    const { content, gated, shifted, sharpened, read, after, memory } = r.result;
    expect(content.indexOf(Math.max(...content))).toBe(3);
    for (const w of [content, gated, shifted, sharpened]) expect(sum(w)).toBeCloseTo(1, 12);
    // g = 1: the gate passes the content weighting through.
    gated.forEach((w, i) => expect(w).toBeCloseTo(content[i], 12));
    // The read is the weighted sum of the slots.
    read.forEach((v, j) => expect(v).toBeCloseTo(sum(memory.map((row, i) => sharpened[i] * row[j])), 12));
    // Erase 1 1 1 1 then add 0 0 0 1: each slot i becomes (1 − w_i)·M_i + w_i·[0, 0, 0, 1].
    after.forEach((row, i) =>
      row.forEach((v, j) =>
        expect(v).toBeCloseTo((1 - sharpened[i]) * memory[i][j] + (j === 3 ? sharpened[i] : 0), 12),
      ),
    );
  });

  it("computes every shift preset and a custom kernel", () => {
    for (const shift of [...Object.keys(SHIFT_KERNELS), "custom"] as const) {
      const r = computeAddressing({ ...defaults(addressingSpec), shift: shift as never });
      expect(r.ok, shift).toBe(true);
    }
    expect(parseKernel("1 2 1")).toEqual({ ok: true, value: [0.25, 0.5, 0.25] });
  });

  it("reports every field error", () => {
    const base = defaults(addressingSpec);
    const errs = (over: Partial<typeof base>) => {
      const r = computeAddressing({ ...base, ...over });
      return r.ok ? null : r.fieldErrors;
    };
    expect(errs({ memory: "1 0 0 0" })).toEqual({ memory: "The memory needs at least two slots (rows)." });
    expect(errs({ memory: "1 x" })?.memory).toMatch(/^The memory/);
    expect(errs({ key: "1 1 0" })).toEqual({
      key: "The key has 3 numbers; it needs 4, one per memory column.",
    });
    expect(errs({ erase: "1 2 0 0" })).toEqual({ erase: "Every erase entry must lie between 0 and 1." });
    expect(errs({ add: "0" })?.add).toMatch(/^The add vector has 1 numbers/);
    expect(errs({ shift: "custom", custom: "1 -1 0" })).toEqual({
      custom: "The custom shift needs three numbers ≥ 0.",
    });
    expect(errs({ shift: "custom", custom: "0 0 0" })).toEqual({
      custom: "The custom shift needs at least one positive number.",
    });
  });
});
