/**
 * The project's static import graph (lib/, src/, bench/): every relative `import`, `export … from`,
 * `import()` and side-effect import of every .ts, .tsx, .mts, .mjs and .astro file, resolved to
 * files. Used by the layering tests (no file or folder cycles) and the Code-tab test.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const ROOT = resolve(__dirname, "../..");
const SOURCE = /\.(ts|tsx|mts|mjs|astro)$/;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".mjs", ".astro", "/index.ts", "/index.tsx"];

/** Every source file under `dirs` (relative to the project root), as root-relative paths. */
export function sourceFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(ROOT, d))) {
      const p = `${d}/${name}`;
      if (statSync(join(ROOT, p)).isDirectory()) walk(p);
      else if (SOURCE.test(name) && !name.endsWith(".d.ts") && !name.endsWith(".d.mts")) out.push(p);
    }
  };
  for (const d of dirs) if (existsSync(join(ROOT, d))) walk(d);
  return out.sort();
}

/** The script parts of a file: the whole text, or an .astro file's frontmatter and `<script>`s. */
function scriptText(file: string, text: string): string {
  if (!file.endsWith(".astro")) return text;
  const parts: string[] = [];
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fm) parts.push(fm[1]);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1]);
  return parts.join("\n");
}

/**
 * The module specifiers a file imports (static, re-exports, dynamic with a literal) and the
 * workers it starts (`new Worker(new URL("./x.worker.ts", import.meta.url))`).
 */
export function specifiers(file: string): string[] {
  const text = scriptText(file, readFileSync(join(ROOT, file), "utf8"));
  const info = ts.preProcessFile(text, true, true);
  // A worker's module: new Worker(new URL("./worker.ts", import.meta.url)).
  const urls = [...text.matchAll(/\bnew\s+URL\s*\(\s*(["'`])(\.[^"'`\n]+)\1\s*,\s*import\.meta\.url/g)].map(
    (m) => m[2],
  );
  return [...info.importedFiles.map((f) => f.fileName), ...urls];
}

/** Resolve a relative specifier from `file` to a root-relative source path, or null (a package, CSS, …). */
export function resolveSpecifier(file: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(ROOT, dirname(file), spec.replace(/\?.*$/, ""));
  const candidates = EXTENSIONS.map((e) => base + e);
  if (/\.m?js$/.test(base)) candidates.push(base.replace(/\.m?js$/, ".ts"));
  for (const c of candidates) {
    if (existsSync(c) && statSync(c).isFile() && SOURCE.test(c)) return relative(ROOT, c);
  }
  return null;
}

/** File → the files it imports (only files inside the graph). */
export function importGraph(dirs: readonly string[]): Map<string, string[]> {
  const files = sourceFiles(dirs);
  const known = new Set(files);
  const g = new Map<string, string[]>();
  for (const f of files) {
    const deps = new Set<string>();
    for (const s of specifiers(f)) {
      const r = resolveSpecifier(f, s);
      if (r && known.has(r) && r !== f) deps.add(r);
    }
    g.set(f, [...deps].sort());
  }
  return g;
}

/** The folder graph: folder → folders its files import (edges inside one folder dropped). */
export function folderGraph(files: Map<string, string[]>): Map<string, string[]> {
  const g = new Map<string, Set<string>>();
  for (const [f, deps] of files) {
    const from = dirname(f);
    if (!g.has(from)) g.set(from, new Set());
    for (const d of deps) {
      const to = dirname(d);
      if (to !== from) g.get(from)!.add(to);
    }
  }
  return new Map([...g].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * The strongly connected components with more than one node (each is an import cycle), by
 * Tarjan's algorithm; every cycle is listed once, its nodes sorted.
 */
export function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}
