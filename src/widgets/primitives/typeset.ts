/**
 * Typesetting a live equation off the main thread. `typeset(tex)` resolves to KaTeX's HTML (with
 * MathML) for display-mode TeX, or rejects with KaTeX's message. The work runs in one Web Worker
 * per page (`typesetWorker.ts`), started on the first call; where workers are unavailable, or
 * the page has already loaded KaTeX for a reader's formula, it runs on the main thread instead.
 * The last results are kept, so going back to an equation already shown costs nothing.
 */

import { katexLoaded, loadKatex } from "./katexMain";
import { KATEX_OPTIONS, type TypesetAnswer, type TypesetRequest } from "./typesetProtocol";

const CACHE_SIZE = 64;
const cache = new Map<string, string>();
const waiting = new Map<number, { resolve: (html: string) => void; reject: (e: Error) => void }>();
let worker: Worker | null | undefined;
let nextId = 0;

function remember(tex: string, html: string): string {
  cache.delete(tex);
  cache.set(tex, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return html;
}

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    const w = new Worker(new URL("./typesetWorker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<TypesetAnswer>) => {
      const m = e.data;
      const p = waiting.get(m.id);
      waiting.delete(m.id);
      if (!p) return;
      if ("error" in m) p.reject(new Error(m.error));
      else p.resolve(m.html);
    };
    // A worker that cannot start (a blocked script): every waiting equation is typeset here.
    w.onerror = () => {
      worker = null;
      const pending = [...waiting.values()];
      waiting.clear();
      for (const p of pending) p.reject(new Error("the typesetting worker stopped"));
    };
    return w;
  } catch {
    return null;
  }
}

function onMainThread(tex: string): Promise<string> {
  return loadKatex().then((katex) => remember(tex, katex.renderToString(tex, KATEX_OPTIONS)));
}

/**
 * Typeset display-mode TeX to HTML (and MathML) off the main thread.
 *
 * @param tex TeX source, e.g. `\alpha_{1} = 0.88`
 * @returns KaTeX's HTML string
 * @throws (rejects) Error with KaTeX's message for malformed TeX
 */
export function typeset(tex: string): Promise<string> {
  const hit = cache.get(tex);
  if (hit !== undefined) return Promise.resolve(remember(tex, hit));
  // The page already has KaTeX (a reader's formula was typeset): no second copy in a worker.
  if (katexLoaded() && worker === undefined) return onMainThread(tex);
  if (worker === undefined) worker = startWorker();
  const w = worker;
  if (!w) return onMainThread(tex);
  const id = ++nextId;
  return new Promise<string>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, tex } satisfies TypesetRequest);
  }).then(
    (html) => remember(tex, html),
    (err: Error) =>
      // Only a stopped worker falls back; KaTeX's own message is the answer.
      worker === null ? onMainThread(tex) : Promise.reject(err),
  );
}
