/**
 * Where the browser tests serve the built site: `http://127.0.0.1:<port>`, the port from
 * `BROWSER_TESTS_PORT`, or else one derived from this checkout's path (41000–48999), so several
 * worktrees can run their browser tests at the same time without clashing.
 */
import { resolve } from "node:path";

function portFor(path: string): number {
  let h = 0;
  for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 41000 + (h % 8000);
}

const root = resolve(import.meta.dirname, "../..");
export const PORT = Number(process.env.BROWSER_TESTS_PORT ?? portFor(root));
export const ORIGIN = `http://127.0.0.1:${PORT}`;
