import { describe, expect, it } from "vitest";
import * as ag from "../../../lib/autograd/index";
import { rng } from "../../../lib/core/random";

/**
 * A small GRU encoder with dot attention and a classifier, initialised and fed from one seed,
 * trained `steps` steps with clipping and Adam; returns every parameter's values.
 */
function train(seed: number, steps: number): Float64Array[] {
  const r = rng(seed);
  const V = 6;
  const E = 4;
  const H = 5;
  const B = 3;
  const T = 4;
  const emb = ag.normalParam(V, E, r, 1);
  const cell = {
    weightIh: ag.uniformParam(3 * H, E, r, 1 / Math.sqrt(H)),
    weightHh: ag.uniformParam(3 * H, H, r, 1 / Math.sqrt(H)),
    biasIh: ag.uniformParam(1, 3 * H, r, 1 / Math.sqrt(H)),
    biasHh: ag.uniformParam(1, 3 * H, r, 1 / Math.sqrt(H)),
  };
  const out = ag.uniformParam(V, H, r, 1 / Math.sqrt(H));
  const params = [emb, cell.weightIh, cell.weightHh, cell.biasIh, cell.biasHh, out];
  const opt = new ag.Adam(params, { lr: 0.05, weightDecay: 1e-4 });
  for (let s = 0; s < steps; s++) {
    const tokens = Array.from({ length: T * B }, () => r.int(V)); // time-major
    let h = ag.zeros(B, H);
    const states: ag.Tensor[] = [];
    for (let t = 0; t < T; t++) {
      h = ag.gruCell(ag.embedding(emb, tokens.slice(t * B, (t + 1) * B)), h, cell);
      states.push(h);
    }
    // Each sequence attends over its own states with its last state as the query.
    const contexts: ag.Tensor[] = [];
    for (let b = 0; b < B; b++) {
      const keys = ag.concat(
        states.map((st) => ag.sliceRows(st, b, b + 1)),
        0,
      ); // (T, H)
      const q = ag.sliceRows(h, b, b + 1);
      contexts.push(ag.scaledDotProductAttention(q, keys, keys).output);
    }
    const logits = ag.linear(ag.concat(contexts, 0), out); // (B, V)
    const loss = ag.crossEntropy(
      logits,
      tokens.slice(0, B).map((x) => (x + 1) % V),
    );
    opt.zeroGrad();
    loss.backward();
    ag.clipGradientsByNorm(params, 1);
    opt.step();
  }
  return params.map((p) => p.data.slice());
}

describe("determinism", () => {
  it("the same seed gives bit-identical weights after N steps", () => {
    const a = train(7, 25);
    const b = train(7, 25);
    expect(a.length).toBe(b.length);
    for (let k = 0; k < a.length; k++) {
      expect(Buffer.from(a[k].buffer).equals(Buffer.from(b[k].buffer))).toBe(true);
    }
  });

  it("another seed gives other weights", () => {
    const a = train(7, 5);
    const b = train(8, 5);
    expect(Array.from(a[0])).not.toEqual(Array.from(b[0]));
  });
});
