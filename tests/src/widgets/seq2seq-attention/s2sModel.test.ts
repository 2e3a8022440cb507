import { describe, expect, it } from "vitest";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  INPUTS,
  SOURCE,
  STEPS,
  TARGET,
  VARIANTS,
  computeS2s,
  s2sSpec,
  stepSummary,
  stepTex,
} from "../../../../src/widgets/seq2seq-attention/s2sModel";
import { expectLinkFieldErrors } from "../linkFieldErrors";
import { dot, softmax } from "../../claims/independent";

type M = number[][];
const arr = (m: unknown): M => (m as { toArray(): M }).toArray();
const mv = (m: M, x: number[]) => m.map((row) => dot(row, x));
const tanh = (x: number[]) => x.map(Math.tanh);
const add = (a: number[], b: number[]) => a.map((v, i) => v + b[i]);
const oneHot = (n: number, i: number) => Array.from({ length: n }, (_, j) => Number(i === j));

/**
 * The toy translation recomputed in plain arrays from the model's weights: the tanh encoder, then
 * every decoder step of the chosen variant (the chapter's equations), with teacher forcing.
 */
function recompute(tr: ReturnType<typeof computeS2s>) {
  const enc = { Wx: arr(tr.encoder.Wx), Wh: arr(tr.encoder.Wh) };
  let h = [0, 0, 0, 0];
  const H = SOURCE.map((_, i) => (h = tanh(add(mv(enc.Wx, oneHot(4, i)), mv(enc.Wh, h)))));
  const d = tr.decoder;
  const U = arr(d.rnn.Wx);
  const Wh = arr(d.rnn.Wh);
  let s = Array.from(tr.s0);
  return {
    H,
    steps: INPUTS.map((_, t) => {
      const y = oneHot(5, t);
      if (tr.variant === "bahdanau") {
        const [W1, W2, v] = [arr(d.W1), arr(d.W2), Array.from(d.v as Float64Array)];
        const e = H.map((hi) => dot(v, tanh(add(mv(W1, hi), mv(W2, s)))));
        const a = softmax(e);
        const c = [0, 1, 2, 3].map((j) => a.reduce((sum, ai, i) => sum + ai * H[i][j], 0));
        s = tanh(add(mv(U, [...y, ...c]), mv(Wh, s)));
        return { e, a, c, state: s, attentional: null };
      }
      const [Wa, Wc] = [arr(d.Wa), arr(d.Wc)];
      s = tanh(add(mv(U, y), mv(Wh, s)));
      const e = H.map((hi) => dot(s, mv(Wa, hi)));
      const a = softmax(e);
      const c = [0, 1, 2, 3].map((j) => a.reduce((sum, ai, i) => sum + ai * H[i][j], 0));
      return { e, a, c, state: s, attentional: tanh(mv(Wc, [...c, ...s])) };
    }),
  };
}

const close = (got: ArrayLike<number>, want: number[], at: string) => {
  expect(got.length, at).toBe(want.length);
  want.forEach((w, i) => expect(got[i], `${at} [${i}]`).toBeCloseTo(w, 12));
};

function expectRecomputed(tr: ReturnType<typeof computeS2s>, at: string) {
  const want = recompute(tr);
  want.H.forEach((h, i) => close(tr.H.row(i), h, `${at} h${i + 1}`));
  want.steps.forEach((w, t) => {
    const got = tr.result.steps[t];
    close(got.scores, w.e, `${at} e${t + 1}`);
    close(got.weights, w.a, `${at} α${t + 1}`);
    close(got.context, w.c, `${at} c${t + 1}`);
    close(got.state, w.state, `${at} s${t + 1}`);
    if (w.attentional) close(got.attentional!, w.attentional, `${at} s̃${t + 1}`);
    else expect(got.attentional).toBeNull();
  });
}

describe("step decoder widget model", () => {
  it("computes the default state: Bahdanau with hand-set weights attends A, B, C, C, <EOS> as it writes W X Y Z <EOS>", () => {
    const s = defaults(s2sSpec);
    expect(s).toEqual({ variant: "bahdanau", weights: "hand", seed: 1, step: 1 });
    const tr = computeS2s(s);
    expectRecomputed(tr, "default");
    // s₀ = tanh(2 · h₄'s <EOS> axis) on the A axis.
    close(tr.s0, [Math.tanh(2 * tr.H.get(3, 3)), 0, 0, 0], "s0");
    const argmax = tr.result.steps.map((st) => Array.from(st.weights).indexOf(Math.max(...st.weights)));
    expect(argmax.map((i) => SOURCE[i])).toEqual(["A", "B", "C", "C", "<EOS>"]);
    const w1 = tr.result.steps[0].weights;
    expect(stepSummary(tr, 1)).toBe(
      `Step 1 of 5: reading <EOS> to emit W, the decoder attends most to A (${w1[0].toFixed(2)}).`,
    );
    expect(stepSummary(tr, 0)).toBe("No decoder step yet: the encoder has read A B C <EOS>.");
    const tex = stepTex(tr, 1);
    expect(tex).toContain(
      `e_{1} &= [${Array.from(tr.result.steps[0].scores, (x) => x.toFixed(2)).join(",\\ ")}]`,
    );
    expect(tex).toContain(
      `\\alpha_{1} &= \\operatorname{softmax}(e_{1}) = [${Array.from(w1, (x) => x.toFixed(2)).join(",\\ ")}]`,
    );
    expect(tex).toContain("v^\\top \\tanh(W_1 h_i + W_2 s_{0})");
  });

  it("computes every variant with both weight choices, and every step's equation and summary", () => {
    for (const variant of VARIANTS)
      for (const weights of ["hand", "random"] as const)
        for (const seed of weights === "hand" ? [1] : [1, 2, 999999]) {
          const at = `${variant}, ${weights}, seed ${seed}`;
          const tr = computeS2s({ variant, weights, seed, step: STEPS });
          expectRecomputed(tr, at);
          for (let t = 1; t <= STEPS; t++) {
            const w = Array.from(tr.result.steps[t - 1].weights);
            const top = w.indexOf(Math.max(...w));
            expect(stepSummary(tr, t), at).toBe(
              `Step ${t} of 5: reading ${INPUTS[t - 1]} to emit ${TARGET[t - 1]}, the decoder attends most to ${SOURCE[top]} (${w[top].toFixed(2)}).`,
            );
            const tex = stepTex(tr, t);
            expect(tex, at).toContain(`\\alpha_{${t}} &= \\operatorname{softmax}(e_{${t}})`);
            expect(tex, at).toContain(variant === "luong" ? `\\tilde s_{${t}}` : `s_{${t - 1}}`);
          }
          if (weights === "hand") {
            const argmax = tr.result.steps.map((st) =>
              Array.from(st.weights).indexOf(Math.max(...st.weights)),
            );
            expect(argmax, at).toEqual([0, 1, 2, 2, 3]);
          }
        }
    // Another seed gives other random weights.
    const a = computeS2s({ variant: "luong", weights: "random", seed: 1, step: 1 });
    const b = computeS2s({ variant: "luong", weights: "random", seed: 2, step: 1 });
    expect(Array.from(a.result.steps[0].weights)).not.toEqual(Array.from(b.result.steps[0].weights));
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("s2s", s2sSpec, {
      variant: { value: "dot", says: '"dot" is not one of bahdanau, luong' },
      weights: { value: "trained", says: '"trained" is not one of hand, random' },
      seed: { value: "1e9", says: "1000000000 is outside [0, 1000000]" },
      step: { value: "6", says: "6 is outside [0, 5]" },
    });
  });
});
