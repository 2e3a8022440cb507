import type { ClipMode, ClipRunView } from "../../../lib/models/clipping";
import { longMatrixCells, scalarCell } from "../primitives/notebookCells";
import { texAligned } from "../primitives/texNumbers";
import { exponential, fixed, precision } from "../primitives/format";

/**
 * A norm, a loss or a prediction as the lab prints it: four decimals, or two significant digits
 * when its size is below 0.001 (a prediction of −0.17 is "-0.1700", not "-1.7e-1").
 */
export const num = (x: number) =>
  Number.isFinite(x) ? (x !== 0 && Math.abs(x) < 0.001 ? exponential(x, 1) : fixed(x, 4)) : "–";

/** The factor clipping by norm multiplies g by (c / ‖g‖), to four significant digits, in the equation, its summary and the runs' table. */
export const factor = (x: number) => precision(x, 4);

/** The parameters' names in TeX subscripts and in notebook cells. */
const TEX_NAME: Record<string, string> = {
  W_ih: "W_{ih}",
  W_hh: "W_{hh}",
  b: "b",
  w_out: "w_{\\text{out}}",
  b_out: "b_{\\text{out}}",
};

/** What the clipping rule of one run did to its last gradient. */
export interface ClipNumbers {
  /** Each parameter's gradient norm, and the global norm ‖g‖ (before clipping). */
  norms: number[];
  norm: number;
  /** Entries of g in all. */
  entries: number;
  /** By norm: the factor min(1, c/(‖g‖ + 10⁻⁶)); else 1. */
  coef: number;
  /** By value: the entries with |gᵢ| > c, the largest |gᵢ| and the cosine between g before and after. */
  clipped: number;
  maxAbs: number;
  cos: number;
  /** ‖g‖ after clipping. */
  after: number;
}

const sq = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0);

/** The clipping rule of `mode` with threshold c applied to a run's last gradient, as the model applied it. */
export function clipNumbers(run: ClipRunView, mode: ClipMode, c: number): ClipNumbers {
  const flat = run.grads.map((g) => g.value.flat());
  const norms = flat.map((g) => Math.sqrt(sq(g)));
  const norm = Math.sqrt(sq(norms));
  const all = flat.flat();
  const coef = mode === "norm" ? Math.min(1, c / (norm + 1e-6)) : 1;
  const clamped = mode === "value" ? all.map((x) => Math.min(Math.max(x, -c), c)) : all.map((x) => x * coef);
  const after = Math.sqrt(sq(clamped));
  const dot = all.reduce((s, x, i) => s + x * clamped[i], 0);
  return {
    norms,
    norm,
    entries: all.length,
    coef,
    clipped: mode === "value" ? all.filter((x) => Math.abs(x) > c).length : 0,
    maxAbs: Math.max(0, ...all.map(Math.abs)),
    cos: norm > 0 && after > 0 ? dot / (norm * after) : 1,
    after,
  };
}

/**
 * The live equation of one run's last step: the global gradient norm from each parameter's norm,
 * then the rule the run applies with the threshold c and what it did (by norm: the factor and the
 * new norm; by value: how many entries were clipped, the new norm and how far the direction turned).
 */
export function clipTex(run: ClipRunView, mode: ClipMode, c: number, step: number): string {
  if (run.divergedAt !== null) {
    const what =
      run.divergedBy === "held-out loss"
        ? `\\text{after step } ${run.divergedAt} &: \\text{the held-out loss is not finite (} \\lVert g \\rVert = ${num(run.totalNorm)} \\text{ at that step)}`
        : run.divergedBy === "training loss"
          ? `\\text{step } ${run.divergedAt} &: \\text{the training loss is not finite}`
          : `\\text{step } ${run.divergedAt} &: \\lVert g \\rVert \\text{ is not finite}`;
    return texAligned([`${what}\\text{: the run diverged and takes no more steps}`]);
  }
  const n = clipNumbers(run, mode, c);
  const parts = n.norms.map((x) => `${num(x)}^2`).join(" + ");
  const names = run.grads.map((g) => `\\lVert g_{${TEX_NAME[g.name] ?? g.name}} \\rVert^2`).join(" + ");
  const lines = [
    `\\lVert g \\rVert &= \\sqrt{${names}} = \\sqrt{${parts}} = ${num(n.norm)} \\quad \\text{(step ${step}, ${n.entries} entries)}`,
  ];
  if (mode === "norm")
    lines.push(
      `g &\\leftarrow g \\cdot \\min\\!\\left(1, \\frac{c}{\\lVert g \\rVert + 10^{-6}}\\right) = g \\cdot \\min\\!\\left(1, \\frac{${c}}{${num(n.norm)} + 10^{-6}}\\right) = ${factor(n.coef)}\\, g`,
      `\\lVert g \\rVert &\\to ${num(n.after)}${n.coef < 1 ? " = c" : " \\quad \\text{(not clipped: } \\lVert g \\rVert \\le c\\text{)}"}`,
    );
  else if (mode === "value")
    lines.push(
      `g_i &\\leftarrow \\min(\\max(g_i, -c), c),\\quad c = ${c}:\\ ${n.clipped} \\text{ of } ${n.entries} \\text{ entries clipped} \\quad (\\max_i |g_i| = ${num(n.maxAbs)})`,
      `\\lVert g \\rVert &\\to ${num(n.after)},\\quad \\cos(g_{\\text{before}}, g_{\\text{after}}) = ${fixed(n.cos, 4)}`,
    );
  else
    lines.push(
      `g &\\leftarrow g \\quad \\text{(no clipping: the update uses } g \\text{ as it is, } \\lVert g \\rVert = ${num(n.norm)}\\text{)}`,
    );
  return texAligned(lines);
}

