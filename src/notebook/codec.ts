/**
 * A notebook as text, for the share link (compressed into the URL fragment with the browser's
 * `CompressionStream`), the saved copy in `localStorage` and exported files. Whatever comes back
 * is checked field by field: a damaged link or file gives a sentence, never a half-read notebook.
 */
import { FORMULA_LIMITS } from "../../lib/formula/limits";
import {
  NOTEBOOK_LINK_KEY,
  NOTEBOOK_MAX_CELLS,
  NOTEBOOK_MAX_TITLE,
  type NotebookPlain,
  encodeNotebookPlain,
} from "../widgets/primitives/openNotebook";
import { type NotebookDoc, type ViewKind, cell } from "./model";

/** Most cells a notebook may have. */
export const MAX_CELLS = NOTEBOOK_MAX_CELLS;
/** The fragment key of a shared notebook: `#nb=<data>`. */
export const LINK_KEY = NOTEBOOK_LINK_KEY;

const VIEWS: readonly ViewKind[] = ["auto", "heatmap", "table", "bars", "grid", "plot", "text"];

/** The plain form of a notebook: version 1, an optional title, one entry per cell. */
type Plain = NotebookPlain;

export class NotebookFormatError extends Error {
  override name = "NotebookFormatError";
}

export function toPlain(doc: NotebookDoc): Plain {
  return {
    v: 1,
    ...(doc.title ? { t: doc.title } : {}),
    cells: doc.cells.map((c) => (c.view === "auto" ? { s: c.source } : { s: c.source, view: c.view })),
  };
}

/** Check a parsed value field by field and build a document; throws {@link NotebookFormatError}. */
export function fromPlain(value: unknown, what: string): NotebookDoc {
  const bad = (why: string) =>
    new NotebookFormatError(`${what} is not a notebook this site can read: ${why}.`);
  if (value === null || typeof value !== "object") throw bad("it holds no notebook");
  const p = value as { v?: unknown; t?: unknown; cells?: unknown };
  if (p.v !== 1)
    throw bad(`it is of version ${JSON.stringify(p.v) ?? "(none)"}, and this site reads version 1`);
  if (!Array.isArray(p.cells)) throw bad("it has no list of cells");
  if (p.cells.length > MAX_CELLS)
    throw bad(`it has ${p.cells.length} cells, more than the ${MAX_CELLS} allowed`);
  if (p.t !== undefined && (typeof p.t !== "string" || p.t.length > NOTEBOOK_MAX_TITLE))
    throw bad("its title is not a short text");
  return {
    ...(typeof p.t === "string" && p.t !== "" ? { title: p.t } : {}),
    cells: p.cells.map((c: unknown, i) => {
      const e = c as { s?: unknown; view?: unknown };
      if (e === null || typeof e !== "object" || typeof e.s !== "string")
        throw bad(`cell ${i + 1} has no formula`);
      if (e.s.length > FORMULA_LIMITS.maxLength)
        throw bad(`cell ${i + 1} is ${e.s.length} characters long, more than ${FORMULA_LIMITS.maxLength}`);
      const view = e.view === undefined ? "auto" : (e.view as ViewKind);
      if (!VIEWS.includes(view)) throw bad(`cell ${i + 1} asks for an unknown view`);
      return cell(e.s, view);
    }),
  };
}

/** JSON text of a notebook (saved copy and exported file). */
export const toJson = (doc: NotebookDoc): string => JSON.stringify(toPlain(doc));

/** Read JSON text; throws {@link NotebookFormatError} with a sentence. */
export function fromJson(text: string, what: string): NotebookDoc {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotebookFormatError(`${what} is damaged (it is not complete JSON), so it could not be read.`);
  }
  return fromPlain(value, what);
}

/** Inflate bytes, stopping once the output passes `limit` bytes. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const stream = new DecompressionStream("deflate-raw");
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError("too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The URL fragment (without `#`) that holds the notebook, deflate-compressed. */
export const encodeLink = (doc: NotebookDoc): Promise<string> => encodeNotebookPlain(toPlain(doc));

/** Longest fragment read, in characters (a notebook at its limits compresses far below this). */
const MAX_FRAGMENT = 400_000;
/** Largest decompressed notebook, in bytes. */
const MAX_JSON = MAX_CELLS * (FORMULA_LIMITS.maxLength + 100);

/**
 * The notebook in a URL fragment, `null` when the fragment holds none; throws
 * {@link NotebookFormatError} for a damaged or truncated link.
 */
export async function decodeLink(fragment: string): Promise<NotebookDoc | null> {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const data = params.get(LINK_KEY);
  if (data === null) return null;
  const damaged = new NotebookFormatError(
    "The notebook in this link is damaged (it was cut short or changed), so it could not be opened.",
  );
  if (data.length > MAX_FRAGMENT) throw damaged;
  let text: string;
  try {
    const bytes = await inflate(fromBase64Url(data), MAX_JSON);
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw damaged;
  }
  return fromJson(text, "The notebook in this link");
}
