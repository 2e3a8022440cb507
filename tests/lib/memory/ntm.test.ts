import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  NTM_PEER,
  ntmAddress,
  ntmContent,
  ntmInterpolate,
  ntmRead,
  ntmSharpen,
  ntmShift,
  ntmShiftKernel,
  ntmWrite,
} from "../../../lib/memory/ntm";
import { NTMMemory, ntmCopyTask } from "../../../lib/memory/ntmMemory";

const onSimplex = (w: Float64Array): void => {
  let s = 0;
  for (const v of w) {
    expect(v).toBeGreaterThanOrEqual(0);
    s += v;
  }
  expect(s).toBeCloseTo(1, 12);
};

describe("NTM addressing stages", () => {
  it("content addressing focuses on the most similar row as beta grows", () => {
    const M = [
      [1, 0],
      [0.6, 0.8],
      [0, 1],
    ];
    const w = ntmContent(M, [1, 0], 50);
    expect(w[0]).toBeGreaterThan(0.99);
    const cos = [1, 0.6, 0];
    const z = cos.reduce((s, c) => s + Math.exp(2 * c), 0);
    expect(ntmContent(M, [2, 0], 2)[1]).toBeCloseTo(Math.exp(1.2) / z, 14);
    expect(Array.from(ntmContent([[0, 0]], [1, 0], 5))).toEqual([1]);
  });

  it("shifts s[0] forward, s[2r] backward, any odd length, wrapping around", () => {
    expect(Array.from(ntmShift([0, 0, 0, 1], [1, 0, 0]))).toEqual([1, 0, 0, 0]);
    expect(Array.from(ntmShift([1, 0, 0, 0], [0, 0, 1]))).toEqual([0, 0, 0, 1]);
    expect(Array.from(ntmShift([1, 0, 0, 0, 0], ntmShiftKernel(2, 5)))).toEqual([0, 0, 1, 0, 0]);
    expect(Array.from(ntmShift([1, 0, 0, 0, 0], ntmShiftKernel(-1, 5)))).toEqual([0, 0, 0, 0, 1]);
    expect(() => ntmShift([1, 0], [0.5, 0.5])).toThrow(/odd length/);
    expect(() => ntmShift([1, 0], [0.5, 0.6, 0])).toThrow(/sum to 1/);
  });

  it("interpolates, sharpens and validates parameters", () => {
    expect(Array.from(ntmInterpolate([1, 0], [0, 1], 1))).toEqual([1, 0]);
    expect(() => ntmInterpolate([1, 0], [0, 1], 1.5)).toThrow(/\[0, 1\]/);
    expect(Array.from(ntmSharpen([0.5, 0.5], 7))).toEqual([0.5, 0.5]);
    expect(() => ntmSharpen([0.5, 0.5], 0.5)).toThrow(/gamma/);
    expect(() => ntmSharpen([0, 0], 2)).toThrow(/every weight is 0/);
    expect(() => ntmContent([[1, 0]], [1], 1)).toThrow(/length 1, expected 2 to match 1×2/);
  });

  it("reads before writing and writes by erase then add", () => {
    const M = [
      [1, 2],
      [3, 4],
    ];
    expect(Array.from(ntmRead(M, [0.25, 0.75]))).toEqual([2.5, 3.5]);
    expect(ntmWrite(M, [0.5, 0.5], [1, 0], [2, 2]).toArray()).toEqual([
      [1.5, 3],
      [2.5, 5],
    ]);
  });

  it("property: every stage of the pipeline stays on the simplex", () => {
    const n = 6;
    const m = 3;
    const prob = (len: number) =>
      fc
        .array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: len, maxLength: len })
        .map((v) => {
          const s = v.reduce((x, y) => x + y, 0);
          return v.map((x) => x / s);
        });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n * m, maxLength: n * m }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: m, maxLength: m }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof(prob(3), prob(5)),
        fc.double({ min: 1, max: 30, noNaN: true }),
        prob(n),
        (mem, k, beta, g, s, gamma, wPrev) => {
          const M = Array.from({ length: n }, (_, i) => mem.slice(i * m, i * m + m));
          const r = ntmAddress(M, { k, beta, g, s, gamma }, wPrev);
          for (const w of [r.content, r.gated, r.shifted, r.sharpened]) onSimplex(w);
          // the peer's +1e-16 in the sharpening sum leaves sum(w) = 1 − 1e-16/Σw̃^γ, which can be far below 1
          const peer = ntmAddress(M, { k, beta, g, s, gamma }, wPrev, NTM_PEER).sharpened;
          expect(peer.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });
});

describe("NTMMemory and the copy task", () => {
  it("keeps memory and weightings between steps", () => {
    const mem = new NTMMemory(4, 2, { init: 0 });
    const fwd = { k: [0, 0], beta: 0, g: 0, s: ntmShiftKernel(1), gamma: 1 };
    mem.write({ ...fwd, e: [1, 1], a: [1, 2] });
    mem.write({ ...fwd, e: [1, 1], a: [3, 4] });
    expect(mem.memory.toArray()).toEqual([
      [0, 0],
      [1, 2],
      [3, 4],
      [0, 0],
    ]);
    expect(Array.from(mem.writeWeighting)).toEqual([0, 0, 1, 0]);
    expect(() => new NTMMemory(2, 2, { init: [[1, 2]] })).toThrow(/init is 1×2, expected 2×2/);
  });

  it("copies a sequence exactly and records every frame", () => {
    const seq = [
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 0],
    ];
    const r = ntmCopyTask(seq, { slots: 5 });
    expect(r.output.toArray()).toEqual(seq);
    expect(r.frames.map((f) => f.phase)).toEqual(["write", "write", "write", "read", "read", "read"]);
    expect(Array.from(r.frames[0].w)).toEqual([1, 0, 0, 0, 0]);
    expect(r.frames[0].memory.toArray()[1]).toEqual([1e-6, 1e-6, 1e-6]);
    expect(() => ntmCopyTask(seq, { slots: 2 })).toThrow(/2 slots/);
  });
});
