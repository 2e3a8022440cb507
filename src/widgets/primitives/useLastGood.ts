import { useRef } from "preact/hooks";

/**
 * The last result computed from valid input. Pass the new result when the input is valid and
 * `undefined` when it is not: the previous result is returned, so it stays on screen beside the
 * error message. `null` until the first valid result.
 *
 * @example
 * const outcome = useMemo(() => compute(state), [state]);
 * const view = useLastGood(outcome.ok ? outcome.view : undefined);
 */
export function useLastGood<T>(result: T | undefined): T | null {
  const last = useRef<T | null>(null);
  if (result !== undefined) last.current = result;
  return last.current;
}
