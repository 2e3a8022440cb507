/**
 * A tiny static server for dist/ on 127.0.0.1 (random free port): index.html for directories,
 * 404.html with status 404 for anything missing, and the right content types (Pagefind's .wasm
 * and .pf_* files included). The browser tests talk to nothing else.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

export function contentType(file: string): string {
  const ext = extname(file).toLowerCase();
  if (ext.startsWith(".pf_")) return "application/octet-stream";
  return TYPES[ext] ?? "application/octet-stream";
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

export interface StaticServer {
  origin: string;
  root: string;
  close(): Promise<void>;
}

export async function serveDist(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root}/index.html is missing: build the site first (npx astro build), then rerun.`);
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = resolveFile(root, path);
    const status = file ? 200 : 404;
    const served = file ?? join(root, "404.html");
    const body = existsSync(served) ? readFileSync(served) : Buffer.from("Not found");
    res.writeHead(status, { "content-type": contentType(served), "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    root,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
