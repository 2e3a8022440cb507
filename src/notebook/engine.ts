/**
 * The reactive engine of the notebook: every cell is a variable of an `@observablehq/runtime`
 * module, named after what it defines and reading the free symbols of its formula. Change a cell
 * and the runtime recomputes the cells that depend on it, in dependency order; cycles, undefined
 * names, duplicate names and errors stay on the cell that has them. The formulas themselves are
 * parsed and evaluated in the formula worker: an edited cell and every cell that reads it in one
 * message (`chain.ts`), not one round trip per cell.
 */
import { Runtime } from "@observablehq/runtime";
import { excerpt } from "../../lib/core/excerpt";
import { FormulaError, type FormulaWorkerClient, problemText } from "../formula/client";
import type { Analysis, ChainCell, Encoded, EvaluateResult } from "../formula/protocol";
import type { ChainResult } from "./chain";
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

/**
 * The chain of cells last sent to the worker in one message (`chain.ts`): what each cell was sent
 * as, and the input values the chain started from, so that a cell takes its result from the chain
 * only if the runtime hands it exactly those inputs.
 */
interface Chain {
  cells: Map<string, ChainCell>;
  /** The chain cell that defines each name. */
  producers: Map<string, string>;
  /** The values of the inputs that no chain cell defines, as sent. */
  given: Map<string, EvaluateResult>;
  results: Promise<ChainResult | null>;
}

/** A cycle longer than this many cells is quoted by its first names and its length. */
const CYCLE_NAMES_SHOWN = 5;

/**
 * A cycle of names as a message quotes it: each name as a short excerpt, and a long cycle cut to
 * its first names, so that the message stays a line or two whatever the reader named the cells.
 */
