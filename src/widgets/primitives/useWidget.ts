import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type StateOf, type StateSpec, defaults, readState, writeState } from "./urlState";

/**
 * The hook every widget island uses: state declared in one typed table, restored from the URL
 * after hydration, written back to the URL as it changes, reset by the frame's Reset button, and
 * `data-ready="true"` set on the `[data-widget]` root once the widget is interactive.
 */
export function useWidget<S extends StateSpec>(name: string, spec: S) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setStateRaw] = useState<StateOf<S>>(() => defaults(spec));
  const [linkErrors, setLinkErrors] = useState<string[]>([]);
  const hydrated = useRef(false);

  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>("[data-widget]");
    const { state: fromUrl, errors, found } = readState(name, spec, location.search);
    if (found) setStateRaw(fromUrl);
    setLinkErrors(errors);
    hydrated.current = true;
    const onReset = () => {
      setStateRaw(defaults(spec));
      setLinkErrors([]);
    };
    // An exercise's "show it in the widget" sets a state written as a link query.
    const onSetState = (e: Event) => {
      const { state: next, errors: bad } = readState(
        name,
        spec,
        (e as CustomEvent<{ search: string }>).detail.search,
      );
      setStateRaw(next);
      setLinkErrors(bad);
    };
    root?.addEventListener("atlas:reset", onReset);
    root?.addEventListener("atlas:set-state", onSetState);
    if (root) root.dataset.ready = "true";
    return () => {
      root?.removeEventListener("atlas:reset", onReset);
      root?.removeEventListener("atlas:set-state", onSetState);
    };
    // The spec is a module-level constant, so this runs once per mount.
  }, []);

  useEffect(() => {
    if (!hydrated.current) return;
    const search = writeState(name, spec, state, location.search);
    if (search !== location.search)
      history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  }, [state, name, spec]);

  const set = useCallback(<K extends keyof S>(key: K, value: StateOf<S>[K]) => {
    setStateRaw((s) => ({ ...s, [key]: value }));
  }, []);

  return { ref, state, set, setState: setStateRaw, linkErrors };
}
