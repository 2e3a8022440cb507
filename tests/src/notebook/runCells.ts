/** Running widget notebook cells in the notebook engine (in-process), for the widget-cell tests. */
import { expect } from "vitest";
import type { Encoded } from "../../../src/formula/protocol";
import { type CellStatus, NotebookEngine } from "../../../src/notebook/engine";
import { inProcessClient } from "./fakeClient";

/** Run cells in the notebook engine; returns each named cell's value as nested numbers. */
export async function run(cells: string[]): Promise<Map<string, unknown>> {
  const statuses = new Map<string, CellStatus>();
  const engine = new NotebookEngine(inProcessClient(), (id, s) => statuses.set(id, s));
  const list = cells.map((source, i) => ({ id: `c${i}`, source }));
  await engine.update(list);
  for (let i = 0; i < 600; i++) {
    if (list.every((c) => statuses.get(c.id) && statuses.get(c.id)!.state !== "pending")) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  engine.dispose();
  const out = new Map<string, unknown>();
  list.forEach((c) => {
    const s = statuses.get(c.id)!;
    if (s.state !== "ok") throw new Error(`${c.source}: ${s.state} ${"message" in s ? s.message : ""}`);
    const v: Encoded = s.result.value;
    if (s.analysis.name)
      out.set(s.analysis.name, v.kind === "matrix" ? v.data : v.kind === "number" ? v.value : v);
  });
  return out;
}

/** Every entry of `actual` (a notebook value) equals `expected` to `digits` decimals. */
export const expectClose = (actual: unknown, expected: number[] | number[][], digits = 9) => {
  const a = (actual as number[] | number[][]).flat();
  const e = expected.flat();
  expect(a.length).toBe(e.length);
  a.forEach((x, i) => expect(x).toBeCloseTo(e[i], digits));
};
