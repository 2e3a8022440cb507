import { describe, expect, it } from "vitest";
import { explainFormulaError } from "../../../lib/formula/index";
import { handle } from "../../../src/formula/handlers";
import type { EvaluateResult } from "../../../src/formula/protocol";
import { CHAIN_BUDGET_MS, evaluateChain } from "../../../src/notebook/chain";

const evaluate = (source: string, scope: Record<string, EvaluateResult["value"]>) =>
  handle({ type: "evaluate", source, scope }) as EvaluateResult;
const cell = (id: string, source: string, name: string | null, inputs: string[]) => ({
  id,
  source,
  name,
  inputs,
});

describe("a chain of cells evaluated in one worker message", () => {
  it("passes each result to the cells after it, from the given inputs", () => {
    const out = evaluateChain(
      {
        type: "evaluateChain",
        cells: [cell("a", "y = 2 * x", "y", ["x"]), cell("b", "y + x", null, ["x", "y"])],
        scope: { x: { kind: "number", value: 3 } },
      },
      evaluate,
      explainFormulaError,
    );
    expect(out.a).toEqual({ ok: true, result: { value: { kind: "number", value: 6 }, plot: null } });
    expect(out.b).toEqual({ ok: true, result: { value: { kind: "number", value: 9 }, plot: null } });
  });

  it("gives an error to its cell, and skips the cells that read it or a missing input", () => {
    const out = evaluateChain(
      {
        type: "evaluateChain",
        cells: [
          cell("a", "q = zeros(1e5, 1e5)", "q", []),
          cell("b", "q * 2", null, ["q"]),
          cell("c", "w + 1", null, ["w"]),
          cell("d", "1 + 1", null, []),
        ],
        scope: {},
      },
      evaluate,
      explainFormulaError,
    );
    expect(out.a.ok).toBe(false);
    expect(out.a.ok === false && out.a.problem.message).toMatch(/10,000,000,000 entries/);
    expect(out.b).toBeUndefined();
    expect(out.c).toBeUndefined();
    expect(out.d.ok).toBe(true);
  });

  it(`starts no cell after ${CHAIN_BUDGET_MS} ms (the engine evaluates the rest alone)`, () => {
    let t = 0;
    const out = evaluateChain(
      { type: "evaluateChain", cells: [cell("a", "1", null, []), cell("b", "2", null, [])], scope: {} },
      (source, scope) => {
        t += CHAIN_BUDGET_MS + 1;
        return evaluate(source, scope);
      },
      explainFormulaError,
      () => t,
    );
    expect(Object.keys(out)).toEqual(["a"]);
  });
});
