/** What the page and the typesetting worker (`typesetWorker.ts`) exchange. */

/** The options every live equation is typeset with (the worker and the fallback share them). */
export const KATEX_OPTIONS = {
  displayMode: true,
  throwOnError: true,
  output: "htmlAndMathml",
} as const;

/** A request to the typesetting worker. */
export interface TypesetRequest {
  id: number;
  tex: string;
}
/** Its answer: the HTML, or KaTeX's error message. */
export type TypesetAnswer = { id: number; html: string } | { id: number; error: string };
