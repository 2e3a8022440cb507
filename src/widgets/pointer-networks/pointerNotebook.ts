import { scalarCell, vectorCell } from "../primitives/notebookCells";
import { type PointerInput, computePointer } from "./pointerModel";
import { pointerAnchor } from "./pointerEquation";

/**
 * Notebook cells that recompute the pointer's selected step t: the hand-set scores
 * u = −β(x − c)/r, the mask of positions still free and the masked softmax p. The positions
 * chosen at earlier steps (which set c and the mask) are carried from the widget, as a comment
 * says. `null` while the list does not parse.
 */
export function pointerCells(s: PointerInput): string[] | null {
  const out = computePointer(s);
  if (!out.ok) return null;
  const v = out.view;
  const t = Math.min(s.step, v.xs.length);
  const before = v.order.slice(0, t - 1).map((j) => `#${j + 1}`);
  const { c } = pointerAnchor(v, s.order, t);
  return [
    `# Step ${t} of ${v.xs.length}, ${s.order} order. ` +
      (before.length > 0
        ? `Positions chosen before it (masked now): ${before.join(", ")}; c is the value chosen last.`
        : `Nothing is chosen yet; c is the ${s.order === "ascending" ? "smallest" : "largest"} value.`),
    vectorCell("x", v.xs),
    scalarCell("beta", s.beta),
    "r = max(x) > min(x) ? max(x) - min(x) : 1",
    scalarCell("c", c),
    vectorCell(
      "allow",
      v.allow[t - 1].map((a) => (a ? 1 : 0)),
    ),
    s.order === "ascending" ? "u = -beta * (x - c) / r" : "u = -beta * (c - x) / r",
    "blocked(a) = a ? 0 : -Infinity",
    "p = softmax(u + map(allow, blocked))",
  ];
}