/**
 * What made a diverged run stop, as the model decided it: its gradient or training loss at step
 * `divergedAt` was not finite, or its held-out loss after that step was not (its gradient was).
 */
export function divergedWhy(run: ClipRunView): string {
  if (run.divergedBy === "held-out loss")
    return `its held-out loss after that step is not finite, although that step's gradient was (‖g‖ = ${num(run.totalNorm)})`;
  if (run.divergedBy === "training loss") return "its training loss on that step's batch is not finite";
  return "its gradient on that step's batch is not finite";
}

/** One sentence for the equation's label and the line above it. */
export function clipSummary(run: ClipRunView, mode: ClipMode, c: number, step: number): string {
  if (run.divergedAt !== null) return `This run diverged at step ${run.divergedAt}: ${divergedWhy(run)}.`;
  const n = clipNumbers(run, mode, c);
  const at = `At step ${step} the gradient norm is ${num(n.norm)}`;
  if (mode === "norm")
    return n.coef < 1
      ? `${at}, above c = ${c}: clipping by norm multiplies g by ${factor(n.coef)}, so its norm becomes ${num(n.after)} and its direction stays.`
      : `${at}, not above c = ${c}: clipping by norm leaves g as it is.`;
  if (mode === "value")
    return `${at}; clipping by value at c = ${c} clamps ${n.clipped} of its ${n.entries} entries, so its norm becomes ${num(n.after)} and its direction turns (cosine ${fixed(n.cos, 4)}).`;
  return `${at}; this run uses g as it is.`;
}

/**
 * Notebook cells that recompute one run's clipping at its last step: the gradient of each
 * parameter carried as computed in the worker (before clipping), c, the per-parameter norms and
 * the global norm (torch's way: the norm of the norms), then the run's rule. `null` before the
 * first step or after the run diverged.
 */
export function clipCells(
  run: ClipRunView,
  mode: ClipMode,
  c: number,
  step: number,
  what: string,
): string[] | null {
  if (run.grads.length === 0 || run.divergedAt !== null) return null;
  const g = run.grads.map((p) => `g_${p.name}`);
  const rule =
    mode === "norm"
      ? "clipping by norm multiplies g by min(1, c / (norm(g) + 1e-6))"
      : mode === "value"
        ? "clipping by value clamps every entry to [-c, c], written (|g + c| - |g - c|) / 2"
        : "this run does not clip";
  const cells = [
    `# The ${what} at training step ${step}: ${g.join(", ")} hold the gradient of each parameter on the last batch, before clipping, as computed in the model's worker; c is the threshold. The cells recompute the global norm and the rule (${rule}).`,
    ...run.grads.flatMap((p) => longMatrixCells(`g_${p.name}`, p.value)),
    scalarCell("c", c),
    `norms = [${g.map((x) => `norm(${x}, "fro")`).join(", ")}]`,
    "g_norm = norm(norms)",
  ];
  if (mode === "norm") cells.push("coef = min(1, c / (g_norm + 1e-6))", "clipped_norm = coef * g_norm");
  if (mode === "value") {
    const v = run.grads.map((p) => `v_${p.name}`);
    cells.push(
      ...v.map((vk, k) => `${vk} = (abs(${g[k]} + c) - abs(${g[k]} - c)) / 2`),
      `clipped = ${g.map((x) => `sum(abs(${x}) > c)`).join(" + ")}`,
      `clipped_norm = norm([${v.map((x) => `norm(${x}, "fro")`).join(", ")}])`,
      `cosine = (${g.map((x, k) => `sum(dotMultiply(${x}, ${v[k]}))`).join(" + ")}) / (g_norm * clipped_norm)`,
    );
  }
  return cells;
}
