import { layerCost } from "../../../lib";
import { fields } from "../primitives/urlState";

export const costSpec = {
  n: fields.int(100, 1, 4096),
  d: fields.int(512, 8, 2048),
};

/** Costs along n (log-spaced) for the chart, and at the reader's n. */
export function computeCost(s: { n: number; d: number }) {
  const ns: number[] = [];
  for (let e = 0; e <= 12; e += 0.25) ns.push(Math.round(2 ** e));
  const curve = [...new Set(ns)].map((n) => ({ n, ...layerCost(n, s.d) }));
  return { curve, at: layerCost(s.n, s.d) };
}
