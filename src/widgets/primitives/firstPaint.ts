import katex from "katex";

/**
 * Build-time helper for a widget's first paint: the equation the live widget typesets, computed
 * during the static build so the page shows real output before any JavaScript. (Charts need no
 * helper: the chart primitives are Preact components, rendered at build time with the island.)
 */
export function equationHtml(tex: string): string {
  return katex.renderToString(tex, { displayMode: true, throwOnError: true, output: "htmlAndMathml" });
}
