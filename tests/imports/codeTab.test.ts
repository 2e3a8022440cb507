/**
 * The Code tab lists exactly the `lib/` functions a widget calls. For each widget (`<Name>.astro`
 * under `src/widgets/<chapter>/`), the files it reaches through relative imports are read, every
 * function or class they import from `lib/` is resolved to the file that defines it (following
 * the barrels' re-exports), and the `code` prop of its `<Widget>` must
 *  - list every such function outside `lib/core/` (matrices, randomness, the tokenizer), and
 *  - list nothing the widget's path never runs: each entry is imported, or called (by name) from
 *    the source of an entry that is.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/widgets/primitives/codeExtract";
import { ROOT, importGraph, resolveSpecifier, specifiers } from "./importGraph";

const graph = importGraph(["lib", "src"]);

interface Export {
  file: string;
  name: string;
  kind: "function" | "class" | "value";
}

const exportCache = new Map<string, Map<string, Export>>();
/** Name → defining file of every runtime export of a lib module, through `export *` and `export {…} from`. */
function exportsOf(file: string): Map<string, Export> {
  const cached = exportCache.get(file);
  if (cached) return cached;
  const out = new Map<string, Export>();
  exportCache.set(file, out);
  const src = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const exported = (n: ts.Node) =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of src.statements) {
    if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) {
      const target = resolveSpecifier(file, (st.moduleSpecifier as ts.StringLiteral).text);
      if (!target) continue;
      const inner = exportsOf(target);
      if (!st.exportClause) for (const [k, v] of inner) out.set(k, v);
      else if (ts.isNamedExports(st.exportClause))
        for (const e of st.exportClause.elements) {
          if (e.isTypeOnly) continue;
          const v = inner.get((e.propertyName ?? e.name).text);
          if (v) out.set(e.name.text, v);
        }
    } else if (ts.isFunctionDeclaration(st) && st.name && exported(st))
      out.set(st.name.text, { file, name: st.name.text, kind: "function" });
    else if (ts.isClassDeclaration(st) && st.name && exported(st))
      out.set(st.name.text, { file, name: st.name.text, kind: "class" });
    else if (ts.isVariableStatement(st) && exported(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name)) {
          const init = d.initializer;
          const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
          out.set(d.name.text, { file, name: d.name.text, kind: fn ? "function" : "value" });
        }
  }
  return out;
}

/** The lib functions and classes one src file imports (statically, or dynamically and then used as `m.name`). */
function libImports(file: string): Export[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const code = file.endsWith(".astro") ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "") : text;
  const src = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Export[] = [];
  const fromLib = (spec: string) => {
    const r = resolveSpecifier(file, spec);
    return r && r.startsWith("lib/") ? r : null;
  };
  for (const st of src.statements) {
    if (!ts.isImportDeclaration(st) || st.importClause?.isTypeOnly) continue;
    const target = fromLib((st.moduleSpecifier as ts.StringLiteral).text);
    const named = st.importClause?.namedBindings;
    if (!target || !named || !ts.isNamedImports(named)) continue;
    const ex = exportsOf(target);
    for (const e of named.elements) {
      if (e.isTypeOnly) continue;
      const v = ex.get((e.propertyName ?? e.name).text);
      if (v) out.push(v);
    }
  }
  for (const spec of specifiers(file)) {
    const target = fromLib(spec);
    if (
      !target ||
      !new RegExp(`import\\(\\s*["']${spec.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}["']`).test(code)
    )
      continue;
    for (const [name, v] of exportsOf(target)) if (new RegExp(`\\.${name}\\b`).test(code)) out.push(v);
  }
  return out.filter((v) => v.kind !== "value");
}

/** Files a widget reaches through relative imports inside src/. */
function reach(entry: string): string[] {
  const seen = new Set<string>([entry]);
  const todo = [entry];
  while (todo.length) {
    for (const d of graph.get(todo.pop()!) ?? [])
      if (d.startsWith("src/") && !seen.has(d)) {
        seen.add(d);
        todo.push(d);
      }
  }
  return [...seen];
}

const key = (e: { file: string; name?: string }) => `${e.file} · ${e.name}`;

/** Everything `roots` call in lib, by name, read from their sources (to a fixed point). */
function callClosure(roots: Export[]): Set<string> {
  const done = new Set(roots.map(key));
  const todo = [...roots];
  while (todo.length) {
    const f = todo.pop()!;
    const body = extractSource(f).replace(/\/\*\*[\s\S]*?\*\//, "");
    const visible = new Map<string, Export>([...exportsOf(f.file)]);
    for (const dep of graph.get(f.file) ?? []) for (const [k, v] of exportsOf(dep)) visible.set(k, v);
    for (const [name, v] of visible) {
      if (v.kind === "value" || done.has(key(v)) || !new RegExp(`\\b${name}\\b`).test(body)) continue;
      done.add(key(v));
      todo.push(v);
    }
  }
  return done;
}

const widgets = [...graph.keys()].filter(
  (f) => /^src\/widgets\/[^/]+\/[^/]+\.astro$/.test(f) && !f.startsWith("src/widgets/primitives/"),
);

describe("Code tab", () => {
  it("finds the widgets and reads their imports", () => {
    expect(widgets.length).toBeGreaterThanOrEqual(25);
    const qkv = reach("src/widgets/queries-keys-values/QkvExplorer.astro").flatMap(libImports).map(key);
    expect(qkv).toContain("lib/attention/scaledDotProduct.ts · scaledDotProduct");
  });

  it.each(widgets)("%s lists exactly the lib functions its path calls", (astro) => {
    const text = readFileSync(join(ROOT, astro), "utf8");
    const listed = [...text.matchAll(/\{\s*file:\s*"([^"]+)",\s*name:\s*"([^"]+)"\s*\}/g)].map(
      (m) => `${m[1]} · ${m[2]}`,
    );
    const imported = reach(astro).flatMap(libImports);
    const shown = imported.filter((e) => !e.file.startsWith("lib/core/"));
    const missing = [...new Set(shown.map(key))].filter((k) => !listed.includes(k));
    const closure = callClosure(imported);
    const neverCalled = listed.filter((k) => !closure.has(k));
    expect({ missing, neverCalled }, `${astro} (${dirname(astro)})`).toEqual({
      missing: [],
      neverCalled: [],
    });
  });
});
