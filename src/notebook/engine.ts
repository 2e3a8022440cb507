/**
 * The reactive engine of the notebook: every cell is a variable of an `@observablehq/runtime`
 * module, named after what it defines and reading the free symbols of its formula. Change a cell
 * and the runtime recomputes the cells that depend on it, in dependency order; cycles, undefined
 * names, duplicate names and errors stay on the cell that has them. The formulas themselves are
 * parsed and evaluated in the formula worker.
 */
import { Runtime } from "@observablehq/runtime";
import { FormulaError, type FormulaWorkerClient, problemText } from "../formula/client";
import type { Analysis, EvaluateResult } from "../formula/protocol";
import { type CellDeps, cycleThrough } from "./graph";

/** A cell as the engine sees it. */
export interface EngineCell {
  id: string;
  source: string;
}

/** What a cell shows. */
export type CellStatus =
  | { state: "pending"; analysis: Analysis | null }
  | { state: "ok"; analysis: Analysis; result: EvaluateResult }
  | { state: "error"; analysis: Analysis | null; message: string; position?: number };

/** An error that belongs to one cell; dependents see "uses x, which has an error". */
class CellError extends Error {
  constructor(
    readonly cellId: string,
    message: string,
    readonly position?: number,
  ) {
    super(message);
  }
}

class UndefinedName extends Error {}

type Observer = {
  pending(): void;
  fulfilled(value: unknown): void;
  rejected(error: unknown): void;
};

interface Variable {
  define(name: string | null, inputs: string[], definition: (...args: unknown[]) => unknown): Variable;
  delete(): void;
}
interface Module {
  variable(observer: Observer): Variable;
}

type Analyzed = { ok: true; analysis: Analysis } | { ok: false; message: string; position?: number };

/** Name a cell with a syntax error seems to define (`x = …`, `f(a) = …`), so dependents can say so. */
export function guessName(source: string): string | null {
  return /^\s*([A-Za-z_$][\w$]*)\s*(?:\([^()]*\))?\s*=(?!=)/.exec(source)?.[1] ?? null;
}

export class NotebookEngine {
  private readonly runtime: Runtime;
  private readonly module: Module;
  private readonly variables = new Map<string, { source: string; variable: Variable; deps: CellDeps }>();
  private readonly analyses = new Map<string, Promise<Analyzed>>();
  private builtins: Set<string> | null = null;
  private cells: EngineCell[] = [];
  private generation = 0;

  constructor(
    private readonly client: FormulaWorkerClient,
    private readonly onStatus: (id: string, status: CellStatus) => void,
  ) {
    // Undefined names are errors; they never fall through to the page's globals.
    const global = (name: string) => {
      throw new UndefinedName(`${name} is not defined`);
    };
    this.runtime = new Runtime(null, global);
    this.module = this.runtime.module() as Module;
  }

  /** Bring the variables in line with `cells` (sources, order, additions, deletions). */
  async update(cells: EngineCell[]): Promise<void> {
    const generation = ++this.generation;
    this.cells = cells;
    if (!this.builtins) {
      const known = await this.client.names;
      this.builtins = new Set([...known.callable, ...known.disabled]);
    }
    const analyzed = await Promise.all(cells.map((c) => this.analyze(c.source)));
    if (generation !== this.generation) return; // a newer update supersedes this one
    const live = new Set(cells.map((c) => c.id));
    for (const [id, v] of this.variables) {
      if (!live.has(id)) {
        v.variable.delete();
        this.variables.delete(id);
      }
    }
    const defined = new Set(
      analyzed.flatMap((a, i) => (a.ok ? [a.analysis.name] : [guessName(cells[i].source)])).filter(Boolean),
    );
    cells.forEach((cell, i) => {
      const a = analyzed[i];
      const deps: CellDeps = a.ok
        ? {
            name: a.analysis.name,
            inputs: a.analysis.inputs.filter((n) => defined.has(n) || !this.builtins!.has(n)),
          }
        : { name: guessName(cell.source), inputs: [] };
      const old = this.variables.get(cell.id);
      if (old && old.source === cell.source && sameDeps(old.deps, deps)) return;
      const variable = old?.variable ?? this.module.variable(this.observer(cell.id, a));
      if (old) (variable as unknown as { _observer: Observer })._observer = this.observer(cell.id, a);
      variable.define(deps.name, deps.inputs, this.definition(cell, a, deps));
      this.variables.set(cell.id, { source: cell.source, variable, deps });
    });
  }

