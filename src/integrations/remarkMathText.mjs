/**
 * Two remark plugins for the text around math.
 *
 * `remarkNoExpressionInMath` fails the build when a formula contains what the author meant as an
 * MDX expression: `$x \approx {f(y, 4)}$` renders the braces' content as TeX, so the reader sees
 * "f(y, 4)" where a number should be. Inside math, `{name}` or `{name(…)}` with a name that the
 * chapter imports or exports is that mistake. Braces after a TeX command (`\mathbb{E}`) are
 * arguments, not expressions, and are left alone.
 *
 * `remarkApostropheAfterMath` repairs what smart quotes do to `$i$'s`: the apostrophe starts a
 * new text node, so it is read as an opening quote (‘). An opening quote right after inline math,
 * with no space between, is an apostrophe (’).
 */

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/** The names an MDX file's `import` and `export` statements declare. */
export function declaredNames(esmSource) {
  const names = new Set();
  const exports = /export\s+(?:const|let|var|function)\s+([A-Za-z_$][\w$]*)/g;
  for (const m of esmSource.matchAll(exports)) names.add(m[1]);
  const imports = /import\s+(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([^}]*)\})?\s*from/g;
  for (const m of esmSource.matchAll(imports)) {
    if (m[1]) names.add(m[1]);
    for (const part of (m[2] ?? "").split(",")) {
      const local = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (local && IDENTIFIER.test(local)) names.add(local);
      IDENTIFIER.lastIndex = 0;
    }
  }
  return names;
}

/** The `{name…}` groups in a TeX string whose name is declared and that no TeX command owns. */
export function expressionsInMath(tex, names) {
  const found = [];
  for (const m of tex.matchAll(/(\\[A-Za-z]+)?\{\s*([A-Za-z_$][\w$]*)\s*([}(.[])/g)) {
    if (m[1]) continue; // \mathbb{E}, \operatorname{softmax}: a command's argument
    if (names.has(m[2])) found.push(`{${m[2]}${m[3] === "}" ? "}" : m[3] + "…}"}`);
  }
  return found;
}

function visit(node, fn, parent) {
  fn(node, parent);
  for (const child of node.children ?? []) visit(child, fn, node);
}

export function remarkNoExpressionInMath() {
  return (tree, file) => {
    let esm = "";
    visit(tree, (node) => {
      if (node.type === "mdxjsEsm") esm += `${node.value}\n`;
    });
    const names = declaredNames(esm);
    if (names.size === 0) return;
    const problems = [];
    visit(tree, (node) => {
      if (node.type !== "inlineMath" && node.type !== "math") return;
      for (const expr of expressionsInMath(node.value, names)) {
        const at = node.position?.start;
        problems.push(
          `${file.path ?? "(unknown file)"}:${at?.line ?? "?"}:${at?.column ?? "?"}: ${expr} inside math is ` +
            "typeset as TeX, not evaluated. Close the math before the expression: $… \\approx$ {value}.",
        );
      }
    });
    if (problems.length) throw new Error(problems.join("\n"));
  };
}

export function remarkApostropheAfterMath() {
  return (tree) => {
    visit(tree, (node) => {
      const kids = node.children ?? [];
      for (let i = 1; i < kids.length; i++) {
        const text = kids[i];
        if (kids[i - 1].type === "inlineMath" && text.type === "text" && text.value.startsWith("\u2018")) {
          text.value = `\u2019${text.value.slice(1)}`;
        }
      }
    });
  };
}
