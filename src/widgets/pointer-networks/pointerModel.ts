import { pointerSort } from "../../../lib";
import { fields } from "../primitives/urlState";
import { parseNumberList } from "../primitives/parseList";

export const MAX_INPUTS = 12;

/** The state a link to this widget reproduces. */
export const pointerSpec = {
  xs: fields.text("5 -2 9 0.5 3 7", { maxLength: 160, ascii: true }),
  beta: fields.number(8, 0, 40),
  order: fields.choice<"ascending" | "descending">("ascending", ["ascending", "descending"]),
  step: fields.int(1, 1, MAX_INPUTS),
};

export interface PointerInput {
  xs: string;
  beta: number;
  order: "ascending" | "descending";
  step: number;
}

export interface PointerView {
  xs: number[];
  /** (n, n) one distribution over input positions per output step. */
  probs: number[][];
  /** (n, n) scores per step (masked positions included). */
  scores: number[][];
  /** (n, n) 1 where a position could still be chosen at that step. */
  allow: number[][];
  order: number[];
  probability: number;
}

export type PointerOutcome = { ok: true; view: PointerView } | { ok: false; error: string };

/** Parse the reader's numbers and decode them with the hand-set pointer scorer of `lib/`. */
export function computePointer(s: PointerInput): PointerOutcome {
  const long = pointerSpec.xs.message(s.xs, "The list");
  if (long) return { ok: false, error: long };
  const parsed = parseNumberList(s.xs, "The list", 1, MAX_INPUTS, 1e6);
  if (!parsed.ok) return parsed;
  const r = pointerSort(parsed.value, { beta: s.beta, order: s.order });
  return {
    ok: true,
    view: {
      xs: parsed.value,
      probs: r.steps.map((st) => Array.from(st.probs)),
      scores: r.steps.map((st) => Array.from(st.scores)),
      allow: r.steps.map((st) => Array.from(st.allow)),
      order: Array.from(r.order),
      probability: r.probability,
    },
  };
}
