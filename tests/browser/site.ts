/**
 * What the built site contains, read from dist/ without a browser: its pages (every index.html
 * and 404.html), the ids on each page (for #fragment links), and which chapters are written.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, normalize, relative, resolve, sep } from "node:path";

export interface SiteInfo {
  dist: string;
  /** URL paths of every page: `/`, `/notation/`, `/chapters/<slug>/`, `/404.html`. */
  pages: string[];
  /** Chapter slugs that have a built page. */
  written: string[];
  /** The ids (and `name`s of anchors) in the HTML a URL path serves, or null if nothing is served. */
  idsAt(path: string): Set<string> | null;
  /** The HTML file a URL path serves, or null. */
  fileAt(path: string): string | null;
}

/**
 * The file a URL path maps to inside `root`, or null. Directories map to their index.html; a path
 * without a trailing slash that names a directory maps to its index.html too.
 */
export function resolveFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  if (!existsSync(full)) return null;
  if (statSync(full).isDirectory()) {
    const index = join(full, "index.html");
    return existsSync(index) ? index : null;
  }
  return full;
}

export function readSite(distDir: string): SiteInfo {
  const dist = resolve(distDir);
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html is missing: build the site first (npm run build).`);
  }
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "index.html") {
        const rel = relative(dist, dir).split(sep).join("/");
        pages.push(rel ? `/${rel}/` : "/");
      }
    }
  };
  walk(dist);
  pages.sort();
  if (existsSync(join(dist, "404.html"))) pages.push("/404.html");
  const written = pages.flatMap((p) => /^\/chapters\/([^/]+)\/$/.exec(p)?.[1] ?? []);
  const idCache = new Map<string, Set<string>>();
  const fileAt = (path: string) => resolveFile(dist, path);
  return {
    dist,
    pages,
    written,
    fileAt,
    idsAt(path) {
      const file = fileAt(path);
      if (!file) return null;
      let ids = idCache.get(file);
      if (!ids) {
        ids = new Set<string>();
        if (file.endsWith(".html")) {
          const html = readFileSync(file, "utf8");
          for (const m of html.matchAll(/\s(?:id|name)="([^"]*)"/g)) ids.add(decodeEntities(m[1]));
        }
        idCache.set(file, ids);
      }
      return ids;
    },
  };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
