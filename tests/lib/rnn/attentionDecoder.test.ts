import { describe, expect, it } from "vitest";
import { additiveScore, generalScore, normalMatrix, rng } from "../../../lib";
import { attentionDecoder } from "../../../lib/rnn/attentionDecoder";
import { tanhRnnStep } from "../../../lib/rnn/tanhRnn";

const r = rng(3);
const d = 3;
const H = normalMatrix(4, d, r); // (n, d)
const Y = normalMatrix(3, 2, r); // (T, d_y)
const s0 = normalMatrix(1, d, r).row(0);
const bahdanau = {
  rnn: { Wx: normalMatrix(d, 2 + d, r, 0.5), Wh: normalMatrix(d, d, r, 0.5) },
  W1: normalMatrix(5, d, r),
  W2: normalMatrix(5, d, r),
  v: normalMatrix(1, 5, r).row(0),
};
const luong = {
  rnn: { Wx: normalMatrix(d, 2, r, 0.5), Wh: normalMatrix(d, d, r, 0.5) },
  Wa: normalMatrix(d, d, r),
  Wc: normalMatrix(d, 2 * d, r),
};
const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).forEach((x, i) => expect(x).toBeCloseTo(b[i], 10));

describe("attentionDecoder, Bahdanau", () => {
  const res = attentionDecoder(H, Y, s0, bahdanau, "bahdanau");
  it("scores with the previous state, additively", () => {
    let s: ArrayLike<number> = s0;
    res.steps.forEach((step, t) => {
      close(step.query, s);
      for (let i = 0; i < H.rows; i++)
        expect(step.scores[i]).toBeCloseTo(additiveScore(s, H.row(i), bahdanau), 10);
      s = step.state;
      expect(step.attentional).toBeNull();
      expect(t).toBeLessThan(Y.rows);
    });
  });
  it("weights sum to 1, the context is their average of H, and the cell reads [y; c]", () => {
    let s: ArrayLike<number> = s0;
    res.steps.forEach((step, t) => {
      expect(step.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const c = Array.from({ length: d }, (_, j) =>
        step.weights.reduce((acc, w, i) => acc + w * H.get(i, j), 0),
      );
      close(step.context, c);
      close(step.state, tanhRnnStep([...Y.row(t), ...c], s, bahdanau.rnn));
      close(res.alignment.row(t), step.weights);
      s = step.state;
    });
  });
});

describe("attentionDecoder, Luong", () => {
  const res = attentionDecoder(H, Y, s0, luong, "luong");
  it("updates the state first, then scores it with the general score", () => {
    let h: ArrayLike<number> = s0;
    res.steps.forEach((step, t) => {
      const state = tanhRnnStep(Y.row(t), h, luong.rnn);
      close(step.state, state);
      close(step.query, state);
      for (let i = 0; i < H.rows; i++)
        expect(step.scores[i]).toBeCloseTo(generalScore(state, H.row(i), luong.Wa), 10);
      h = state;
    });
  });
  it("builds the attentional state tanh(W_c [c; h])", () => {
    for (const step of res.steps) {
      const ch = [...step.context, ...step.state];
      const expected = Array.from({ length: d }, (_, i) =>
        Math.tanh(ch.reduce((acc, x, j) => acc + luong.Wc.get(i, j) * x, 0)),
      );
      close(step.attentional!, expected);
    }
  });
});

describe("attentionDecoder, errors", () => {
  it("names missing weights and mismatched sizes", () => {
    expect(() => attentionDecoder(H, Y, s0, { rnn: luong.rnn }, "luong")).toThrow(/needs params.Wa/);
    expect(() => attentionDecoder(H, Y, [1, 2], luong, "luong")).toThrow(/s0 has length 2/);
    expect(() => attentionDecoder(H, Y, s0, luong, "other" as "luong")).toThrow(/unknown variant/);
  });
});
