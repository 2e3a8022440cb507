import { useEffect, useState } from "preact/hooks";

/**
 * A slow measurement that follows the state without blocking the controls. `initial` is the
 * default state's result, precomputed at build time; when `key` (a string naming the inputs the
 * measurement depends on) changes, `measure()` runs after a short delay, so the controls repaint
 * first and the previous result stays on screen meanwhile. `busy` is true until the result for
 * the current key has arrived.
 *
 * @example
 * const { measured, busy } = useDeferredMeasure(initial, measuredKey(state), () => measure(state));
 */
export function useDeferredMeasure<M extends { key: string }>(
  initial: M,
  key: string,
  measure: () => M,
): { measured: M; busy: boolean } {
  const [measured, setMeasured] = useState<M>(initial);
  useEffect(() => {
    if (measured.key === key) return;
    const id = setTimeout(() => setMeasured(measure()), 20);
    return () => clearTimeout(id);
  }, [key]);
  return { measured, busy: measured.key !== key };
}
