/**
 * The notebook's dependency graph, for messages: which cells a cycle runs through. Scheduling
 * itself is done by `@observablehq/runtime` (see `engine.ts`).
 */

/** What one cell defines and reads. */
export interface CellDeps {
  /** The name the cell defines, or `null` for a bare expression. */
  name: string | null;
  /** The names it reads that other cells define. */
  inputs: string[];
}

/**
 * A cycle through the cell that defines `start`, as names from `start` back to it
 * (`["a", "b", "a"]`), or `null` when `start` is not on a cycle. Names defined more than once
 * follow their first definition.
 */
export function findCycle(cells: CellDeps[], start: string): string[] | null {
  const inputsOf = new Map<string, string[]>();
  for (const c of cells) if (c.name !== null && !inputsOf.has(c.name)) inputsOf.set(c.name, c.inputs);
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (name: string): boolean => {
    if (name === start && path.length > 0) return true;
    if (done.has(name) || path.includes(name)) return false;
    path.push(name);
    for (const next of inputsOf.get(name) ?? []) if (visit(next)) return true;
    path.pop();
    done.add(name);
    return false;
  };
  return visit(start) ? [...path, start] : null;
}

/** Cycles reached by an unnamed cell go through one of its inputs: the first such cycle. */
export function cycleThrough(cells: CellDeps[], cell: CellDeps): string[] | null {
  if (cell.name !== null) return findCycle(cells, cell.name);
  for (const input of cell.inputs) {
    const c = findCycle(cells, input);
    if (c) return c;
  }
  return null;
}
