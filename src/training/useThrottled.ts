import { useRef } from "preact/hooks";

/**
 * `value`, refreshed at most every `ms` milliseconds (every render when `ms` is 0; never while
 * `ms` is `Infinity`), and at once whenever `key` changes. A trained widget's live equation
 * follows its model through this while it trains: typesetting is the page's largest task, so
 * while the model trains the equation changes at most once a second (or, for the largest
 * equations, only when the reader changes the selection, the `key`), and at once when paused.
 */
export function useThrottled<T>(value: T, ms: number, key?: unknown): T {
  const last = useRef({ value, at: -Infinity, key });
  const now = performance.now();
  if (ms === 0 || now - last.current.at >= ms || key !== last.current.key)
    last.current = { value, at: now, key };
  return last.current.value;
}
