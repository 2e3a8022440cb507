/**
 * KaTeX in a Web Worker: typesetting a widget's live equation takes 10–60 ms (more on a slow
 * phone), so the page sends the TeX here and only inserts the finished HTML. `renderToString`
 * builds a string and never touches the DOM, so it runs in a worker as it does at build time.
 * Protocol: the page posts `{ id, tex }`; the worker answers `{ id, html }` or `{ id, error }`
 * (KaTeX's parse error message).
 */
import katex from "katex";
import { KATEX_OPTIONS, type TypesetAnswer, type TypesetRequest } from "./typesetProtocol";

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<TypesetRequest>) => void) | null;
  postMessage(message: TypesetAnswer): void;
};
scope.onmessage = (e) => {
  const { id, tex } = e.data;
  try {
    scope.postMessage({ id, html: katex.renderToString(tex, KATEX_OPTIONS) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