  /** Stop the runtime. */
  dispose(): void {
    this.runtime.dispose();
  }

  private analyze(source: string): Promise<Analyzed> {
    let p = this.analyses.get(source);
    if (!p) {
      p = this.client.request<Analysis>({ type: "analyze", source }).then(
        (analysis) => ({ ok: true as const, analysis }),
        (err: unknown) =>
          err instanceof FormulaError
            ? { ok: false as const, message: problemText(err.problem), position: err.problem.position }
            : { ok: false as const, message: "The formula engine failed." },
      );
      this.analyses.set(source, p);
      // Keep the cache small: the sources of the current cells and a few recent ones.
      if (this.analyses.size > 500) this.analyses.delete(this.analyses.keys().next().value!);
    }
    return p;
  }

  private definition(cell: EngineCell, a: Analyzed, deps: CellDeps) {
    return async (...values: unknown[]): Promise<EvaluateResult> => {
      if (!a.ok) throw new CellError(cell.id, a.message, a.position);
      const scope: Record<string, EvaluateResult["value"]> = {};
      deps.inputs.forEach((n, i) => (scope[n] = (values[i] as EvaluateResult).value));
      try {
        return await this.client.request<EvaluateResult>({ type: "evaluate", source: cell.source, scope });
      } catch (err) {
        if (err instanceof FormulaError)
          throw new CellError(cell.id, problemText(err.problem), err.problem.position);
        throw new CellError(cell.id, "The formula engine failed.");
      }
    };
  }

  private observer(id: string, a: Analyzed): Observer {
    const analysis = a.ok ? a.analysis : null;
    return {
      pending: () => this.onStatus(id, { state: "pending", analysis }),
      fulfilled: (value) =>
        this.onStatus(id, { state: "ok", analysis: analysis!, result: value as EvaluateResult }),
      rejected: (error) => this.onStatus(id, { state: "error", analysis, ...this.explain(id, error) }),
    };
  }

  /** The sentence for an error a cell's variable was rejected with. */
  private explain(id: string, error: unknown): { message: string; position?: number } {
    if (error instanceof CellError && error.cellId === id)
      return { message: error.message, position: error.position };
    const deps = this.variables.get(id)?.deps;
    const err = error as Error & { input?: string };
    const message = err?.message ?? "";
    const numberOf = (name: string) => {
      const i = this.cells.findIndex((c) => this.variables.get(c.id)?.deps.name === name);
      return i >= 0 ? `cell ${i + 1}` : "another cell";
    };
    if (message === "circular definition" && deps) {
      const all = [...this.variables.values()].map((v) => v.deps);
      const cycle = cycleThrough(all, deps);
      return {
        message: cycle
          ? `This cell is part of a cycle: ${cycle.join(" → ")}. Change one of these cells so that no value depends on itself.`
          : "This cell depends on a cycle of cells that use each other. Break the cycle.",
      };
    }
    const dup = /^(\S+) is defined more than once$/.exec(message);
    if (dup) {
      const cells = this.cells
        .map((c, i) => (this.variables.get(c.id)?.deps.name === dup[1] ? i + 1 : 0))
        .filter((n) => n > 0);
      return {
        message: `"${dup[1]}" is defined in more than one cell (cells ${cells.join(" and ")}); rename one of them.`,
      };
    }
    const undef = /^(\S+) is not defined$/.exec(message);
    // Only a name this cell reads itself; otherwise the error comes from a cell it uses.
    if (undef && deps?.inputs.includes(undef[1])) {
      const source = this.cells.find((c) => c.id === id)?.source ?? "";
      const at = new RegExp(`(?<![\\w$])${undef[1].replace(/\$/g, "\\$")}(?![\\w$])`).exec(source);
      const position = at ? at.index + 1 : undefined;
      const where = position === undefined ? "" : ` (at character ${position})`;
      return {
        message: `"${undef[1]}" is not defined${where}. Define it in a cell (${undef[1]} = …) or check the spelling.`,
        position,
      };
    }
    if (err?.input)
      return { message: `This cell uses ${err.input}, which has an error (${numberOf(err.input)}).` };
    return { message: "This cell could not be computed." };
  }
}

function sameDeps(a: CellDeps, b: CellDeps): boolean {
  return (
    a.name === b.name && a.inputs.length === b.inputs.length && a.inputs.every((x, i) => x === b.inputs[i])
  );
}
