/**
 * Which views a result can be drawn in, by its kind: a scalar as a number, a vector as bars, a
 * matrix as a heatmap (with its table), a boolean mask as a grid, a function of one variable as
 * a plot. The reader can switch to the other views a kind allows.
 */
import type { Encoded, EvaluateResult } from "../formula/protocol";
import type { ViewKind } from "./model";
import { sig } from "../widgets/primitives/format";

export const VIEW_LABELS: Record<Exclude<ViewKind, "auto">, string> = {
  heatmap: "Heatmap",
  table: "Table",
  bars: "Bars",
  grid: "Mask grid",
  plot: "Plot",
  text: "Text",
};

/** The views a result allows, the default first. */
export function viewsFor(r: EvaluateResult): Exclude<ViewKind, "auto">[] {
  const v = r.value;
  if (v.kind === "function") return r.plot ? ["plot", "text"] : ["text"];
  if (v.kind !== "matrix") return ["text"];
  const bool = isBoolean(v);
  if (v.size.length === 1) return bool ? ["grid", "table", "text"] : ["bars", "table", "text"];
  if (v.size.length === 2) return bool ? ["grid", "table", "text"] : ["heatmap", "table", "text"];
  return ["text"];
}

/** The view to draw: the reader's choice if the result allows it, else the default. */
export function chooseView(r: EvaluateResult, wanted: ViewKind): Exclude<ViewKind, "auto"> {
  const allowed = viewsFor(r);
  return wanted !== "auto" && allowed.includes(wanted) ? wanted : allowed[0];
}

export function isBoolean(v: Extract<Encoded, { kind: "matrix" }>): boolean {
  const first = (v.data as unknown[]).flat(Infinity as 1)[0];
  return typeof first === "boolean";
}

/** Rows of a 1-D or 2-D matrix value. */
export function rowsOf(v: Extract<Encoded, { kind: "matrix" }>): (number | boolean)[][] {
  return v.size.length === 1 ? [v.data as (number | boolean)[]] : (v.data as (number | boolean)[][]);
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : sig(x, 6));

/** A value as one line of text (scalars) or a few lines (matrices), for the text view and summaries. */
export function valueText(v: Encoded): string {
  switch (v.kind) {
    case "number":
      return num(v.value);
    case "boolean":
      return String(v.value);
    case "string":
      return JSON.stringify(v.value);
    case "complex":
      return `${num(v.re)} ${v.im < 0 ? "−" : "+"} ${num(Math.abs(v.im))}i`;
    case "none":
      return "(no value)";
    case "function":
      return `${v.name}(${v.params.join(", ")}): a function of ${v.params.length} variable${v.params.length === 1 ? "" : "s"}`;
    case "matrix": {
      const fmt = (x: unknown): string =>
        typeof x === "number" ? num(x) : Array.isArray(x) ? `[${x.map(fmt).join(", ")}]` : String(x);
      const text = fmt(v.data);
      return text.length > 4000 ? `${text.slice(0, 4000)}… (${v.size.join("×")} entries in all)` : text;
    }
  }
}
