import { describe, expect, it } from "vitest";
import type { Request } from "../../../src/formula/protocol";
import { type CellStatus, NotebookEngine, cycleText, guessName } from "../../../src/notebook/engine";
import { findCycle } from "../../../src/notebook/graph";
import { attentionNotebook } from "../../../bench/notebookCells";
import { inProcessClient } from "./fakeClient";

/** Run `cells` through an engine and wait until every cell has settled (ok or error). */
async function settle(_engine: NotebookEngine, statuses: Map<string, CellStatus>, ids: string[]) {
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 5));
    if (ids.every((id) => statuses.get(id) && statuses.get(id)!.state !== "pending")) return;
  }
  throw new Error(`cells did not settle: ${JSON.stringify([...statuses])}`);
}

/** The sources a list of requests evaluated, alone or in chains. */
const evaluatedIn = (log: Request[]) =>
  log.flatMap((r) =>
    r.type === "evaluate" ? [r.source] : r.type === "evaluateChain" ? r.cells.map((c) => c.source) : [],
  );

function notebook(log: Request[] = [], options: { chains?: boolean } = {}) {
  const statuses = new Map<string, CellStatus>();
  const engine = new NotebookEngine(inProcessClient(log, options), (id, s) => statuses.set(id, s));
  const run = async (sources: string[]) => {
    const cells = sources.map((source, i) => ({ id: `c${i + 1}`, source }));
    await engine.update(cells);
    await settle(
      engine,
      statuses,
      cells.map((c) => c.id),
    );
  };
  const value = (id: string) => {
    const s = statuses.get(id)!;
    if (s.state !== "ok") throw new Error(`${id}: ${s.state} ${"message" in s ? s.message : ""}`);
    const v = s.result.value;
    return v.kind === "number" ? v.value : v.kind === "matrix" ? v.data : v;
  };
  const message = (id: string) => {
    const s = statuses.get(id)!;
    return s.state === "error" ? s.message : `(${s.state})`;
  };
  return { engine, statuses, run, value, message };
}

