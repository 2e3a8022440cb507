import { describe, expect, it } from "vitest";
import { compileScoreFormula } from "../../../../lib/formula/index";
import { defaults } from "../../../../src/widgets/primitives/urlState";
import {
  BUILT_IN,
  DEFAULT_K,
  DEFAULT_Q,
  FORMULA_EXAMPLES,
  KINDS,
  type Kind,
  computeScores,
  parseScoreInput,
  scoreParams,
  scoreSpec,
} from "../../../../src/widgets/score-functions/scoreModel";
import { expectLinkFieldErrors } from "../linkFieldErrors";
import { dot, softmax } from "../../claims/independent";

const norm = (a: number[]) => Math.sqrt(dot(a, a));
const mv = (m: number[][], x: number[]) => m.map((row) => dot(row, x));

/** Every built-in score of q against k, written from the chapter's formulas with the widget's seeded weights. */
function byHand(kind: Kind, q: number[], k: number[], seed: number): number {
  const p = scoreParams(q.length, seed);
  const [W, W1, W2, v, w] = [p.W.toArray(), p.W1.toArray(), p.W2.toArray(), Array.from(p.v), Array.from(p.w)];
  switch (kind) {
    case "dot":
      return dot(q, k);
    case "scaled_dot":
      return dot(q, k) / Math.sqrt(q.length);
    case "general":
      return dot(q, mv(W, k));
    case "additive":
    case "concat": // [W₂ W₁][q; k] = W₂q + W₁k: the same function
      return dot(
        v,
        mv(W1, k).map((x, a) => Math.tanh(x + mv(W2, q)[a])),
      );
    case "concat_linear":
      return dot(w, [...q, ...k]);
    case "cosine":
      return dot(q, k) / (norm(q) * norm(k));
    default:
      throw new Error(kind);
  }
}

/** The example formulas, computed by hand. */
const EXAMPLES: Record<string, (q: number[], k: number[]) => number> = {
  "-norm(q - k)^2": (q, k) => -q.reduce((a, x, i) => a + (x - k[i]) ** 2, 0),
  "q' * k / sqrt(d)": (q, k) => dot(q, k) / Math.sqrt(q.length),
  "dot(q, k) / 0.5": (q, k) => dot(q, k) / 0.5,
  "-sum(abs(q - k))": (q, k) => -q.reduce((a, x, i) => a + Math.abs(x - k[i]), 0),
  "5 * dot(q, k) / (norm(q) * norm(k))": (q, k) => (5 * dot(q, k)) / (norm(q) * norm(k)),
};

/** The reader's formula as the widget's formula worker scores it (each example compiled once). */
const compiled = new Map<string, ReturnType<typeof compileScoreFormula>>();
const scorer = (expr: string) => {
  if (!compiled.has(expr)) compiled.set(expr, compileScoreFormula(expr));
  const f = compiled.get(expr)!;
  return (q: number[][], K: number[][]) => Float64Array.from(K, (k) => f.evaluate(q[0], k));
};

function expectClose(got: number[], want: number[], at: string) {
  expect(got, at).toHaveLength(want.length);
  want.forEach((x, j) => expect(got[j], `${at} [${j}]`).toBeCloseTo(x, 10));
}

