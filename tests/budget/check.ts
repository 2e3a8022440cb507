/**
 * Page-weight budget, read from dist/ alone (no browser). For every HTML page:
 *
 * - eager JS: what loads before any widget becomes visible: inline scripts, <script src>, module
 *   scripts and their static imports (transitively), and modulepreload links. Islands'
 *   component-url/renderer-url are not eager (client:visible loads them on sight).
 *   Budget: ≤ 30 KB gzipped.
 * - all JS: eager, plus every island's component-url, renderer-url and before-hydration-url, plus
 *   all their static and dynamic imports (and Vite's preload lists), transitively.
 *   Budget: ≤ 250 KB gzipped; pages in `PAGE_BUDGETS` (the notebook: 400 KB) have their own.
 *
 * Workers started with `new Worker(new URL(…))` count as dynamic imports.
 *
 * Sizes are gzip level 9, per file, each file counted once per page. `--verbose` lists the files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const KB = 1024;
export const EAGER_BUDGET = 30 * KB;
export const TOTAL_BUDGET = 250 * KB;
/**
 * Pages with their own budget for all JS: the notebook carries an editor, KaTeX and the formula
 * worker. The score functions chapter can load KaTeX twice: on the main thread for the reader's
 * own score formula (drawn as DOM nodes, never an HTML string), and in the typesetting worker for
 * its live equations; once a formula has loaded it, the equations use that copy.
 */
export const PAGE_BUDGETS: Record<string, number> = {
  "/notebook/": 400 * KB,
  // 330 → 334 KB: the charts' d3-scale and d3-shape (one shared chunk, +12.6 KB on every chart page);
  // 334 → 335 KB: one formatter per quantity in format.ts (shared chunk, about 0.2 KB).
  "/chapters/score-functions/": 335 * KB,
};

const dist = resolve(import.meta.dirname, "../../dist");
const verbose = process.argv.includes("--verbose");

/** A JavaScript resource: a file in dist/ (by URL path) or an inline script (by page and index). */
interface Resource {
  id: string;
  code: string;
  /** URL path the resource's relative imports resolve against. */
  base: string;
}

const gzCache = new Map<string, number>();
function gzipSize(id: string, code: string): number {
  let n = gzCache.get(id);
  if (n === undefined) {
    n = gzipSync(Buffer.from(code), { level: 9 }).length;
    gzCache.set(id, n);
  }
  return n;
}

function fileResource(urlPath: string): Resource | null {
  const path = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const file = join(dist, path);
  if (!file.startsWith(dist + sep) || !existsSync(file)) return null;
  return { id: path, code: readFileSync(file, "utf8"), base: path };
}

/** Resolve a module specifier against a URL path; null for bare or off-site specifiers. */
function resolveSpecifier(spec: string, base: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(spec) || spec.startsWith("//")) return null;
  if (!spec.startsWith("/") && !spec.startsWith("./") && !spec.startsWith("../")) return null;
  return new URL(spec, `http://site${base}`).pathname;
}

interface Imports {
  static: string[];
  dynamic: string[];
}

