import { describe, expect, it } from "vitest";
import { type CellStatus, NotebookEngine } from "../../../src/notebook/engine";
import { READY_MADE, STARTER } from "../../../src/notebook/examples";
import { parts } from "../../../src/data/curriculum";
import { inProcessClient } from "./fakeClient";

async function statusesOf(sources: readonly string[]): Promise<CellStatus[]> {
  const statuses = new Map<string, CellStatus>();
  const engine = new NotebookEngine(inProcessClient(), (id, s) => statuses.set(id, s));
  const cells = sources.map((source, i) => ({ id: `c${i}`, source }));
  await engine.update(cells);
  for (let i = 0; i < 400; i++) {
    if (cells.every((c) => statuses.get(c.id) && statuses.get(c.id)!.state !== "pending")) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  engine.dispose();
  return cells.map((c) => statuses.get(c.id)!);
}

describe("ready-made notebooks", () => {
  it("has one per part of the course", () => {
    expect(READY_MADE.map((r) => r.part)).toEqual(parts.map((p) => p.number));
  });

  for (const nb of [...READY_MADE, { part: 0, title: "starter", cells: STARTER }]) {
    it(`${nb.title}: every cell computes`, async () => {
      const statuses = await statusesOf(nb.cells);
      statuses.forEach((s, i) => {
        expect(s?.state, `${nb.cells[i]}: ${s && "message" in s ? s.message : ""}`).toBe("ok");
      });
    });
  }
});
