/**
 * The fused batched causal self-attention against finite differences (every input entry, random
 * shapes, head scales including knock-outs) and against torch-style `multiheadAttention` with a
 * causal mask, run one sequence at a time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as ag from "../../../lib/autograd/index";
import { rng } from "../../../lib/core/random";
import { gradCheck } from "./gradcheck";

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

function mat(r: ReturnType<typeof rng>, n: number, m: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: m }, () => r.normal()));
}

/** The identity as a (rows × cols) block of ones on the diagonal shifted by `offset` columns. */
function selector(rows: number, cols: number, offset: number): number[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (j === i + offset ? 1 : 0)),
  );
}

describe("causalSelfAttention", () => {
  it("matches central differences for every entry of q, k and v", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom<"none" | "knock" | "scale">("none", "knock", "scale"),
        seed,
        (B, n, H, hd, kind, s) => {
          const r = rng(s);
          const E = H * hd;
          const headScale =
            kind === "none"
              ? null
              : Array.from({ length: H }, (_, h) => (kind === "knock" ? h % 2 : 0.5 + h));
          const err = gradCheck(
            ([qkv]) => ag.causalSelfAttention(qkv, n, H, { headScale }).output,
            [mat(r, B * n, 3 * E)],
          );
          expect(err).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("equals multiheadAttention with a causal mask, sequence by sequence", () => {
    const r = rng(11);
    const B = 3;
    const n = 5;
    const H = 2;
    const E = 6;
    const x = mat(r, B * n, 3 * E);
    const fused = ag.causalSelfAttention(ag.constant(x), n, H);
    const w = {
      qProjWeight: ag.constant(selector(E, 3 * E, 0)),
      kProjWeight: ag.constant(selector(E, 3 * E, E)),
      vProjWeight: ag.constant(selector(E, 3 * E, 2 * E)),
      outProjWeight: ag.constant(selector(E, E, 0)),
    };
    for (let b = 0; b < B; b++) {
      const seq = ag.constant(x.slice(b * n, (b + 1) * n));
      const ref = ag.multiheadAttention(seq, seq, seq, w, H, { causal: true });
      const got = fused.output.toArray().slice(b * n, (b + 1) * n);
      got.flat().forEach((v, i) => expect(v).toBeCloseTo(ref.output.toArray().flat()[i], 12));
      for (let h = 0; h < H; h++) {
        const want = ref.weightsPerHead[h].toArray().flat();
        const o = (b * H + h) * n * n;
        want.forEach((v, i) => expect(fused.weights[o + i]).toBeCloseTo(v, 12));
      }
    }
  });

  it("a knocked-out head adds nothing but still reports its weights", () => {
    const r = rng(3);
    const x = ag.constant(mat(r, 4, 6)); // one sequence of 4, E = 2, two heads of 1
    const all = ag.causalSelfAttention(x, 4, 2);
    const ko = ag.causalSelfAttention(x, 4, 2, { headScale: [1, 0] });
    for (let i = 0; i < 4; i++) {
      expect(ko.output.data[i * 2]).toBe(all.output.data[i * 2]);
      expect(ko.output.data[i * 2 + 1]).toBe(0);
    }
    expect(ko.weights).toEqual(all.weights);
  });

  it("refuses shapes that do not fit, with both sizes named", () => {
    const x = ag.constant(mat(rng(1), 6, 6));
    expect(() => ag.causalSelfAttention(x, 4, 1)).toThrow(
      /6 rows are not a whole number of sequences of length 4/,
    );
    expect(() => ag.causalSelfAttention(x, 3, 4)).toThrow(/divisible by 4 heads/);
    expect(() => ag.causalSelfAttention(x, 3, 2, { headScale: [1] })).toThrow(/1 entries for 2 heads/);
  });
});
