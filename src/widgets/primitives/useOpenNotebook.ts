import { type RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * Answer the frame's Open in notebook button for a widget whose state is not in its link (shown
 * with `<Widget notebook="cells" ...>`): on the frame's `atlas:open-notebook` event, `cells()` gives
 * the formulas that recompute what the widget shows now (or `null` when there is nothing to carry,
 * with `why` said in the frame's status line until the reader's next action in the widget), and a
 * new tab opens the notebook holding them, so the widget's state stays in this one. The encoder
 * (`openNotebook.ts`) is loaded only on the click.
 *
 * @example
 * const { ref } = useWidget(spec);
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
    const say = (text: string) => {
      const line = root.querySelector<HTMLElement>(".widget-status");
      if (!line) return;
      line.textContent = text;
      // The message answers this click only: the reader's next action in the widget (Train,
      // a step, a field) clears it, so it does not stay once it no longer applies.
      const clear = () => {
        if (line.textContent === text) line.textContent = "";
        root.removeEventListener("click", clear, true);
        root.removeEventListener("input", clear, true);
      };
      setTimeout(() => {
        root.addEventListener("click", clear, true);
        root.addEventListener("input", clear, true);
      });
    };
    const onOpen = () => {
      const { cells: get, title: t, why: w } = latest.current;
      const list = get();
      if (!list) {
        say(w);
        return;
      }
      // A new tab, so the widget (a trained model, drawn patterns) is still here when the reader
      // comes back. It is opened now, inside the click, so no popup blocker stops it; the address
      // follows once the encoder has loaded. Where no tab could be opened, this tab goes there.
      const tab = window.open("", "_blank");
      if (tab) tab.opener = null;
      void (async () => {
        try {
          const { notebookUrlForCells } = await import("./openNotebook");
          const url = await notebookUrlForCells(list, t);
          if (tab) tab.location.replace(url);
          else location.assign(url);
        } catch (err) {
          tab?.close();
          say(`The notebook could not be opened: ${(err as Error).message}`);
        }
      })();
    };
    root.addEventListener("atlas:open-notebook", onOpen);
    return () => root.removeEventListener("atlas:open-notebook", onOpen);
  }, []);
}
