import { longMatrixCells, scalarCell, vectorCell } from "../primitives/notebookCells";
import { roundSignificant } from "../primitives/format";

/**
 * Cells for the recall widget at the step shown: the stored patterns P (one per row), Hebb's
 * couplings J = PᵀP − P·I in whole numbers and W = J / P, the state s shown, and neuron i's field
 * h = Js / P (whole numbers first, so a field of exactly 0 stays 0) and the synchronous update
 * sign(h) with sign(0) = +1. The state is carried from the widget: an asynchronous sweep visits
 * the neurons in a seeded random order, which these cells do not replay (a comment cell says so).
 */
export function recallCells(
  patterns: readonly (readonly number[])[],
  state: ArrayLike<number>,
  neuron: number,
  step: number,
  mode: "sync" | "async",
): string[] {
  const n = patterns[0].length;
  return [
    ...longMatrixCells("P", patterns),
    "k = size(P)[1]",
    `J = P' * P - k * identity(${n})`,
    "W = J / k",
    mode === "async"
      ? `# s is the state after step ${step} of the widget's run; asynchronous sweeps visit the neurons in a seeded random order, which these cells do not replay.`
      : `# s is the state after step ${step} of the widget's run; s_next = sign(W s) is the next step.`,
    vectorCell("s", Array.from(state)),
    scalarCell("i", neuron + 1),
    "h = J * s / k",
    "h_i = h[i]",
    "s_next = 2 * (h >= 0) - 1",
  ];
}

/**
 * Cells for the modern Hopfield widget: the stored patterns as the columns of X, β, the query ξ₀,
 * then each update p_t = softmax(β Xᵀ ξ_{t−1}), ξ_t = X p_t. Past 12 updates, the state before the
 * last one is carried from the widget (a comment cell says so) and only the last is written out.
 */
export function modernCells(
  X: readonly (readonly number[])[],
  query: readonly number[],
  prev: readonly number[],
  beta: number,
  steps: number,
  pixel: number,
): string[] {
  const cells = [...longMatrixCells("Xt", X), "X = Xt'", scalarCell("beta", beta), vectorCell("xi_0", query)];
  const first = steps <= 12 ? 1 : steps;
  if (first > 1)
    cells.push(
      `# xi_${steps - 1} is the widget's state after ${steps - 1} updates (each the same formula as below).`,
      vectorCell(
        `xi_${steps - 1}`,
        prev.map((x) => roundSignificant(x, 10)),
      ),
    );
  for (let t = first; t <= steps; t++)
    cells.push(`p_${t} = softmax(beta * X' * xi_${t - 1})`, `xi_${t} = X * p_${t}`);
  cells.push(scalarCell("j", pixel + 1), `xi_j = xi_${steps}[j]`);
  return cells;
}

/**
 * Cells for the capacity curve: N, the pattern counts P measured, the loads P/N, the exact-recall
 * capacity N/(2 ln N) and each P against it; the recall rates are the widget's seeded simulation,
 * carried as numbers (a comment cell says so).
 */
export function capacityCells(
  neurons: number,
  points: readonly { patterns: number; successRate: number }[],
  trials: number,
): string[] {
  return [
    scalarCell("N", neurons),
    vectorCell(
      "P",
      points.map((p) => p.patterns),
    ),
    "load = P / N",
    "capacity = N / (2 * log(N))",
    "P / capacity",
    `# The recall rates come from the widget's simulation (${trials} trial${trials > 1 ? "s" : ""} per point, seeded); they are not recomputed here.`,
    vectorCell(
      "recalled",
      points.map((p) => p.successRate),
    ),
  ];
}
