/**
 * The reader's notebook in `localStorage`. A saved copy that cannot be read is never thrown away:
 * it is moved to a second key, from which the reader can download it.
 */
import { NotebookFormatError, fromJson, toJson } from "./codec";
import type { NotebookDoc } from "./model";

export const SAVE_KEY = "attention-atlas.notebook.v1";
export const DAMAGED_KEY = "attention-atlas.notebook.v1.damaged";

export type Loaded =
  { kind: "none" } | { kind: "ok"; doc: NotebookDoc } | { kind: "damaged"; message: string };

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled
  }
}

/** The saved notebook; a damaged copy is moved aside (kept, never overwritten by the next save). */
export function loadSaved(): Loaded {
  const s = storage();
  const text = s?.getItem(SAVE_KEY) ?? null;
  if (text === null) return { kind: "none" };
  try {
    return { kind: "ok", doc: fromJson(text, "Your saved notebook") };
  } catch (err) {
    s!.setItem(DAMAGED_KEY, text);
    s!.removeItem(SAVE_KEY);
    const why = err instanceof NotebookFormatError ? err.message : "Your saved notebook could not be read.";
    return {
      kind: "damaged",
      message: `${why} It has been kept aside; you can download it with "Download the damaged copy".`,
    };
  }
}

/** Save; returns a sentence if the browser refused (storage full or disabled). */
export function save(doc: NotebookDoc): string | null {
  const s = storage();
  if (!s) return "This browser does not let the page save; export the notebook to a file to keep it.";
  try {
    s.setItem(SAVE_KEY, toJson(doc));
    return null;
  } catch {
    return "The browser's storage is full, so the notebook was not saved; export it to a file to keep it.";
  }
}

/** The damaged copy set aside by {@link loadSaved}, if any. */
export function damagedCopy(): string | null {
  return storage()?.getItem(DAMAGED_KEY) ?? null;
}
