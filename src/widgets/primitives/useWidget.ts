import { h, render } from "preact";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { afterNextPaint } from "./afterNextPaint";
import { LinkErrors } from "./LinkErrors";
import { linkKeys } from "./linkKeys";
import { type StateOf, type StateSpec, defaults, readState, writeState } from "./urlState";

type Update<T> = T | ((old: T) => T);

/**
 * The hook every widget island uses: state declared in one typed table, restored from the URL
 * after hydration, written back to the URL as it changes, reset by the frame's Reset button, and
 * `data-ready="true"` set on the `[data-widget]` root once the widget is interactive.
 *
 * A reader's change (`set`, `setState`) is applied in a task after the browser's next paint, with
 * every change made meanwhile folded into one render. So a key on a slider or in a field paints
 * its own feedback at once (the thumb moves, the character appears) and the widget recomputes and
 * redraws right after, instead of holding the frame until its charts are drawn: the web's
 * interaction-to-next-paint advice ("yield after the visible feedback"). An input that arrives
 * while changes still wait applies them first, so handlers always read the reader's latest state.
 * While changes wait, the `[data-widget]` root carries `data-pending="true"`; it is removed when
 * the render that applies them is committed.
 *
 * A corrupted link's message (a value that does not parse) is shown by the frame, not by the
 * island: this hook renders it into the frame's `[data-link-errors]` box (`Widget.astro`, above
 * the island), so no widget can forget it. The island's root (`ref`) must sit inside a frame.
 *
 * The state's keys in the link are `<prefix>.<field>`, with the prefix derived from the frame's
 * widget id (`statePrefix` in `linkKeys.ts`: `?capacity.neurons=…` for
 * `hopfield-networks/capacity`); keys under the prefix a widget's older links used still open.
 */
export function useWidget<S extends StateSpec>(spec: S) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setStateRaw] = useState<StateOf<S>>(() => defaults(spec));
  const [linkErrors, setLinkErrors] = useState<string[]>([]);
  const hydrated = useRef(false);
  /** The link keys of the frame the island sits in, known once it is mounted. */
  const keys = useRef<{ prefix: string; old: string | undefined }>({ prefix: "", old: undefined });

  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>("[data-widget]");
    if (!root?.dataset.widget || !root.querySelector("[data-link-errors]"))
      throw new Error("useWidget: the island's root (ref) is not inside a widget frame (Widget.astro)");
    keys.current = linkKeys(root.dataset.widget);
    const { prefix, old } = keys.current;
    const { state: fromUrl, errors, found } = readState(prefix, spec, location.search, old);
    if (found) setStateRaw(fromUrl);
    setLinkErrors(errors);
    hydrated.current = true;
    const onReset = () => {
      queue.current = [];
      setApplied((n) => n + 1);
      setStateRaw(defaults(spec));
      setLinkErrors([]);
    };
    // An exercise's "show it in the widget" sets a state written as a link query.
    const onSetState = (e: Event) => {
      const { state: next, errors: bad } = readState(
        prefix,
        spec,
        (e as CustomEvent<{ search: string }>).detail.search,
        old,
      );
      queue.current = [];
      setApplied((n) => n + 1);
      setStateRaw(next);
      setLinkErrors(bad);
    };
    root.addEventListener("atlas:reset", onReset);
    root.addEventListener("atlas:set-state", onSetState);
    root.dataset.ready = "true";
    return () => {
      root.removeEventListener("atlas:reset", onReset);
      root.removeEventListener("atlas:set-state", onSetState);
    };
    // The spec is a module-level constant, so this runs once per mount.
  }, []);

  // The frame shows the link's errors (a separate Preact tree in its box), in the commit that
  // restores the state they are about.
  useLayoutEffect(() => {
    const box = ref.current?.closest("[data-widget]")?.querySelector("[data-link-errors]");
    if (box) render(h(LinkErrors, { errors: linkErrors }), box);
  }, [linkErrors]);
  useEffect(() => {
    const box = ref.current?.closest("[data-widget]")?.querySelector("[data-link-errors]");
    return () => {
      if (box) render(null, box);
    };
  }, []);

  // The link follows the state in the same commit as the screen (a layout effect), so a link
  // copied while the result is drawn holds what is drawn.
  useLayoutEffect(() => {
    if (!hydrated.current) return;
    const { prefix, old } = keys.current;
    const search = writeState(prefix, spec, state, location.search, old);
    if (search !== location.search)
      history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  }, [state, spec]);

  // Changes waiting for the task after the next paint, applied in order.
  const queue = useRef<((old: StateOf<S>) => StateOf<S>)[]>([]);
  const [applied, setApplied] = useState(0);
  const flush = useCallback(() => {
    const fns = queue.current;
    queue.current = [];
    if (fns.length === 0) return;
    setStateRaw((s) => fns.reduce((acc, f) => f(acc), s));
    setApplied((n) => n + 1);
  }, []);
  const setState = useCallback((update: Update<StateOf<S>>) => {
    const fn = typeof update === "function" ? update : () => update;
    queue.current.push(fn);
    if (queue.current.length > 1) return;
    const root = ref.current?.closest<HTMLElement>("[data-widget]");
    if (root) root.dataset.pending = "true";
    afterNextPaint(flush);
  }, []);
  // A new input that arrives before the waiting changes were drawn (keys faster than a frame, or a
  // script) first applies them: the render runs in the microtask after this capturing listener,
  // before the control's own handler, so every handler reads the state the reader has made. Only
  // events that come before the control changes itself (not input, change or click), so the render
  // never writes an older value over what the reader just typed or checked.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const types = ["keydown", "beforeinput", "pointerdown", "pointerover", "pointermove"];
    for (const t of types) el.addEventListener(t, flush, { capture: true });
    return () => {
      for (const t of types) el.removeEventListener(t, flush, { capture: true });
    };
  }, []);
  const set = useCallback(
    <K extends keyof S>(key: K, value: StateOf<S>[K]) => setState((s) => ({ ...s, [key]: value })),
    [setState],
  );
  // The render that applied the waiting changes is committed: the widget shows them.
  useLayoutEffect(() => {
    if (queue.current.length > 0) return;
    const root = ref.current?.closest<HTMLElement>("[data-widget]");
    if (root) delete root.dataset.pending;
  }, [applied]);

  return { ref, state, set, setState };
}
