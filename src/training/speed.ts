/** Speeds the reader can pick: steps per second, or as fast as the worker can go. */
export const SPEEDS = {
  slow: 4,
  medium: 30,
  fast: Infinity,
} as const;
export type Speed = keyof typeof SPEEDS;
