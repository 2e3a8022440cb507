import { describe, expect, it } from "vitest";
import {
  PROGRESS_KEY,
  exportProgress,
  importProgress,
  loadProgress,
  resetProgress,
  updateProgress,
} from "../../../../src/widgets/primitives/progress";

/** An in-memory Storage. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(initial));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe("progress", () => {
  it("starts empty, records solved exercises and read chapters, and exports what it saved", () => {
    const s = memoryStorage();
    expect(loadProgress(s)).toEqual({ ok: true, progress: { version: 1, read: {}, solved: {} } });
    updateProgress((p) => {
      p.solved["self-attention/swap"] = "2026-01-01";
      p.read["self-attention"] = "2026-01-02";
    }, s);
    const exported = exportProgress(s);
    expect(JSON.parse(exported)).toEqual({
      version: 1,
      read: { "self-attention": "2026-01-02" },
      solved: { "self-attention/swap": "2026-01-01" },
    });
    resetProgress(s);
    expect(loadProgress(s)).toEqual({ ok: true, progress: { version: 1, read: {}, solved: {} } });
    expect(importProgress(exported, s).ok).toBe(true);
    expect(JSON.parse(exportProgress(s))).toEqual(JSON.parse(exported));
  });

  it("corrupted saved progress is reported, kept byte for byte, and never written over", () => {
    for (const raw of [
      '{"version":1,"read":{',
      "[1,2]",
      '{"version":7,"read":{},"solved":{}}',
      '{"version":1,"read":[],"solved":{}}',
    ]) {
      const s = memoryStorage({ [PROGRESS_KEY]: raw });
      const loaded = loadProgress(s);
      expect(loaded.ok).toBe(false);
      if (!loaded.ok)
        expect(loaded.error).toMatch(/^Your saved progress could not be read: .+ kept as it is/);
      const r = updateProgress((p) => void (p.solved.x = "now"), s);
      expect(r.ok).toBe(false);
      expect(s.getItem(PROGRESS_KEY)).toBe(raw);
      expect(exportProgress(s)).toBe(raw);
    }
  });

  it("an import that is not progress is refused with a sentence and changes nothing", () => {
    const s = memoryStorage({ [PROGRESS_KEY]: '{"version":1,"read":{},"solved":{"a/b":"d"}}' });
    const r = importProgress("hello", s);
    expect(r).toEqual({
      ok: false,
      error:
        "That file is not Attention Atlas progress: it is not valid JSON (it may have been cut short or edited).",
    });
    expect(loadProgress(s).ok && loadProgress(s)).toMatchObject({ progress: { solved: { "a/b": "d" } } });
  });

  it("no storage at all is a message, not an exception", () => {
    const r = loadProgress(null);
    expect(r.ok).toBe(false);
  });
});