describe("score explorer widget model", () => {
  it("computes the default state: dot scores [2, 6, 12, 0, −2] and their softmax, and every kind in the comparison", () => {
    const s = defaults(scoreSpec);
    expect(s.kind).toBe("dot");
    const o = computeScores(s, null);
    if (!o.ok) throw new Error(JSON.stringify(o));
    expect(o.view.q).toEqual(DEFAULT_Q[0]);
    expect(o.view.K).toEqual(DEFAULT_K);
    expect(o.view.d).toBe(4);
    expect(o.view.scores).toEqual([2, 6, 12, 0, -2]);
    expectClose(o.view.weights, softmax([2, 6, 12, 0, -2]), "weights");
    // No formula yet: the comparison holds the seven built-in kinds.
    expect(Object.keys(o.view.all).sort()).toEqual([...BUILT_IN].sort());
    for (const kind of BUILT_IN)
      expectClose(
        o.view.all[kind]!,
        softmax(DEFAULT_K.map((k) => byHand(kind, DEFAULT_Q[0], k, s.seed))),
        kind,
      );
  });

  it("computes every kind and every example formula, with other vectors and seeds", () => {
    const cases = [
      { q: DEFAULT_Q[0], K: DEFAULT_K, seed: 1 },
      {
        q: [0.5, -1],
        K: [
          [1, 2],
          [-3, 0.25],
          [0, 1],
        ],
        seed: 42,
      },
    ];
    for (const { q, K, seed } of cases) {
      const text = { q: q.join(" "), K: K.map((k) => k.join(" ")).join("\n") };
      for (const kind of KINDS)
        for (const { expr } of kind === "formula" ? FORMULA_EXAMPLES : [FORMULA_EXAMPLES[0]]) {
          const at = `${kind} ${kind === "formula" ? expr : ""}, d = ${q.length}, seed ${seed}`;
          const o = computeScores(
            { ...defaults(scoreSpec), ...text, kind, seed, formula: expr },
            scorer(expr),
          );
          if (!o.ok) throw new Error(`${at}: ${JSON.stringify(o)}`);
          const want = K.map((k) => (kind === "formula" ? EXAMPLES[expr](q, k) : byHand(kind, q, k, seed)));
          expectClose(o.view.scores, want, at);
          expectClose(o.view.weights, softmax(want), at);
          expectClose(o.view.all.formula!, softmax(K.map((k) => EXAMPLES[expr](q, k))), `${at} formula`);
        }
    }
    expect(Object.keys(EXAMPLES).sort()).toEqual(FORMULA_EXAMPLES.map((e) => e.expr).sort());
  });

  it("reports every error of the q and K fields, on its field and naming it", () => {
    const err = (q: string, K: string) => {
      const r = parseScoreInput({ q, K });
      if (r.ok) throw new Error(`${q} / ${K} was accepted`);
      // Nothing is computed from fields that do not parse.
      expect(computeScores({ ...defaults(scoreSpec), q, K }, null)).toEqual(r);
      return r.fieldErrors;
    };
    const K2 = "1 2\n3 4";
    expect(err("1 x", K2)).toEqual({ q: 'q, row 1, entry 2: "x" is not a number.' });
    expect(err("1 2\n3 4", K2)).toEqual({ q: "q has 2 rows; at most 1 are allowed here." });
    expect(err("1e5 1", K2)).toEqual({ q: "q, row 1, entry 1: 100000 is larger than 10000 in size." });
    expect(err("1 ".repeat(17), K2)).toEqual({ q: "q, row 1 has 17 numbers; at most 16 are allowed." });
    expect(err("", K2).q).toMatch(/^q\b/);
    expect(err("1 2", "1\n2 3")).toEqual({
      K: "K, row 2 has 2 numbers but row 1 has 1; every row needs the same count.",
    });
    expect(err("1 2", "1 2\n".repeat(9))).toEqual({ K: "K has 9 rows; at most 8 are allowed here." });
    expect(err("1 2", "1 2 3")).toEqual({
      K: "Give at least two keys (two rows), so there is something to choose between.",
    });
    expect(err("1 2", "1 2 3\n4 5 6")).toEqual({
      K: "Each key needs 2 numbers, like q (d = 2); these have 3.",
    });
    // Both fields wrong: both messages, each on its own field.
    expect(err("NaN 1", "Infinity 2\n1 1")).toEqual({
      q: 'q, row 1, entry 1: "NaN" is not a number.',
      K: 'K, row 1, entry 1: "Infinity" is not a number.',
    });
  });

  it("reports a score that cannot be computed on its field, only for the kind chosen", () => {
    const s = { ...defaults(scoreSpec), kind: "cosine" as const };
    expect(computeScores({ ...s, q: "0 0 0 0" }, null)).toEqual({
      ok: false,
      fieldErrors: { q: "Cosine needs a non-zero query: q is all zeros, so it has no direction." },
    });
    expect(computeScores({ ...s, K: "1 1 1 1\n0 0 0 0" }, null)).toEqual({
      ok: false,
      fieldErrors: { K: "Cosine needs non-zero keys: k2 is all zeros, so it has no direction." },
    });
    // Another kind on a zero query works, and cosine is left out of its comparison.
    const dotZero = computeScores({ ...s, kind: "dot", q: "0 0 0 0" }, null);
    expect(dotZero.ok && dotZero.view.weights).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(dotZero.ok && "cosine" in dotZero.view.all).toBe(false);
    // The formula field: the engine's message, a scorer that throws, or pending while it is scored.
    const f = { ...defaults(scoreSpec), kind: "formula" as const };
    expect(computeScores(f, null, "Unknown symbol x.")).toEqual({
      ok: false,
      fieldErrors: { formula: "Unknown symbol x." },
    });
    expect(
      computeScores(f, () => {
        throw new Error("The formula gives 2 numbers per key; a score is one number.");
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { formula: "The formula gives 2 numbers per key; a score is one number." },
    });
    expect(computeScores(f, null)).toEqual({ ok: false, fieldErrors: {}, pending: true });
    // A formula error does not block a built-in kind.
    expect(computeScores({ ...f, kind: "dot" }, null, "Unknown symbol x.").ok).toBe(true);
  });

  it("reports every field of a corrupted link by name and keeps the defaults", () => {
    expectLinkFieldErrors("sf", scoreSpec, {
      kind: { value: "bilinear", says: '"bilinear" is not one of dot, scaled_dot' },
      q: { value: "1".repeat(20_001), says: "is longer than 160 characters (it has 20,001)" },
      K: { value: "1".repeat(20_001), says: "is longer than 480 characters (it has 20,001)" },
      formula: { value: "q".repeat(2_001), says: "is longer than 800 characters (it has 2,001)" },
      seed: { value: "1.5", says: "1.5 is not a whole number" },
      key: { value: "8", says: "8 is outside [0, 7]" },
    });
  });
});
