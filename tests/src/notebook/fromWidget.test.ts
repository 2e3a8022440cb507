import { describe, expect, it } from "vitest";
import { WIDGET_NOTEBOOKS, cellsFromQuery } from "../../../src/notebook/fromWidget";
import { NOTEBOOK_WIDGETS } from "../../../src/widgets/primitives/notebookWidgets";
import { defaults, writeState } from "../../../src/widgets/primitives/urlState";
import { qkvSpec } from "../../../src/widgets/queries-keys-values/qkvModel";
import { qkvCells } from "../../../src/widgets/queries-keys-values/qkvNotebook";

describe("Open in notebook: a widget's link state becomes cells on the notebook page", () => {
  it("lists the same widgets as the frame's button", () => {
    expect(Object.keys(WIDGET_NOTEBOOKS).sort()).toEqual([...NOTEBOOK_WIDGETS].sort());
  });

  it("reads the widget's own link keys and ignores other widgets' keys", () => {
    const s = { ...defaults(qkvSpec), tau: 0.5, Q: "1 0 0 0" };
    const search = writeState("qkv-explorer", qkvSpec, s, "?score-explorer.kind=cosine");
    const r = cellsFromQuery(`?from=queries-keys-values/qkv-explorer&${search.slice(1)}`);
    expect(r).toEqual({ ok: true, cells: qkvCells(s), title: "the QKV explorer", notes: [] });
    expect(r?.ok && r.cells).toContain("tau = 0.5");
  });

  it("reads a link written before the prefixes were derived from the ids (qkv.tau)", () => {
    const r = cellsFromQuery("?from=queries-keys-values/qkv-explorer&qkv.tau=0.5");
    expect(r).toEqual({
      ok: true,
      cells: qkvCells({ ...defaults(qkvSpec), tau: 0.5 }),
      title: "the QKV explorer",
      notes: [],
    });
  });

  it("uses the widget's defaults when the link carries no state", () => {
    const r = cellsFromQuery("?from=queries-keys-values/qkv-explorer");
    expect(r?.ok && r.cells).toEqual(qkvCells(defaults(qkvSpec)));
  });

  it("a bad value falls back to its default with a note; bad input or an unknown widget gives a sentence", () => {
    const bad = cellsFromQuery("?from=queries-keys-values/qkv-explorer&qkv-explorer.tau=abc");
    expect(bad?.ok && bad.notes[0]).toMatch(/"tau" "abc" is not a number; using the default/);
    const broken = cellsFromQuery("?from=queries-keys-values/qkv-explorer&qkv-explorer.Q=1%20x");
    expect(broken).toEqual({
      ok: false,
      message: expect.stringMatching(/input of the QKV explorer .* has an error/),
    });
    const unknown = cellsFromQuery("?from=nowhere/nothing");
    expect(unknown).toEqual({
      ok: false,
      message: expect.stringMatching(/“nowhere\/nothing”, which has no notebook/),
    });
    const long = cellsFromQuery(`?from=${"w".repeat(10_000)}`);
    expect(long).toEqual({
      ok: false,
      message: `This link asks for the widget “${"w".repeat(29)}…”, which has no notebook version.`,
    });
    expect(cellsFromQuery("?example=part-1")).toBeNull();
  });
});