export function cycleText(cycle: readonly string[]): string {
  const names = cycle.map((n) => excerpt(n));
  const cells = cycle.length - 1;
  return cells <= CYCLE_NAMES_SHOWN
    ? names.join(" → ")
    : `${names.slice(0, CYCLE_NAMES_SHOWN).join(" → ")} → … → ${names[0]} (${cells} cells)`;
}

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
  /** Each cell's current value, while it is settled without an error. */
  private readonly values = new Map<string, EvaluateResult>();
  /** Cells that have a value or an error and are not being recomputed. */
  private readonly settled = new Set<string>();
  private chain: Chain | null = null;

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
        // A deleted variable settles as `undefined`; its cell is gone, so nothing is reported.
        (v.variable as unknown as { _observer: Observer })._observer = {
          pending() {},
          fulfilled() {},
          rejected() {},
        };
        v.variable.delete();
        this.values.delete(id);
        this.settled.delete(id);
        this.variables.delete(id);
      }
    }
    const defined = new Set(
      analyzed.flatMap((a, i) => (a.ok ? [a.analysis.name] : [guessName(cells[i].source)])).filter(Boolean),
    );
    const changed: string[] = [];
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
      this.values.delete(cell.id);
      this.settled.delete(cell.id);
      if (a.ok) changed.push(cell.id);
    });
    this.sendChain(changed);
  }

  /**
   * Send the cells that must recompute (those that changed or are not settled, and every cell
   * that reads them, in dependency order) to the worker in one message. The runtime still
   * schedules the cells; their definitions take the chain's results when their inputs match.
   * Cells left out (cycles, names defined twice) or skipped by the worker are evaluated alone.
   */
  private sendChain(changed: string[]): void {
    const order = this.cells.map((c) => c.id).filter((id) => this.variables.has(id));
    const byName = new Map<string, string[]>();
    for (const id of order) {
      const name = this.variables.get(id)!.deps.name;
      if (name !== null) byName.set(name, [...(byName.get(name) ?? []), id]);
    }
    const producer = (name: string) => {
      const ids = byName.get(name);
      return ids?.length === 1 ? ids[0] : undefined;
    };
    const analyzed = (id: string) => this.analyses.has(this.variables.get(id)!.source);
    // The cells to recompute: changed or unsettled ones (being computed), then everything that reads them.
    const dirty = new Set(changed);
    for (const id of order) if (!this.settled.has(id)) dirty.add(id);
    for (let grew = true; grew;) {
      grew = false;
      for (const id of order) {
        if (dirty.has(id)) continue;
        const { inputs } = this.variables.get(id)!.deps;
        if (inputs.some((n) => byName.get(n)?.some((p) => dirty.has(p)))) {
          dirty.add(id);
          grew = true;
        }
      }
    }
    // Dependency order among them (cells on a cycle never become ready and are left out).
    const sorted: string[] = [];
    const placed = new Set<string>();
    const waiting = order.filter((id) => dirty.has(id) && analyzed(id));
    for (let progress = true; progress;) {
      progress = false;
      for (const id of waiting) {
        if (placed.has(id)) continue;
        const ready = this.variables.get(id)!.deps.inputs.every((n) => {
          const p = producer(n);
          return p === undefined || !dirty.has(p) || placed.has(p);
        });
        if (ready) {
          placed.add(id);
          sorted.push(id);
          progress = true;
        }
      }
    }
    if (sorted.length === 0) {
      this.chain = null;
      return;
    }
    const cells = new Map<string, ChainCell>();
    const producers = new Map<string, string>();
    const given = new Map<string, EvaluateResult>();
    const scope: Record<string, Encoded> = {};
    for (const id of sorted) {
      const v = this.variables.get(id)!;
      cells.set(id, { id, source: v.source, name: v.deps.name, inputs: v.deps.inputs });
      if (v.deps.name !== null && producer(v.deps.name) === id) producers.set(v.deps.name, id);
    }
    for (const c of cells.values())
      for (const n of c.inputs) {
        const p = producer(n);
        const value = p === undefined || producers.has(n) ? undefined : this.values.get(p);
        if (value) {
          given.set(n, value);
          scope[n] = value.value;
        }
      }
    const results = this.client
      .request<ChainResult>({ type: "evaluateChain", cells: [...cells.values()], scope })
      .catch(() => null);
    this.chain = { cells, producers, given, results };
  }

  /** A cell's outcome from the current chain, if the chain computed it from exactly `values`. */
  private async fromChain(cell: EngineCell, deps: CellDeps, values: unknown[]) {
    const chain = this.chain;
    const sent = chain?.cells.get(cell.id);
    if (!chain || !sent || sent.source !== cell.source || !sameDeps(sent, deps)) return null;
    const results = await chain.results;
    const mine = results?.[cell.id];
    if (!results || !mine) return null;
    const same = deps.inputs.every((n, i) => {
      const p = chain.producers.get(n);
      const r = p === undefined ? undefined : results[p];
      const expected = p === undefined ? chain.given.get(n) : r?.ok ? r.result : undefined;
      return expected !== undefined && values[i] === expected;
    });
    return same ? mine : null;
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
      const chained = await this.fromChain(cell, deps, values);
      if (chained?.ok) return chained.result;
      if (chained) throw new CellError(cell.id, problemText(chained.problem), chained.problem.position);
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
      pending: () => {
        this.values.delete(id);
        this.settled.delete(id);
        this.onStatus(id, { state: "pending", analysis });
      },
      fulfilled: (value) => {
        this.values.set(id, value as EvaluateResult);
        this.settled.add(id);
        this.onStatus(id, { state: "ok", analysis: analysis!, result: value as EvaluateResult });
      },
      rejected: (error) => {
        this.values.delete(id);
        this.settled.add(id);
        this.onStatus(id, { state: "error", analysis, ...this.explain(id, error) });
      },
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
          ? `This cell is part of a cycle: ${cycleText(cycle)}. Change one of these cells so that no value depends on itself.`
          : "This cell depends on a cycle of cells that use each other. Break the cycle.",
      };
    }
    const dup = /^(\S+) is defined more than once$/.exec(message);
    if (dup) {
      const cells = this.cells
        .map((c, i) => (this.variables.get(c.id)?.deps.name === dup[1] ? i + 1 : 0))
        .filter((n) => n > 0);
      return {
        message: `"${excerpt(dup[1])}" is defined in more than one cell (cells ${cells.join(" and ")}); rename one of them.`,
      };
    }
    const undef = /^(\S+) is not defined$/.exec(message);
    // Only a name this cell reads itself; otherwise the error comes from a cell it uses.
    if (undef && deps?.inputs.includes(undef[1])) {
      const source = this.cells.find((c) => c.id === id)?.source ?? "";
      const at = new RegExp(`(?<![\\w$])${undef[1].replace(/\$/g, "\\$")}(?![\\w$])`).exec(source);
      const position = at ? at.index + 1 : undefined;
      const where = position === undefined ? "" : ` (at character ${position})`;
      const name = excerpt(undef[1]);
      return {
        message: `"${name}" is not defined${where}. Define it in a cell (${name} = …) or check the spelling.`,
        position,
      };
    }
    if (err?.input)
      return {
        message: `This cell uses ${excerpt(err.input)}, which has an error (${numberOf(err.input)}).`,
      };
    return { message: "This cell could not be computed." };
  }
}

function sameDeps(a: CellDeps, b: CellDeps): boolean {
  return (
    a.name === b.name && a.inputs.length === b.inputs.length && a.inputs.every((x, i) => x === b.inputs[i])
  );
}
