import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../../lib/core/fingerprint";

/** FNV-1a (32 bits) written from its definition, over explicit little-endian bytes. */
function byDefinition(arrays: number[][]): string {
  const bytes: number[] = [];
  for (const a of arrays) {
    const v = new DataView(new ArrayBuffer(4 + 8 * a.length));
    v.setUint32(0, a.length, true);
    a.forEach((x, i) => v.setFloat64(4 + 8 * i, x, true));
    bytes.push(...new Uint8Array(v.buffer));
  }
  let h = 2166136261n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 16777619n) % 2n ** 32n;
  return h.toString(16).padStart(8, "0");
}

describe("fingerprint", () => {
  it("is FNV-1a over each array's length and little-endian IEEE 754 bytes", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double(), { maxLength: 12 }), { maxLength: 4 }), (arrays) => {
        expect(fingerprint(arrays.map((a) => Float64Array.from(a)))).toBe(byDefinition(arrays));
      }),
      { numRuns: 200 },
    );
  });

  it("tells one bit apart, −0 from 0, and where the arrays split; reads views without their neighbours", () => {
    const one = fingerprint([Float64Array.of(1)]);
    expect(fingerprint([Float64Array.of(1 + 2 ** -52)])).not.toBe(one);
    expect(fingerprint([Float64Array.of(-0)])).not.toBe(fingerprint([Float64Array.of(0)]));
    expect(fingerprint([Float64Array.of(1, 2), Float64Array.of(3)])).not.toBe(
      fingerprint([Float64Array.of(1), Float64Array.of(2, 3)]),
    );
    const big = Float64Array.of(9, 1, 9);
    expect(fingerprint([big.subarray(1, 2)])).toBe(one);
  });
});
