/**
 * Chapter 12, "Graph attention networks": the graph editor used as a reader would, with mouse and
 * keyboard. Expected numbers are computed here, independently of lib/: GCN's weights from the
 * degrees, GAT's weights as the softmax of the scores the table prints.
 */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { check, textOf, visit, waitFor } from "../helpers";

const PATH = "/chapters/graph-attention/";
const WIDGET = '[data-widget="graph-attention/gat-editor"]';

/** Rows of the neighbour table: j, e, α, GCN weight. */
async function rows(w: Locator) {
  return w.locator('[data-table="neighbours"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      j: Number(tr.getAttribute("data-j")),
      e: Number(tr.querySelector('[data-col="e"]')?.textContent),
      alpha: Number(tr.querySelector('[data-col="alpha"]')?.textContent),
      gcn: Number(tr.querySelector('[data-col="gcn"]')?.textContent),
    })),
  );
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
const caption = (w: Locator) => textOf(w.locator('[data-table="neighbours"] caption'));

/** GAT weights are the softmax of the printed scores; GCN weights are 1/√(d̃_i d̃_j). */
async function checkNode(w: Locator, degree: (j: number) => number, i: number) {
  const r = await rows(w);
  const m = Math.max(...r.map((x) => x.e));
  const z = r.reduce((s, x) => s + Math.exp(x.e - m), 0);
  for (const x of r) {
    check(
      near(x.alpha, Math.exp(x.e - m) / z, 0.003),
      `α_${i}${x.j} = ${x.alpha} is not softmax of the scores`,
    );
    const g = 1 / Math.sqrt((degree(i) + 1) * (degree(x.j) + 1));
    check(near(x.gcn, g, 0.001), `GCN weight ${i}–${x.j} = ${x.gcn}, expected ${g.toFixed(4)}`);
  }
  return r;
}

test.skip(!site.written.includes("graph-attention"), "chapter graph-attention is not built");

test("graph-attention: numbers, keyboard editing, connecting, heads, karate preset", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  // Default graph: edges 1-2 1-3 1-4 1-5 2-3 2-6 5-6.
  let deg: Record<number, number> = { 1: 4, 2: 3, 3: 2, 4: 1, 5: 2, 6: 2 };
  const r = await checkNode(w, (j) => deg[j], 1);
  check(r.length === 5, `node 1 has 4 neighbours and itself, table has ${r.length} rows`);

  // Keyboard: Tab to node 2 in the GAT drawing, select it with Enter, move it with an arrow key.
  const node2 = w.locator('[data-graph="gat"] [data-node="2"]');
  await node2.focus();
  await page.keyboard.press("Enter");
  await waitFor(async () => (await caption(w)).startsWith("Node 2"), "Enter selects node 2");
  const before = (await node2.getAttribute("aria-label")) ?? "";
  await page.keyboard.press("ArrowRight");
  await waitFor(async () => (await node2.getAttribute("aria-label")) !== before, "ArrowRight moves node 2");
  const x0 = Number(/\((\d+),/.exec(before)?.[1]);
  const x1 = Number(/\((\d+),/.exec((await node2.getAttribute("aria-label")) ?? "")?.[1]);
  check(x1 === x0 + 25, `node 2 moved from x=${x0} to x=${x1}, expected +25`);
  await checkNode(w, (j) => deg[j], 2);

  // Connect nodes 2 and 4 with the native controls.
  await w.getByLabel("and node").selectOption({ value: "3" }); // index 3 is node 4
  await w.locator('[data-action="toggle-edge"]').click();
  deg = { ...deg, 2: 4, 4: 2 };
  await waitFor(async () => (await rows(w)).length === 5, "node 2 now has 4 neighbours");
  await checkNode(w, (j) => deg[j], 2);

  // Mouse: drag node 5, then Shift+click node 6 to disconnect it from the selected node 2.
  const n5 = w.locator('[data-graph="gat"] [data-node="5"]');
  const label5 = await n5.getAttribute("aria-label");
  const box = (await n5.locator("circle").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 6 });
  await page.mouse.up();
  await waitFor(async () => (await n5.getAttribute("aria-label")) !== label5, "dragging moves node 5");
  await w.locator('[data-graph="gat"] [data-node="6"] circle').click({ modifiers: ["Shift"] });
  deg = { ...deg, 2: 3, 6: 1 };
  await waitFor(async () => (await rows(w)).length === 4, "Shift+click removed the edge 2–6");
  await checkNode(w, (j) => deg[j], 2);

  // Heads: 3 heads of 2 features each, concatenated.
  await w.locator("#ga-heads").fill("3");
  await waitFor(
    async () =>
      ((await textOf(w.locator('[data-output="concat"]'))).match(/-?\d+(\.\d+)?/g) ?? []).length === 2 + 6,
    "3 heads give 6 output numbers",
  );

  // URL round trip: a fresh visit of the same link shows the same table.
  const table = await textOf(w.locator('[data-table="neighbours"]'));
  await visit(page, page.url());
  check(
    (await textOf(page.locator(WIDGET).locator('[data-table="neighbours"]'))) === table,
    "the link restores the state",
  );

  // Karate club preset: member 1 has 16 friends, member 34 has 17.
  const w2 = page.locator(WIDGET);
  await w2.getByLabel("Preset").selectOption("karate");
  await waitFor(async () => (await rows(w2)).length === 17, "member 1: 16 neighbours + itself");
  check(near((await rows(w2))[0].gcn, 1 / 17, 0.001), "GCN self weight of member 1 is 1/17");
  await w2.locator('[data-graph="gat"] [data-node="34"]').click();
  await waitFor(async () => (await rows(w2)).length === 18, "member 34: 17 neighbours + itself");
  const sum = (await rows(w2)).reduce((s, x) => s + x.alpha, 0);
  check(near(sum, 1, 0.01), `α of member 34 sums to ${sum}`);
});

test("graph-attention: a corrupted graph link gives a clear message and the widget still works", async ({
  page,
}) => {
  await visit(page, `${PATH}?gat.g=0a0a0b0b.0z`);
  const w = page.locator(WIDGET);
  const alert = await textOf(w.locator('[role="alert"]').first());
  check(/edge to node 36, but only 2 nodes/.test(alert), `message: ${alert}`);
  check((await rows(w)).length === 5, "the default graph is shown instead");
  await w.locator('[data-action="add-node"]').click();
  await waitFor(
    async () => (await caption(w)).startsWith("Node 7"),
    "adding a node still works and selects it",
  );
});
