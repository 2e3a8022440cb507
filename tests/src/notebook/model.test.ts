import { describe, expect, it } from "vitest";
import {
  History,
  cell,
  duplicateCell,
  fromSources,
  insertCell,
  moveCell,
  removeCell,
  setSource,
} from "../../../src/notebook/model";

const sources = (doc: { cells: { source: string }[] }) => doc.cells.map((c) => c.source);

describe("notebook document edits", () => {
  const doc = fromSources(["a = 1", "b = 2", "c = 3"]);

  it("adds, deletes, moves and duplicates cells without changing the original", () => {
    expect(sources(insertCell(doc, 1, cell("x = 0")))).toEqual(["a = 1", "x = 0", "b = 2", "c = 3"]);
    expect(sources(insertCell(doc, 99))).toEqual(["a = 1", "b = 2", "c = 3", ""]);
    expect(sources(removeCell(doc, doc.cells[1].id))).toEqual(["a = 1", "c = 3"]);
    expect(sources(moveCell(doc, doc.cells[0].id, 1))).toEqual(["b = 2", "a = 1", "c = 3"]);
    expect(moveCell(doc, doc.cells[0].id, -1)).toBe(doc);
    expect(moveCell(doc, doc.cells[2].id, 1)).toBe(doc);
    const dup = duplicateCell(doc, doc.cells[1].id);
    expect(sources(dup.doc)).toEqual(["a = 1", "b = 2", "b = 2", "c = 3"]);
    expect(dup.id).not.toBe(doc.cells[1].id);
    expect(new Set(dup.doc.cells.map((c) => c.id)).size).toBe(4);
    expect(sources(doc)).toEqual(["a = 1", "b = 2", "c = 3"]);
  });

  it("undoes and redoes whole-document changes in order", () => {
    const h = new History();
    let cur = doc;
    const apply = (next: typeof doc) => {
      h.record(cur);
      cur = next;
    };
    apply(removeCell(cur, cur.cells[0].id));
    apply(setSource(cur, cur.cells[0].id, "b = 20"));
    expect(sources(cur)).toEqual(["b = 20", "c = 3"]);
    cur = h.undo(cur)!;
    expect(sources(cur)).toEqual(["b = 2", "c = 3"]);
    cur = h.undo(cur)!;
    expect(sources(cur)).toEqual(["a = 1", "b = 2", "c = 3"]);
    expect(h.undo(cur)).toBeNull();
    cur = h.redo(cur)!;
    expect(sources(cur)).toEqual(["b = 2", "c = 3"]);
    apply(insertCell(cur, 0, cell("z = 9")));
    expect(h.canRedo).toBe(false);
  });
});
