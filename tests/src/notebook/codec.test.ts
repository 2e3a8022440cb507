import { describe, expect, it } from "vitest";
import {
  MAX_CELLS,
  NotebookFormatError,
  decodeLink,
  encodeLink,
  fromJson,
  fromPlain,
  toJson,
} from "../../../src/notebook/codec";
import { fromSources, setView } from "../../../src/notebook/model";

const sources = (doc: { cells: { source: string }[] }) => doc.cells.map((c) => c.source);

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString("base64url");
}

describe("share-link codec", () => {
  it("round-trips a notebook through the URL fragment, views included", async () => {
    let doc = fromSources(["Q = [[1, 0], [0, 1]]", "W = softmax(Q * Q' / sqrt(2))", 'name = "ü → ∑ \\\\"']);
    doc = setView(doc, doc.cells[1].id, "table");
    const fragment = await encodeLink(doc);
    expect(fragment).toMatch(/^nb=[A-Za-z0-9_-]+$/);
    const back = (await decodeLink(`#${fragment}`))!;
    expect(sources(back)).toEqual(sources(doc));
    expect(back.cells.map((c) => c.view)).toEqual(["auto", "table", "auto"]);
  });

  it("returns null for a fragment that holds no notebook", async () => {
    expect(await decodeLink("")).toBeNull();
    expect(await decodeLink("#widget-score-functions")).toBeNull();
  });

  it("refuses a truncated or altered link with a sentence", async () => {
    const fragment = await encodeLink(fromSources(["x = 1", "y = x + 1", "z = [1, 2, 3] * y"]));
    const damaged = /^The notebook in this link is damaged \(it was cut short or changed\)/;
    await expect(decodeLink(fragment.slice(0, fragment.length - 6))).rejects.toThrow(damaged);
    await expect(decodeLink(`${fragment.slice(0, 10)}!${fragment.slice(11)}`)).rejects.toThrow(damaged);
    await expect(decodeLink("nb=")).rejects.toThrow(NotebookFormatError);
    await expect(decodeLink("nb=AAAA")).rejects.toThrow(damaged);
  });

  it("stops decompressing a link that expands past any real notebook", async () => {
    const bomb = await deflate(" ".repeat(5_000_000));
    expect(bomb.length).toBeLessThan(20_000);
    await expect(decodeLink(`nb=${bomb}`)).rejects.toThrow(/damaged/);
  });

  it("checks the content field by field", async () => {
    const read = (v: unknown) => () => fromPlain(v, "The file");
    expect(read({ v: 2, cells: [] })).toThrow(/version 2, and this site reads version 1/);
    expect(read({ v: 1 })).toThrow(/has no list of cells/);
    expect(read({ v: 1, cells: [{ s: 1 }] })).toThrow(/cell 1 has no formula/);
    expect(read({ v: 1, cells: [{ s: "x", view: "<img>" }] })).toThrow(/cell 1 asks for an unknown view/);
    expect(read({ v: 1, cells: [{ s: "x".repeat(2001) }] })).toThrow(/cell 1 is 2001 characters long/);
    expect(read({ v: 1, cells: Array(MAX_CELLS + 1).fill({ s: "1" }) })).toThrow(/201 cells/);
    expect(() => fromJson('{"v":1,"cells":[{"s":"x"}', "Your saved notebook")).toThrow(
      /^Your saved notebook is damaged \(it is not complete JSON\)/,
    );
    // A link whose JSON is valid but not a notebook.
    await expect(decodeLink(`nb=${await deflate('{"v":1,"cells":"x"}')}`)).rejects.toThrow(
      /^The notebook in this link is not a notebook this site can read: it has no list of cells\.$/,
    );
  });

  it("keeps formulas as text: markup in a cell stays a string", () => {
    const doc = fromJson(toJson(fromSources(['"<img src=x onerror=alert(1)>"'])), "x");
    expect(doc.cells[0].source).toBe('"<img src=x onerror=alert(1)>"');
  });
});