/** The modules a piece of built JavaScript imports, statically and dynamically. */
export function parseImports(code: string, base: string): Imports {
  const statics = new Set<string>();
  const dynamics = new Set<string>();
  const add = (set: Set<string>, spec: string, b = base) => {
    const p = resolveSpecifier(spec, b);
    if (p && /\.m?js$/.test(p)) set.add(p);
  };
  // import x from "./a.js", import{a}from"./a.js", export*from"./a.js", import"./a.js"
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*(["'`])([^"'`\n]+?)\1/g)) add(statics, m[2]);
  // import("./a.js"), import(`./a.js`)
  for (const m of code.matchAll(/\bimport\s*\(\s*(["'`])([^"'`\n]+?)\1\s*\)/g)) add(dynamics, m[2]);
  // Web Workers: new Worker(new URL("/_astro/x.worker-….js", import.meta.url)) loads when the island runs.
  for (const m of code.matchAll(/\bnew\s+URL\s*\(\s*(["'`])([^"'`\n]+?\.m?js)\1/g)) add(dynamics, m[2]);
  // Vite's preload list for dynamic imports: m.f=["_astro/a.js", …], relative to the site root.
  for (const m of code.matchAll(/\bm\.f\s*=\s*\[([^\]]*)\]/g)) {
    for (const s of m[1].matchAll(/(["'`])([^"'`]+?)\1/g))
      add(dynamics, s[2].startsWith(".") ? s[2] : `/${s[2]}`, "/");
  }
  return { static: [...statics], dynamic: [...dynamics] };
}

interface PageScripts {
  eager: Resource[];
  lazyRoots: string[];
  missing: string[];
}

const attr = (attrs: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs);
const attrValue = (attrs: string, name: string) => {
  const m = attr(attrs, name);
  return m ? decodeHtml(m[1] ?? m[2] ?? m[3]) : null;
};
function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The scripts an HTML page loads eagerly, and the roots its islands load when visible. */
export function pageScripts(html: string, pagePath: string): PageScripts {
  const eager: Resource[] = [];
  const lazyRoots: string[] = [];
  const missing: string[] = [];
  const byPath = (p: string | null, what: string) => {
    if (!p) return;
    const r = resolveSpecifier(p, pagePath);
    const res = r ? fileResource(r) : null;
    if (res) eager.push(res);
    else missing.push(`${what} ${p}`);
  };
  let inline = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attrs, body] = m;
    const type = (attrValue(attrs, "type") ?? "").toLowerCase();
    if (type && !["module", "text/javascript", "application/javascript"].includes(type)) continue;
    const src = attrValue(attrs, "src");
    if (src) byPath(src, "<script src>");
    else if (body.trim()) eager.push({ id: `${pagePath} inline #${++inline}`, code: body, base: pagePath });
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    if ((attrValue(m[1], "rel") ?? "").toLowerCase().split(/\s+/).includes("modulepreload")) {
      byPath(attrValue(m[1], "href"), "modulepreload");
    }
  }
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    for (const name of ["component-url", "renderer-url", "before-hydration-url"]) {
      const v = attrValue(m[1], name);
      const p = v ? resolveSpecifier(v, pagePath) : null;
      if (p) lazyRoots.push(p);
      else if (v) missing.push(`${name} ${v}`);
    }
  }
  return { eager, lazyRoots, missing };
}

/** Follow imports from `roots`; `dynamicToo` also follows dynamic imports. Returns resources by id. */
function closure(roots: Resource[], dynamicToo: boolean, missing: string[]): Map<string, Resource> {
  const seen = new Map<string, Resource>();
  const queue = [...roots];
  while (queue.length > 0) {
    const r = queue.shift()!;
    if (seen.has(r.id)) continue;
    seen.set(r.id, r);
    const imports = parseImports(r.code, r.base);
    for (const p of dynamicToo ? [...imports.static, ...imports.dynamic] : imports.static) {
      if (seen.has(p)) continue;
      const next = fileResource(p);
      if (next) queue.push(next);
      else missing.push(`import ${p} (from ${r.id})`);
    }
  }
  return seen;
}

function htmlPages(): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".html")) {
        const rel = relative(dist, full).split(sep).join("/");
        out.push({
          path: rel.endsWith("index.html") ? `/${rel.slice(0, -"index.html".length)}` : `/${rel}`,
          file: full,
        });
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const sum = (rs: Iterable<Resource>) => [...rs].reduce((acc, r) => acc + gzipSize(r.id, r.code), 0);

function main(): number {
  if (!existsSync(join(dist, "index.html"))) {
    console.error(`dist/ has no index.html (${dist}): run \`npx astro build\` first.`);
    return 1;
  }
  const pages = htmlPages();
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const { path, file } of pages) {
    const missing: string[] = [];
    const { eager, lazyRoots, missing: missingRefs } = pageScripts(readFileSync(file, "utf8"), path);
    missing.push(...missingRefs);
    const eagerSet = closure(eager, false, missing);
    const lazy = lazyRoots.flatMap((p) => fileResource(p) ?? (missing.push(`island ${p}`), []));
    const allSet = closure([...eagerSet.values(), ...lazy], true, missing);
    const eagerBytes = sum(eagerSet.values());
    const allBytes = sum(allSet.values());
    const eagerOk = eagerBytes <= EAGER_BUDGET;
    const budget = PAGE_BUDGETS[path] ?? TOTAL_BUDGET;
    const allOk = allBytes <= budget;
    rows.push([
      path,
      String(eagerSet.size),
      kb(eagerBytes),
      String(allSet.size),
      kb(allBytes),
      String(new Set(lazyRoots).size),
      eagerOk && allOk && missing.length === 0 ? "ok" : "OVER",
    ]);
    if (!eagerOk) failures.push(`${path}: eager JS ${kb(eagerBytes)} > ${kb(EAGER_BUDGET)}`);
    if (!allOk) failures.push(`${path}: all JS ${kb(allBytes)} > ${kb(budget)}`);
    for (const m of missing) failures.push(`${path}: missing script ${m}`);
    if (verbose) {
      for (const r of allSet.values()) {
        console.log(
          `  ${path}  ${eagerSet.has(r.id) ? "eager" : "lazy "}  ${kb(gzipSize(r.id, r.code)).padStart(9)}  ${r.id}`,
        );
      }
    }
  }
  const header = [
    "page",
    "eager files",
    `eager gz (≤ ${kb(EAGER_BUDGET)})`,
    "all files",
    `all gz (≤ ${kb(TOTAL_BUDGET)})`,
    "island roots",
    "status",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  if (failures.length > 0) {
    console.error(`\nPage-weight budget failed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
    return 1;
  }
  console.log(
    `\nPage-weight budget: ${pages.length} pages within ${kb(EAGER_BUDGET)} eager / ${kb(TOTAL_BUDGET)} total JS.`,
  );
  return 0;
}

process.exitCode = main();
