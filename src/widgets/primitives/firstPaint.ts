import * as Plot from "@observablehq/plot";
import katex from "katex";
import { parseHTML } from "linkedom";
import { type HeatmapOptions, heatmapFigure } from "./heatmapSpec";

/**
 * Build-time helpers for a widget's first paint: the same figures and equations the live widget
 * draws, computed during the static build so the page shows real output before any JavaScript.
 */
export function heatmapSvg(data: number[][], opts: HeatmapOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const fig = heatmapFigure(Plot, data, opts, document as unknown as Document);
  fig.setAttribute("aria-hidden", "true");
  return fig.outerHTML;
}

export function equationHtml(tex: string): string {
  return katex.renderToString(tex, { displayMode: true, throwOnError: true, output: "htmlAndMathml" });
}
