/**
 * Layering: no import cycle between files, and none between folders, anywhere in lib/, src/ and
 * bench/. A folder cycle (attention ⇄ scores) means two layers depend on each other even when no
 * single file does; the fix is to move the shared piece down (to `lib/core/`).
 */
import { describe, expect, it } from "vitest";
import { cycles, folderGraph, importGraph, resolveSpecifier, specifiers } from "./importGraph";

const DIRS = ["lib", "src", "bench"] as const;
const files = importGraph(DIRS);

describe("import graph", () => {
  it("reads imports, re-exports and dynamic imports, and resolves them to files", () => {
    // lib/index.ts re-exports every mechanism; the page loads KaTeX dynamically; the
    // notebook starts its formula worker from a module URL.
    expect(files.get("lib/index.ts")).toContain("lib/core/matrix.ts");
    expect(specifiers("src/widgets/primitives/katexMain.ts")).toContain("katex");
    expect(files.get("src/notebook/formulaWorker.ts")).toContain("src/notebook/worker.ts");
    expect(resolveSpecifier("src/widgets/index.ts", "./primitives/Widget.astro")).toBe(
      "src/widgets/primitives/Widget.astro",
    );
    expect(resolveSpecifier("lib/index.ts", "mathjs")).toBeNull();
    expect(files.size).toBeGreaterThan(100);
  });

  it("finds a cycle when there is one (the checker itself works)", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c"]]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("has no file import cycles", () => {
    expect(cycles(files)).toEqual([]);
  });

  it("has no folder import cycles", () => {
    expect(cycles(folderGraph(files))).toEqual([]);
  });

  it("keeps lib/core at the bottom: it imports nothing else in lib", () => {
    const up = [...files]
      .filter(([f]) => f.startsWith("lib/core/"))
      .flatMap(([f, deps]) => deps.filter((d) => !d.startsWith("lib/core/")).map((d) => `${f} → ${d}`));
    expect(up).toEqual([]);
  });

  it("keeps lib/experiments at the top: no mechanism imports an experiment", () => {
    const down = [...files]
      .filter(([f]) => f.startsWith("lib/") && !f.startsWith("lib/experiments/") && f !== "lib/index.ts")
      .flatMap(([f, deps]) => deps.filter((d) => d.startsWith("lib/experiments/")).map((d) => `${f} → ${d}`));
    expect(down).toEqual([]);
  });
});
