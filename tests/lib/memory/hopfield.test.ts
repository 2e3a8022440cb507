import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { modernHopfield, modernHopfieldEnergy } from "../../../lib/memory/hopfield";

const coord = fc.integer({ min: -10, max: 10 }).map((v) => v / 10);

describe("modern Hopfield", () => {
  const X = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  it("averages all patterns for tiny beta and iterates several steps", () => {
    const r = modernHopfield(X, [[0.2, 0.5, 0.3]], { beta: 1e-6 });
    for (const v of r.p.data) expect(v).toBeCloseTo(1 / 3, 6);
    const many = modernHopfield(X, [[0.2, 0.5, 0.3]], { beta: 8, steps: 4 });
    expect(many.history.xi).toHaveLength(4);
    const twice = modernHopfield(X, modernHopfield(X, [[0.2, 0.5, 0.3]], { beta: 8, steps: 3 }).xi, {
      beta: 8,
    });
    expect(Array.from(many.xi.data)).toEqual(Array.from(twice.xi.data));
    expect(() => modernHopfield(X, [[1, 2]])).toThrow(/X is 3×3 but xi is 1×2/);
    expect(() => modernHopfield(X, [[1, 2, 3]], { beta: 0 })).toThrow(/beta/);
  });

  it("energy is lowest at a stored pattern for large beta", () => {
    const [atPattern, between] = modernHopfieldEnergy(
      X,
      [
        [1, 0, 0],
        [0.5, 0.5, 0],
      ],
      20,
    );
    expect(atPattern).toBeLessThan(between);
  });

  it("property: with large beta the update retrieves the closest (max dot product) pattern", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(coord, { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
        fc.array(coord, { minLength: 4, maxLength: 4 }),
        (pats, q) => {
          const dots = pats.map((x) => x.reduce((s, v, i) => s + v * q[i], 0));
          const sorted = [...dots].sort((a, b) => b - a);
          if (sorted[0] - sorted[1] < 0.05) return; // near-ties: a metastable mixture, not one pattern
          const best = dots.indexOf(sorted[0]);
          const r = modernHopfield(pats, [q], { beta: 1e3 });
          expect(r.p.get(0, best)).toBeGreaterThan(1 - 1e-12);
          r.xi.row(0).forEach((v, i) => expect(v).toBeCloseTo(pats[best][i], 10));
        },
      ),
    );
  });
});
