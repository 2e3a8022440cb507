/**
 * The symbols a piece of TeX uses, so the notation page can list, for each symbol, the chapters
 * whose formulas use it. A symbol is a Latin letter or a Greek letter command, with its subscript
 * when it has one: `d_k` and `d_{k}` are both "d_k", `\alpha_{ij}` is "\alpha_{ij}" and also counts as a
 * use of "\alpha". Letters inside command names (`\operatorname{softmax}`, `\text{out}`) are not symbols.
 */
const GREEK =
  "alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega";
/** Commands whose braced argument is words, not symbols. */
const WORDS =
  /\\(?:operatorname\*?|text|textbf|textit|mathrm|mathbb|mathcal|mathbf|begin|end|label)\s*\{[^{}]*\}/g;
const TOKEN = new RegExp(`\\\\(${GREEK})(?![A-Za-z])|\\\\[A-Za-z]+|([A-Za-z])`, "g");
const SUB = /^\s*_\s*(?:\{([^{}]*)\}|([A-Za-z0-9]))/;

/** Every symbol in `tex`: bases ("d", "\alpha") and subscripted forms ("d_k", "\alpha_{ij}"). */
export function mathSymbols(tex: string): Set<string> {
  const out = new Set<string>();
  const src = tex.replace(WORDS, " ");
  let skipTo = 0; // the end of the last subscript: its letters belong to the symbol before it
  for (const m of src.matchAll(TOKEN)) {
    if (m.index < skipTo) continue;
    const base = m[1] ? `\\${m[1]}` : m[2];
    if (!base) continue; // another command (\frac, \sum …)
    out.add(base);
    const after = m.index + m[0].length;
    const sub = SUB.exec(src.slice(after));
    if (sub) {
      out.add(`${base}_${(sub[1] ?? sub[2]).replace(/\s+/g, "")}`);
      skipTo = after + sub[0].length;
    }
  }
  return out;
}

/** The TeX of every `$…$` and `$$…$$` in an MDX file's body (frontmatter and code left out). */
export function mathOf(mdx: string): string[] {
  const body = mdx.replace(/^---[\s\S]*?\n---\n/, "").replace(/```[\s\S]*?```/g, "");
  const display = [...body.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => m[1]);
  const rest = body.replace(/\$\$[\s\S]*?\$\$/g, " ");
  const inline = [...rest.matchAll(/\$([^$\n]+)\$/g)].map((m) => m[1]);
  return [...display, ...inline];
}
