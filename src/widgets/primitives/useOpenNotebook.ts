import { type RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * Answer the frame's Open in notebook button for a widget whose state is not in its link (shown
 * with `<Widget notebook="cells" ...>`): on the frame's `atlas:open-notebook` event, `cells()` gives
 * the formulas that recompute what the widget shows now (or `null` when there is nothing to carry,
 * with `why` said in the frame's status line), and the page goes to the notebook holding them.
 * The encoder (`openNotebook.ts`) is loaded only on the click.
 *
 * @example
 * const { ref } = useWidget("pointer", spec);
 * useOpenNotebook(ref, () => (weights ? pointerCells(weights) : null), "the trained pointer network",
 *   "Train the model first, then open it in the notebook.");
 */
export function useOpenNotebook(
  ref: RefObject<HTMLElement>,
  cells: () => readonly string[] | null,
  title: string,
  why = "There is nothing to open in the notebook yet.",
): void {
  const latest = useRef({ cells, title, why });
  latest.current = { cells, title, why };
  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>("[data-widget]");
    if (!root) return;
    const status = () => root.querySelector<HTMLElement>(".widget-status");
    const onOpen = async () => {
      const { cells: get, title: t, why: w } = latest.current;
      const list = get();
      const line = status();
      if (!list) {
        if (line) line.textContent = w;
        return;
      }
      try {
        const { openNotebookWithCells } = await import("./openNotebook");
        await openNotebookWithCells(list, t);
      } catch (err) {
        if (line) line.textContent = `The notebook could not be opened: ${(err as Error).message}`;
      }
    };
    const listener = () => void onOpen();
    root.addEventListener("atlas:open-notebook", listener);
    return () => root.removeEventListener("atlas:open-notebook", listener);
  }, []);
}
