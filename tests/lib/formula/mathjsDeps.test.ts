import { describe, expect, it } from "vitest";
import * as deps from "../../../lib/formula/mathjsDeps";
import { FORMULA_BUILTINS } from "../../../lib/formula/instance";

describe("lib/formula/mathjsDeps", () => {
  it("imports the factory of every built-in a formula may call", () => {
    const names = new Set(Object.keys(deps));
    const missing = FORMULA_BUILTINS.filter((n) => !names.has(`${n}Dependencies`));
    expect(missing).toEqual([]);
    expect(names.has("parseDependencies") && names.has("evaluateDependencies")).toBe(true);
  });
});
