/**
 * The reader's progress through the course, kept in the browser (localStorage): which chapters
 * they marked as read and which exercises they solved, each with the date. Nothing leaves the
 * browser; it can be exported to a file and imported back.
 *
 * Saved progress that cannot be read (edited by hand, cut short, from a future version) is
 * reported and left exactly as it is: nothing is written over it until the reader imports a good
 * file or resets, so it is never silently discarded.
 */
export interface Progress {
  version: 1;
  /** Chapter slug → ISO date it was marked as read. */
  read: Record<string, string>;
  /** Exercise id (`<chapter>/<name>`) → ISO date it was first solved. */
  solved: Record<string, string>;
}

export const PROGRESS_KEY = "atlas-progress";
export const PROGRESS_EVENT = "atlas:progress";

export type Loaded =
  { ok: true; progress: Progress } | { ok: false; error: string; raw: string | null; unavailable?: boolean };

const empty = (): Progress => ({ version: 1, read: {}, solved: {} });

function isDateRecord(v: unknown): v is Record<string, string> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([k, d]) => k.length <= 200 && typeof d === "string")
  );
}

/** Parse saved or imported progress; every problem is a sentence. */
export function parseProgress(text: string): { ok: true; progress: Progress } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "it is not valid JSON (it may have been cut short or edited)" };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return { ok: false, error: "it is not a progress record" };
  const d = data as Record<string, unknown>;
  if (d.version !== 1) return { ok: false, error: `its version is ${JSON.stringify(d.version)}, not 1` };
  if (!isDateRecord(d.read)) return { ok: false, error: `its "read" list is malformed` };
  if (!isDateRecord(d.solved)) return { ok: false, error: `its "solved" list is malformed` };
  return { ok: true, progress: { version: 1, read: d.read, solved: d.solved } };
}

/** Read the saved progress (none saved yet is an empty record, not an error). */
export function loadProgress(storage: Storage | null = safeStorage()): Loaded {
  if (!storage)
    return {
      ok: false,
      error: "This browser does not let the site save progress.",
      raw: null,
      unavailable: true,
    };
  const raw = storage.getItem(PROGRESS_KEY);
  if (raw === null) return { ok: true, progress: empty() };
  const parsed = parseProgress(raw);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    raw,
    error: `Your saved progress could not be read: ${parsed.error}. It has been kept as it is and nothing new is saved over it. On the course page you can export it to a file, import a good file, or reset.`,
  };
}

function safeStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

function save(progress: Progress, storage: Storage | null): Loaded {
  if (!storage) return loadProgress(storage);
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    return {
      ok: false,
      error: "The browser refused to save progress (storage is full or blocked).",
      raw: null,
    };
  }
  globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_EVENT));
  return { ok: true, progress };
}

/** Apply a change to the saved progress; refused (and reported) while saved progress is corrupted. */
export function updateProgress(
  change: (p: Progress) => void,
  storage: Storage | null = safeStorage(),
): Loaded {
  const loaded = loadProgress(storage);
  if (!loaded.ok) return loaded;
  change(loaded.progress);
  return save(loaded.progress, storage);
}

export function markSolved(id: string, date = new Date().toISOString()): Loaded {
  return updateProgress((p) => {
    p.solved[id] ??= date;
  });
}

export function markRead(slug: string, read: boolean, date = new Date().toISOString()): Loaded {
  return updateProgress((p) => {
    if (read) p.read[slug] = date;
    else delete p.read[slug];
  });
}

/** The text to export: the saved record as it is (even unreadable, so nothing is lost). */
export function exportProgress(storage: Storage | null = safeStorage()): string {
  return storage?.getItem(PROGRESS_KEY) ?? JSON.stringify(empty());
}

/** Replace the saved progress with an imported file's, if it reads as progress. */
export function importProgress(
  text: string,
  storage: Storage | null = safeStorage(),
): Loaded | { ok: false; error: string } {
  const parsed = parseProgress(text);
  if (!parsed.ok) return { ok: false, error: `That file is not Attention Atlas progress: ${parsed.error}.` };
  return save(parsed.progress, storage);
}

export function resetProgress(storage: Storage | null = safeStorage()): Loaded {
  return save(empty(), storage);
}
