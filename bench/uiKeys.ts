/**
 * The keys `npm run bench:ui` (and `bench/uiProfile.ts`) press in a widget, as a reader would:
 * arrow keys on every slider, and a character typed and erased in every text or number field.
 */
export const READER_KEYS = [
  {
    controls: '[role="slider"], input[type="range"]',
    keys: ["ArrowRight", "ArrowRight", "ArrowLeft", "ArrowLeft"],
  },
  {
    controls: 'textarea, input[type="text"], input[type="number"], input[type="search"], input:not([type])',
    keys: ["End", "1", "Backspace"],
  },
] as const;
