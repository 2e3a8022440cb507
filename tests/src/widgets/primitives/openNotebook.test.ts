import { describe, expect, it } from "vitest";
import { decodeLink, encodeLink, fromPlain } from "../../../../src/notebook/codec";
import { fromSources } from "../../../../src/notebook/model";
import { notebookUrlForCells } from "../../../../src/widgets/primitives/openNotebook";

const sources = (doc: { cells: { source: string }[] }) => doc.cells.map((c) => c.source);

describe("Open in notebook with the widget's own cells", () => {
  const cells = ["W = [[0.25, -1.5], [3e-7, 2]]", "x = [1, 2]", "softmax(W * x)", 'label = "ü ∑ \\\\"'];

  it("writes a link the notebook page opens as those cells, with their title", async () => {
    const url = await notebookUrlForCells(cells, "the trained pointer network");
    expect(url).toMatch(/^\/notebook\/#nb=[A-Za-z0-9_-]+$/);
    const doc = (await decodeLink(url.slice(url.indexOf("#"))))!;
    expect(sources(doc)).toEqual(cells);
    expect(doc.cells.every((c) => c.view === "auto")).toBe(true);
    expect(doc.title).toBe("the trained pointer network");
  });

  it("writes the same format as the notebook's own share link", async () => {
    const url = await notebookUrlForCells(cells, "");
    expect(url).toBe(`/notebook/#${await encodeLink(fromSources(cells))}`);
  });

  it("refuses cells the notebook would refuse, naming the cell", async () => {
    await expect(notebookUrlForCells(["x = 1", `y = ${"1".repeat(2000)}`], "t")).rejects.toThrow(
      /^Cell 2 is 2004 characters long; a notebook cell holds at most 2000\.$/,
    );
    await expect(notebookUrlForCells(Array(201).fill("1"), "t")).rejects.toThrow(
      /at most 200 cells; these are 201/,
    );
  });

  it("cuts a long title, and the notebook refuses a title that is not text", async () => {
    const url = await notebookUrlForCells(["1"], "t".repeat(500));
    expect((await decodeLink(url.slice(url.indexOf("#"))))!.title).toHaveLength(200);
    expect(() => fromPlain({ v: 1, t: { x: 1 }, cells: [] }, "The link")).toThrow(
      /its title is not a short text/,
    );
  });
});
