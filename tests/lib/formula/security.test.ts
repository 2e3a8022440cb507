import { describe, expect, it } from "vitest";
import {
  createFormulaMath,
  evaluateFormula,
  FormulaSyntaxError,
  parseFormula,
} from "../../../lib/formula/index";

const fm = createFormulaMath();
const reject = (expr: string, message: RegExp, scope: Record<string, unknown> = {}) =>
  expect(() => fm.evaluate(expr, scope)).toThrow(message);

describe("hostile formulas are rejected with a clear message", () => {
  it.each([
    ["import({x: 1})", "import"],
    ["createUnit('foo')", "createUnit"],
    ["evaluate('1+1')", "evaluate"],
    ["parse('1')", "parse"],
    ["compile('1')", "compile"],
    ["simplify('x')", "simplify"],
    ["derivative('x^2', 'x')", "derivative"],
    ["resolve('x')", "resolve"],
    ["config({number: 'BigNumber'})", "config"],
    ["typed('f', {})", "typed"],
    ["f = evaluate; f('1')", "evaluate"],
    ["g(x) = parse(x); g('1')", "parse"],
  ])("%s", (expr, name) => reject(expr, new RegExp(`Function ${name} is disabled`)));

  it("keeps the host's parse and evaluate working after rejecting them in formulas", () => {
    reject("evaluate('1+1')", /disabled/);
    expect(fm.evaluate("1 + 1")).toBe(2);
    expect(parseFormula("1 + 1").tex).toBe("1+1");
  });

  it("blocks access to constructors and prototypes", () => {
    reject("[].constructor", /No access to property "constructor"/);
    // Calls through a property are refused before they run (method calls are not allowed at all).
    reject('"".constructor.constructor("return process")', /Method calls such as "".constructor.constructor/);
    reject('cos.constructor("return process")', /Method calls such as cos.constructor/);
    reject("sin.__proto__", /No access to property "__proto__"/);
    reject('a = {}; a["__proto__"]', /No access to property "__proto__"/);
  });

  it.each([
    ["zeros(100000, 100000)", /zeros: the result would have 10,000,000,000 entries.*65,536/],
    ["ones(1e6)", /ones: the result would have 1,000,000 entries/],
    ["1:1e9", /range: the result would have 1,000,000,000 entries/],
    ["range(1, 1e9)", /range: the result would have/],
    ["range(1, 2, 0)", /range: the result would have infinitely many entries/],
    ["identity(300)", /identity: the result would have 90,000 entries/],
    ["resize([1], [1000, 1000])", /resize: the result would have 1,000,000 entries/],
    ["kron(ones(256, 256), ones(2, 2))", /kron: the result would have 262,144 entries/],
    ["diag(1:300)", /diag: the result would have 90,000 entries/],
    ["a = ones(256, 256); concat(a, a)", /concat: the result would have 131,072 entries/],
    ["ones(60000, 1) * ones(1, 60000)", /multiply: the result would have 3,600,000,000 entries/],
    ["ones(60000, 1) .* ones(1, 60000)", /dotMultiply: the result would have 3,600,000,000 entries/],
    ["ones(60000, 1) + ones(1, 60000)", /add: the result would have 3,600,000,000 entries/],
    ["random([1000, 1000])", /random: the result would have 1,000,000 entries/],
    ["positionalEncoding(1000, 1000)", /positionalEncoding: the result would have 1,000,000 entries/],
    [
      "attention(ones(300, 2), ones(300, 2), ones(300, 2))",
      /attention: the result would have 90,000 entries/,
    ],
  ])("limits sizes: %s", (expr, message) => {
    expect(() => fm.evaluate(expr)).toThrow(RangeError);
    reject(expr, message);
  });

  it("limits the total work of loops built from map and user functions", () => {
    reject("map(ones(256, 256), f(x) = sum(ones(256, 256)))", /too much work/);
    reject("f(x) = f(x); f(1)", /f: calls itself more than 256 levels deep/);
  });

  it("limits recursion depth with a sentence, not the engine's stack overflow", () => {
    expect(fm.evaluate("f(n) = n < 1 ? 0 : f(n - 1) + 1; f(200)")).toBe(200);
    reject(
      "f(n) = n < 1 ? 0 : f(n - 1) + 1; f(3000)",
      /^f: calls itself more than 256 levels deep; .* needs a case that stops/,
    );
    const shallow = createFormulaMath({ maxDepth: 3 });
    expect(shallow.evaluate("f(n) = n < 1 ? 0 : f(n - 1) + 1; f(2)")).toBe(2);
    expect(() => shallow.evaluate("f(n) = n < 1 ? 0 : f(n - 1) + 1; f(3)")).toThrow(/more than 3 levels/);
    // Deeply nested brackets overflow the parser's stack: reported as a sentence.
    reject(
      `${"(".repeat(5000)}1${")".repeat(5000)}`.slice(0, 1999),
      /The formula is nested too deeply|characters/,
    );
  });

  it.each([
    ["q = [1, 2]; q.resize([1e8])", /Method calls such as q.resize\(…\) are not allowed.*resize\(q, …\)/],
    ['q = [1, 2]; q["resize"]([1e8])', /Method calls such as q\["resize"\]\(…\) are not allowed/],
    ["f(x) = x; ones(2).map(f)", /Method calls such as ones\(2\).map\(…\) are not allowed/],
  ])("refuses method calls, which skip the size guard: %s", (expr, message) => reject(expr, message));

  it.each([
    ["q = [1, 2]; q[3e7] = 1", /index: the position would make a matrix of 30,000,001 entries/],
    ["q = zeros(2, 2); q[300, 300] = 1", /index: the position would make a matrix of 90,601 entries/],
    ["q = [1, 2]; q[[1, 70000]] = 0", /index: the position would make a matrix of 70,001 entries/],
  ])("checks index assignments before they grow a matrix: %s", (expr, message) => {
    expect(() => fm.evaluate(expr)).toThrow(RangeError);
    reject(expr, message);
  });

  it("keeps ordinary indexing working", () => {
    expect(fm.evaluate("q = [1, 2, 3]; q[2]")).toBe(2);
    expect(
      (fm.evaluate("q = zeros(3, 3); q[1:2, 1] = [7; 8]; q") as { valueOf(): unknown }).valueOf(),
    ).toEqual([
      [7, 0, 0],
      [8, 0, 0],
      [0, 0, 0],
    ]);
    expect(fm.evaluate("q = [1, 2, 3]; q[end]")).toBe(3);
  });

  it("counts each call as work, so exponential recursion stops at the budget", () => {
    const small = createFormulaMath({ maxWork: 100_000 });
    expect(() => small.evaluate("f(n) = n < 1 ? 0 : f(n - 1) + f(n - 1); f(60)")).toThrow(/too much work/);
  });

  it("stops an evaluation that runs past its wall-clock limit, at the next call", () => {
    const quick = createFormulaMath({ maxMillis: 20 });
    expect(() => quick.evaluate("f(n) = n < 1 ? 0 : f(n - 1) + f(n - 1); f(60)")).toThrow(
      /the formula ran for more than 20 ms and was stopped/,
    );
    expect(quick.evaluate("1 + 1")).toBe(2);
  });

  it("gives one budget to every evaluation inside batch(), not one per evaluation", () => {
    const small = createFormulaMath({ maxWork: 10_000 });
    const sum = small.compile("sum(ones(50, 50))"); // 2,500 entries of work and more
    expect(sum.evaluate()).toBe(2500);
    expect(sum.evaluate()).toBe(2500);
    expect(() => small.batch(() => [1, 2, 3, 4, 5].map(() => sum.evaluate()))).toThrow(/too much work/);
    expect(sum.evaluate()).toBe(2500);
  });

  it("limits the expression length, configurably", () => {
    expect(() => fm.evaluate("1+".repeat(1500) + "1")).toThrow(
      /the expression has 3001 characters; the limit is 2000/,
    );
    const small = createFormulaMath({ maxEntries: 16, maxLength: 10 });
    expect(() => small.evaluate("ones(5, 5)")).toThrow(/limited to 16 entries/);
    expect(() => small.evaluate("1 + 2 + 3 + 4")).toThrow(RangeError);
  });

  it("reports syntax errors with their position", () => {
    let err: unknown;
    try {
      parseFormula("q' * (k + ");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormulaSyntaxError);
    expect((err as FormulaSyntaxError).position).toBe(11);
    expect((err as Error).message).toMatch(
      /^Syntax error at character 11 \(near .*\): Unexpected end of expression/,
    );
  });

  it("never lets a formula change the host's scope objects", () => {
    const scope = { x: 1 };
    evaluateFormula("x = 5; x", scope);
    expect(scope.x).toBe(1);
  });

  it("still allows ordinary mathematics within the limits", () => {
    // A 256×256 matrix is exactly at the entry limit; the O(n³) products stay small so the test
    // is not at the mercy of a loaded machine.
    expect((fm.evaluate("size(ones(256, 256) + identity(256))") as { valueOf(): unknown }).valueOf()).toEqual(
      [256, 256],
    );
    expect(fm.evaluate("det(ones(32, 32) + identity(32))")).toBeCloseTo(33, 6);
    expect((fm.evaluate("size(ones(64, 64) * ones(64, 64))") as { valueOf(): unknown }).valueOf()).toEqual([
      64, 64,
    ]);
    expect(fm.evaluate("sum(map(1:10, f(x) = x^2))")).toBe(385);
  });
});
