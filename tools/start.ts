/**
 * `npm start`: build the site when dist/ is missing or older than any source, then serve it with
 * `astro preview` (http://localhost:4321 unless `PORT` is set). Extra arguments go to
 * `astro preview` (`npm start -- --host` to reach it from another device).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const SOURCES = ["content", "src", "lib", "public", "astro.config.mjs", "package.json", "package-lock.json"];

/** Newest modification time (ms) of a file, or of any file under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function run(args: string[]): void {
  const r = spawnSync("npx", args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const built = join(root, "dist", "index.html");
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (builtAt < sourcesAt) {
  console.log(builtAt ? "Sources changed since the last build: rebuilding…" : "Building the site…");
  run(["astro", "build"]);
} else {
  console.log("dist/ is up to date.");
}
run(["astro", "preview", "--port", process.env.PORT ?? "4321", ...process.argv.slice(2)]);