describe("notebook engine: reactive cells in dependency order", () => {
  it("computes cells from the cells they read, in any order on the page", async () => {
    const nb = notebook();
    await nb.run(["y = 2 * x", "x = 3", "y + x"]);
    expect(nb.value("c1")).toBe(6);
    expect(nb.value("c2")).toBe(3);
    expect(nb.value("c3")).toBe(9);
  });

  it("recomputes only the dependents of an edited cell", async () => {
    const log: Request[] = [];
    const nb = notebook(log);
    await nb.run(["x = 3", "y = 2 * x", "z = 10", "w = z + 1"]);
    log.length = 0;
    await nb.run(["x = 4", "y = 2 * x", "z = 10", "w = z + 1"]);
    expect(nb.value("c2")).toBe(8);
    expect(evaluatedIn(log).sort()).toEqual(["x = 4", "y = 2 * x"]);
  });

  it("evaluates an edited cell and all its dependents in one worker message", async () => {
    const log: Request[] = [];
    const nb = notebook(log);
    const sources = attentionNotebook(1);
    await nb.run(sources);
    expect(log.filter((r) => r.type === "evaluate")).toEqual([]);
    const before = nb.value("c20") as number;
    log.length = 0;
    await nb.run(attentionNotebook(3));
    const chains = log.filter((r) => r.type === "evaluateChain");
    expect(chains).toHaveLength(1);
    expect(log.filter((r) => r.type === "evaluate")).toEqual([]);
    // Cell 1 and the 15 cells that read it, in dependency order; not Wq, Wk, Wv or the mask.
    const order = chains[0].type === "evaluateChain" ? chains[0].cells.map((c) => c.name) : [];
    expect(order).toHaveLength(16);
    expect(order).not.toContain("Wq");
    expect(order).not.toContain("mask");
    expect(order.indexOf("X")).toBe(0);
    expect(order.indexOf("S")).toBeGreaterThan(order.indexOf("K"));
    expect(order.indexOf("total")).toBe(15);
    // The same values as cells evaluated one request at a time.
    const alone = notebook([], { chains: false });
    await alone.run(attentionNotebook(3));
    for (let i = 1; i <= 20; i++) expect(nb.value(`c${i}`)).toEqual(alone.value(`c${i}`));
    expect(nb.value("c20")).not.toBe(before);
  });

  it("evaluates cells one by one when a chain fails, with the same results and messages", async () => {
    const log: Request[] = [];
    const nb = notebook(log, { chains: false });
    await nb.run(["y = 2 * x", "x = 3", "y + x", "z = nope + 1", "z * 2"]);
    expect([nb.value("c1"), nb.value("c2"), nb.value("c3")]).toEqual([6, 3, 9]);
    expect(nb.message("c4")).toMatch(/"nope" is not defined/);
    expect(nb.message("c5")).toMatch(/uses z, which has an error \(cell 4\)/);
    expect(evaluatedIn(log.filter((r) => r.type === "evaluate")).sort()).toEqual([
      "x = 3",
      "y + x",
      "y = 2 * x",
    ]);
  });

  it("builds an attention computation from matrices and the library's functions", async () => {
    const nb = notebook();
    await nb.run([
      "Q = [[1, 0], [0, 1]]",
      "K = [[1, 0], [0, 1]]",
      "V = [[1, 2], [3, 4]]",
      "W = softmax(Q * K' / sqrt(2))",
      "out = W * V",
    ]);
    const e = Math.exp(1 / Math.sqrt(2));
    const w = [e / (e + 1), 1 / (e + 1)];
    const W = nb.value("c4") as number[][];
    expect(W[0][0]).toBeCloseTo(w[0], 12);
    expect(W[0][1]).toBeCloseTo(w[1], 12);
    const out = nb.value("c5") as number[][];
    expect(out[0][0]).toBeCloseTo(w[0] * 1 + w[1] * 3, 12);
    expect(out[1][1]).toBeCloseTo(w[1] * 2 + w[0] * 4, 12);
  });

  it("passes functions defined in one cell to others, and plots functions of one variable", async () => {
    const nb = notebook();
    await nb.run(["a = 2", "f(x) = a * x^2", "f(3)"]);
    expect(nb.value("c3")).toBe(18);
    const s = nb.statuses.get("c2")!;
    expect(s.state === "ok" && s.result.plot?.ys[0]).toBe(50); // f(-5) = 2 · 25
  });

  it("reports undefined names, cycles, duplicates and errors on the cell that has them", async () => {
    const nb = notebook();
    await nb.run([
      "a = b + 1",
      "b = a + 1",
      "c = nope * 2",
      "d = 1",
      "d = 2",
      "e = [1, 2] * [1, 2, 3]",
      "e + 1",
      "ok = 5",
    ]);
    expect(nb.message("c1")).toMatch(/^This cell is part of a cycle: a → b → a\./);
    expect(nb.message("c2")).toMatch(/^This cell is part of a cycle: b → a → b\./);
    expect(nb.message("c3")).toBe(
      '"nope" is not defined (at character 5). Define it in a cell (nope = …) or check the spelling.',
    );
    expect(nb.statuses.get("c3")).toMatchObject({ position: 5 });
    expect(nb.message("c4")).toBe(
      '"d" is defined in more than one cell (cells 4 and 5); rename one of them.',
    );
    expect(nb.message("c6")).toMatch(/^The matrix shapes do not fit together/);
    expect(nb.message("c7")).toBe("This cell uses e, which has an error (cell 6).");
    expect(nb.value("c8")).toBe(5);
  });

  it("quotes long names as short excerpts, never in full, in every message", async () => {
    // Names of 900 characters (two fit in a formula, whose limit is 2,000), one letter repeated.
    const [a, b, u, d, e] = ["a", "b", "u", "d", "e"].map((c) => c.repeat(900));
    const nb = notebook();
    await nb.run([
      `${a} = ${b} + 1`,
      `${b} = ${a} + 1`,
      `c = ${u} * 2`,
      `${d} = 1`,
      `${d} = 2`,
      `${e} = ${u} + 1`,
      `${e} * 2`,
    ]);
    const cut = (c: string) => `${c.repeat(29)}…`;
    expect(nb.message("c1")).toMatch(
      new RegExp(`^This cell is part of a cycle: ${cut("a")} → ${cut("b")} → ${cut("a")}\\.`),
    );
    expect(nb.message("c3")).toBe(
      `"${cut("u")}" is not defined (at character 5). Define it in a cell (${cut("u")} = …) or check the spelling.`,
    );
    expect(nb.statuses.get("c3")).toMatchObject({ position: 5 });
    expect(nb.message("c4")).toBe(
      `"${cut("d")}" is defined in more than one cell (cells 4 and 5); rename one of them.`,
    );
    expect(nb.message("c7")).toBe(`This cell uses ${cut("e")}, which has an error (cell 6).`);
    for (let i = 1; i <= 7; i++) expect(nb.message(`c${i}`)).not.toMatch(/(.)\1{30}/);
  });

  it("quotes a long cycle by its first five names and its length", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `n${i}_${"x".repeat(100)}`);
    const nb = notebook();
    await nb.run(names.map((n, i) => `${n} = ${names[(i + 1) % names.length]} + 1`));
    const m = nb.message("c1");
    const first = names.slice(0, 5).map((n) => `${n.slice(0, 29)}…`);
    expect(m).toBe(
      `This cell is part of a cycle: ${first.join(" → ")} → … → ${first[0]} (12 cells). Change one of these cells so that no value depends on itself.`,
    );
    expect(cycleText(["a", "b", "c", "d", "e", "a"])).toBe("a → b → c → d → e → a");
    expect(cycleText(["a", "b", "c", "d", "e", "f", "a"])).toBe("a → b → c → d → e → … → a (6 cells)");
  });

  it("names the broken cell on its dependents, whatever its error", async () => {
    const nb = notebook();
    await nb.run(["x = nope + 1", "x * 2"]);
    expect(nb.message("c1")).toMatch(/^"nope" is not defined/);
    expect(nb.message("c2")).toBe("This cell uses x, which has an error (cell 1).");
  });

  it("reports syntax errors with their position, and dependents name the broken cell", async () => {
    const nb = notebook();
    await nb.run(["x = (1 + ", "x * 2"]);
    expect(nb.message("c1")).toMatch(/^Syntax error at character 10/);
    expect(nb.message("c2")).toBe("This cell uses x, which has an error (cell 1).");
  });

  it("never resolves names from the page's globals", async () => {
    const nb = notebook();
    await nb.run(["process", "globalThis", "setTimeout"]);
    expect(nb.message("c1")).toMatch(/^"process" is not defined/);
    expect(nb.message("c2")).toMatch(/^"globalThis" is not defined/);
    expect(nb.message("c3")).toMatch(/^"setTimeout" is not defined/);
  });

  it("deletes the variables of removed cells", async () => {
    const nb = notebook();
    await nb.run(["x = 1", "y = x + 1"]);
    await nb.engine.update([{ id: "c2", source: "y = x + 1" }]);
    await settle(nb.engine, nb.statuses, ["c2"]);
    await new Promise((r) => setTimeout(r, 20));
    expect(nb.message("c2")).toMatch(/^"x" is not defined/);
    // The removed cell's variable settles as undefined when deleted; nothing is reported for it.
    expect(nb.value("c1")).toBe(1);
  });
});

describe("dependency graph helpers", () => {
  it("finds a cycle through a name, or none", () => {
    const cells = [
      { name: "a", inputs: ["b"] },
      { name: "b", inputs: ["c"] },
      { name: "c", inputs: ["a", "d"] },
      { name: "d", inputs: [] },
    ];
    expect(findCycle(cells, "a")).toEqual(["a", "b", "c", "a"]);
    expect(findCycle(cells, "d")).toBeNull();
    expect(findCycle([{ name: "x", inputs: ["x"] }], "x")).toEqual(["x", "x"]);
  });

  it("guesses the name a broken cell meant to define", () => {
    expect(guessName("x = (1 +")).toBe("x");
    expect(guessName("f(a, b) = a +")).toBe("f");
    expect(guessName("x == 2")).toBeNull();
    expect(guessName("2 + ")).toBeNull();
  });
});
