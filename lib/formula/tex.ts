/**
 * TeX rendering tweaks for formulas: `K'` is a transpose (`K^\top`, not the conjugate `K^H`),
 * and symbols are rendered as variables (mathjs would print `K` as the unit kelvin).
 */
import type { MathNode } from "mathjs";

const GREEK = new Set(
  "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega".split(
    " ",
  ),
);

/** TeX of a variable name: `q`, `\beta`, `d_{k}` for `d_k`, `W_{1}` for `W1`, `\mathrm{name}` for longer names. */
export function symbolTex(name: string): string {
  const digits = /^([A-Za-z])(\d+)$/.exec(name);
  if (digits) return `${digits[1]}_{${digits[2]}}`;
  const [base, sub] = name.split(/_(.*)/s);
  const b = GREEK.has(base) ? `\\${base}` : base.length === 1 ? base : `\\mathrm{${base}}`;
  return sub ? `${b}_{${symbolTex(sub)}}` : b;
}

/**
 * Symbols are emitted behind a marker so that `\\cdot` followed by `q` does not fuse into
 * `\\cdotq`: {@link finishTex} turns a marker after a TeX command into a space and drops the rest.
 */
const MARK = "\u0001";

/** Resolve the markers left by {@link texHandler}. */
export function finishTex(tex: string): string {
  return tex.replace(/(\\[A-Za-z]+)\u0001/g, "$1 ").replace(/\u0001/g, "");
}

type TexOptions = { handler?: unknown };
type Node = MathNode & {
  name?: string;
  fn?: string | MathNode;
  args?: MathNode[];
  toTex(o?: TexOptions): string;
};

/** A `toTex` handler: returns TeX for the nodes it changes, `undefined` for the rest. */
export function texHandler(node: Node, options: TexOptions): string | undefined {
  if (node.type === "SymbolNode" && node.name !== undefined) return MARK + symbolTex(node.name);
  if (node.type === "OperatorNode" && node.fn === "ctranspose" && node.args) {
    const [x] = node.args;
    const inner = x.toTex(options);
    return x.type === "SymbolNode" || x.type === "ParenthesisNode"
      ? `{${inner}}^{\\top}`
      : `\\left(${inner}\\right)^{\\top}`;
  }
  return undefined;
}
