import { sig } from "../primitives/format";

/**
 * The shared look of a memory matrix (rows are slots): a diverging scale symmetric around 0 that
 * reaches at least ±1, and entries below 1e-4 in size printed as 0.
 */
export function memoryGridProps(data: (number | null)[][]) {
  let s = 1;
  for (const r of data) for (const v of r) if (v !== null) s = Math.max(s, Math.abs(v));
  return {
    data,
    palette: "diverging" as const,
    domain: [-s, s] as [number, number],
    format: (v: number) => sig(Math.abs(v) < 1e-4 ? 0 : v, 3),
    rowTitle: "memory slot",
    colTitle: "column",
    legend: "value",
  };
}
