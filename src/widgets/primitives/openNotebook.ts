/**
 * Open in notebook for widgets whose state is not in their link, such as trained models (their
 * weights are not in the URL): the widget gives the cells itself, and this module writes them into
 * the notebook's share-link format (the `#nb=` URL fragment, JSON deflated with the browser's
 * `CompressionStream`) and goes there. It is the one writer of that format: the notebook's own
 * codec (`src/notebook/codec.ts`, which reads it back field by field) encodes with it too. It
 * imports no notebook code, so a chapter bundle that uses it grows by about 1 KB; import it
 * lazily (`await import(...)` in the click handler) to add nothing before the click.
 *
 * A widget shows the frame's Open in notebook button with `<Widget notebook="cells" ...>` and
 * answers the frame's `atlas:open-notebook` event with {@link useOpenNotebook}
 * (see docs/AUTHORING.md, "Open in notebook").
 */
import { FORMULA_LIMITS } from "../../../lib/formula/limits";

/** The fragment key of a shared notebook: `#nb=<data>`. */
export const NOTEBOOK_LINK_KEY = "nb";
/** Most cells a notebook may have (the notebook refuses a link with more). */
export const NOTEBOOK_MAX_CELLS = 200;
/** Longest title a link may carry, in characters. */
export const NOTEBOOK_MAX_TITLE = 200;

/** A notebook's plain form, version 1: one entry per cell (`s` its formula, `view` how it is drawn). */
export interface NotebookPlain {
  v: 1;
  /** Where the notebook comes from, shown to the reader ("the trained pointer network"). */
  t?: string;
  cells: { s: string; view?: string }[];
}

/** Bytes as base64url without padding (safe in a URL fragment). */
export function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The URL fragment (without `#`) holding `plain`: `nb=` and its JSON, deflate-raw, base64url. */
export async function encodeNotebookPlain(plain: NotebookPlain): Promise<string> {
  const stream = new Blob([JSON.stringify(plain)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return `${NOTEBOOK_LINK_KEY}=${toBase64Url(bytes)}`;
}

/**
 * The notebook page's address holding `cells` (formulas in the notebook's mathjs syntax, one per
 * cell) and `title` (where they come from). Throws a `RangeError` naming the cell when there are
 * more than {@link NOTEBOOK_MAX_CELLS} cells or a cell is longer than a formula may be
 * (2,000 characters: round weights, or split a large matrix into several cells).
 *
 * @example
 * await notebookUrlForCells(["Q = [[1, 0], [0, 1]]", "softmax(Q)"], "the trained model");
 * // returns "/notebook/#nb=…" (the cells, compressed)
 */
export async function notebookUrlForCells(cells: readonly string[], title: string): Promise<string> {
  if (cells.length > NOTEBOOK_MAX_CELLS)
    throw new RangeError(`A notebook holds at most ${NOTEBOOK_MAX_CELLS} cells; these are ${cells.length}.`);
  cells.forEach((s, i) => {
    if (s.length > FORMULA_LIMITS.maxLength)
      throw new RangeError(
        `Cell ${i + 1} is ${s.length} characters long; a notebook cell holds at most ${FORMULA_LIMITS.maxLength}.`,
      );
  });
  const t = title.slice(0, NOTEBOOK_MAX_TITLE);
  return `/notebook/#${await encodeNotebookPlain({ v: 1, ...(t ? { t } : {}), cells: cells.map((s) => ({ s })) })}`;
}

/**
 * Open the notebook page with `cells`, titled `title`: the page shows them as a notebook opened
 * from a link (the reader's own saved notebook is kept until they choose to replace it).
 * Throws like {@link notebookUrlForCells}.
 *
 * @example
 * await openNotebookWithCells(["W = [[0.5, 0.5], [0.1, 0.9]]", "W * [1, 2]"], "the trained pointer network");
 * // returns undefined, after the browser was sent to /notebook/#nb=…
 */
export async function openNotebookWithCells(cells: readonly string[], title: string): Promise<void> {
  location.assign(await notebookUrlForCells(cells, title));
}
