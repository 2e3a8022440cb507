type Katex = typeof import("katex");

let katexPromise: Promise<Katex> | null = null;

/**
 * KaTeX on the main thread, loaded once per page: the formula field (`src/formula/Typeset.tsx`)
 * draws readers' formulas with it as DOM nodes, and live equations use it too once it is loaded,
 * so a page never downloads KaTeX twice for the two.
 */
export function loadKatex(): Promise<Katex> {
  katexPromise ??= import("katex").then((m) => (m as unknown as { default?: Katex }).default ?? m);
  katexPromise.catch(() => (katexPromise = null));
  return katexPromise;
}

/** Whether KaTeX has been asked for on the main thread on this page. */
export function katexLoaded(): boolean {
  return katexPromise !== null;
}
