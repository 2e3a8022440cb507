import { type RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

/** The event the widget frame's "Open in notebook" sends; the island fills in `detail.cells`. */
export interface NotebookRequest {
  /** Formulas (mathjs syntax) that recompute what the widget shows, or `null` if its input has an error. */
  cells?: string[] | null;
}

/**
 * Offer the widget's current state to the notebook: the frame's "Open in notebook" button appears
 * and, when pressed, receives `cells()` — formulas that set the widget's matrices and settings and
 * recompute what it shows. Return `null` while the input has an error.
 */
export function useNotebook(ref: RefObject<HTMLElement>, cells: () => string[] | null): void {
  const latest = useRef(cells);
  latest.current = cells;
  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>("[data-widget]");
    if (!root) return;
    const onRequest = (e: Event) => {
      (e as CustomEvent<NotebookRequest>).detail.cells = latest.current();
    };
    root.addEventListener("atlas:notebook-cells", onRequest);
    const button = root.querySelector<HTMLButtonElement>('[data-action="open-notebook"]');
    if (button) button.hidden = false;
    return () => root.removeEventListener("atlas:notebook-cells", onRequest);
  }, []);
}

const num = (x: number): string => (Object.is(x, -0) ? "0" : String(x));

/** A cell that sets a matrix: `Q = [[1, 0], [0, 1]]`. */
export const matrixCell = (name: string, rows: readonly (readonly number[])[]): string =>
  `${name} = [${rows.map((r) => `[${r.map(num).join(", ")}]`).join(", ")}]`;

/** A cell that sets a vector: `q = [1, 2, 3]`. */
export const vectorCell = (name: string, v: readonly number[]): string =>
  `${name} = [${v.map(num).join(", ")}]`;

/** A cell that sets a number: `tau = 0.5`. */
export const scalarCell = (name: string, x: number): string => `${name} = ${num(x)}`;
