import { useRef } from "preact/hooks";

/**
 * `value`, refreshed at most every `ms` milliseconds (every render when `ms` is 0). A trained
 * widget's live equation follows its model through this while it trains: typesetting is the page's
 * largest task, so the equation changes at most once a second then, and at once when paused.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const last = useRef({ value, at: -Infinity });
  const now = performance.now();
  if (ms === 0 || now - last.current.at >= ms) last.current = { value, at: now };
  return last.current.value;
}
