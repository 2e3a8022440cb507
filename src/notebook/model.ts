/**
 * The notebook document: an ordered list of cells, each a formula and the view its result is
 * drawn in. Every edit is a pure function from one document to the next, so undo and redo keep
 * whole documents.
 */

/** How a result is drawn; the choices depend on the result's kind (`views.ts`). */
export type ViewKind = "auto" | "heatmap" | "table" | "bars" | "grid" | "plot" | "text";

export interface Cell {
  id: string;
  source: string;
  view: ViewKind;
}

export interface NotebookDoc {
  cells: Cell[];
  /** Where a notebook opened from a link comes from ("the trained pointer network"); edits drop it. */
  title?: string;
}

let counter = 0;
/** A new cell id, unique within the page. */
export function newId(): string {
  counter += 1;
  return `c${counter.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

export const cell = (source: string, view: ViewKind = "auto"): Cell => ({ id: newId(), source, view });

export const fromSources = (sources: string[]): NotebookDoc => ({ cells: sources.map((s) => cell(s)) });

/** Insert a new cell at `index` (clamped). */
export function insertCell(doc: NotebookDoc, index: number, c: Cell = cell("")): NotebookDoc {
  const i = Math.max(0, Math.min(doc.cells.length, index));
  return { cells: [...doc.cells.slice(0, i), c, ...doc.cells.slice(i)] };
}

export function removeCell(doc: NotebookDoc, id: string): NotebookDoc {
  return { cells: doc.cells.filter((c) => c.id !== id) };
}

/** Move a cell up (`delta` < 0) or down; a move past either end leaves the document as it is. */
export function moveCell(doc: NotebookDoc, id: string, delta: number): NotebookDoc {
  const i = doc.cells.findIndex((c) => c.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= doc.cells.length) return doc;
  const cells = [...doc.cells];
  const [c] = cells.splice(i, 1);
  cells.splice(j, 0, c);
  return { cells };
}

/** A copy of the cell right after it (with a new id). */
export function duplicateCell(doc: NotebookDoc, id: string): { doc: NotebookDoc; id: string | null } {
  const i = doc.cells.findIndex((c) => c.id === id);
  if (i < 0) return { doc, id: null };
  const copy = cell(doc.cells[i].source, doc.cells[i].view);
  return { doc: insertCell(doc, i + 1, copy), id: copy.id };
}

export function setSource(doc: NotebookDoc, id: string, source: string): NotebookDoc {
  return { cells: doc.cells.map((c) => (c.id === id ? { ...c, source } : c)) };
}

export function setView(doc: NotebookDoc, id: string, view: ViewKind): NotebookDoc {
  return { cells: doc.cells.map((c) => (c.id === id ? { ...c, view } : c)) };
}

/** Undo and redo over whole documents; text typed inside a cell has the editor's own undo. */
export class History {
  private past: NotebookDoc[] = [];
  private future: NotebookDoc[] = [];
  constructor(private readonly limit = 100) {}

  /** Record `before`, the document as it was before a change. */
  record(before: NotebookDoc): void {
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  undo(current: NotebookDoc): NotebookDoc | null {
    const prev = this.past.pop();
    if (!prev) return null;
    this.future.push(current);
    return prev;
  }

  redo(current: NotebookDoc): NotebookDoc | null {
    const next = this.future.pop();
    if (!next) return null;
    this.past.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
