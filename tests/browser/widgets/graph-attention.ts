/**
 * Chapter 12, "Graph attention networks": the graph editor used as a reader would, with mouse and
 * keyboard. Expected numbers are computed here, independently of lib/: GCN's weights from the
 * degrees, GAT's weights as the softmax of the scores the table prints.
 */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { createNodeClassifier } from "../../../lib/models/nodeClassification";
import { KARATE_TASK } from "../../../src/data/karate";
import { expectStepsLikeNode } from "../fingerprint";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";
import { clippedAxisTitles } from "../layout";
import {
  cellNumbers,
  namedCellNumbers,
  near as nearAll,
  openInNotebook,
  texLine,
  texPart,
  waitForEquation,
} from "../liveEquation";

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
/** Equal to what a number printed with 3 significant digits shows. */
const nearSig = (shown: number, exact: number) => Math.abs(shown - exact) <= 0.006 * Math.abs(exact) + 1e-4;
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
  await visit(page, `${PATH}?gat-editor.g=0a0a0b0b.0z`);
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

const TRAIN = '[data-widget="graph-attention/train-karate"]';

/** The query table: member j, then each network's weight and rank, and GAT's score e. */
async function queryRows(w: Locator) {
  return w.locator('[data-table="karate-query"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (c: string) => Number(tr.querySelector(`[data-col="${c}"]`)?.textContent);
      return {
        j: Number(tr.getAttribute("data-j")),
        gatE: Number(tr.children[2]?.textContent),
        gat: cell("gat"),
        gatRank: cell("gat-rank"),
        gatv2: cell("gatv2"),
        gatv2E: Number(tr.children[5]?.textContent),
        gcn: cell("gcn"),
        gcnRank: cell("gcn-rank"),
      };
    }),
  );
}

test("graph-attention: train GAT, GATv2 and GCN on the karate club, pause, query a member, relabel", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(TRAIN);
  await w.scrollIntoViewIfNeeded();
  const attr = async (name: string) => (await w.getAttribute(`data-${name}`)) ?? "";
  await waitFor(async () => (await attr("state")) === "idle", "an idle model after load", 30_000);
  check((await attr("step")) === "0", "no steps yet");
  check((await w.locator("figure[data-net]").count()) === 3, "one drawing per network");
  const clipped = await clippedAxisTitles(w);
  check(clipped.length === 0, `axis titles cut by their chart: ${clipped.join(", ")}`);

  // The widget starts at a watchable 30 steps/s, so the 200 steps take several seconds: time to pause.
  check((await w.getByLabel("Speed").inputValue()) === "medium", "starts at medium speed");
  // Determinism: seed 1, members 1 and 34 labelled, the three networks' weights equal Node's to the bit.
  const karate = (seed: number, o: { labelled: number[] }) =>
    createNodeClassifier(seed, { task: KARATE_TASK, labelled: o.labelled });
  await expectStepsLikeNode(w, karate, 1, { labelled: [0, 33] }, 2);
  // Pause while training: at the slow speed (4 steps/s) the 200 steps take 50 s, time enough for
  // the pause to reach the worker on a loaded machine. Then resume at the medium speed.
  await w.getByLabel("Speed").selectOption("slow");
  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => Number(await attr("step")) >= 3, "training has started");
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused");
  check(Number(await attr("step")) < 200, `paused before the end: step ${await attr("step")}`);
  await w.getByLabel("Speed").selectOption("medium");
  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(
    async () => Number(await attr("accuracy")) >= 0.9,
    "held-out accuracy ≥ 90 % (all three)",
    120_000,
  );
  // Stop it again to read the trained model; on a loaded machine the worker can finish its 200
  // steps before the pause reaches it, and a finished run stays put as a paused one does.
  // (force: a button that turned into a disabled "Train" meanwhile takes the click as a no-op.)
  if ((await attr("state")) === "training") await w.locator("button.trainer-train").click({ force: true });
  await waitFor(async () => ["paused", "done"].includes(await attr("state")), "paused or finished");
  const pausedAt = await attr("step");
  const captions = await w.locator('[data-output="net-summary"]').allTextContents();
  check(/GAT: \d+ of 32 unlabelled members right/.test(captions[0]), `GAT caption: ${captions[0]}`);

  // The reader asks about member 34: itself and its 17 friends, with every network's weights.
  await w.getByLabel("Member", { exact: true }).selectOption("34");
  await waitFor(
    async () => (await queryRows(w)).length === 18 && (await queryRows(w))[0].j === 34,
    "member 34's table",
  );
  const rows = await queryRows(w);
  for (const net of ["gat", "gatv2"] as const) {
    const s = rows.reduce((t, r) => t + r[net], 0);
    check(Math.abs(s - 1) < 0.02, `${net} weights of member 34 sum to 1: ${s}`);
  }
  // GCN's weights are 1/√(d̃ᵢd̃ⱼ): member 34 has 17 friends (d̃ = 18); member 9 has 5 (d̃ = 6).
  const nine = rows.find((r) => r.j === 9);
  check(
    nine !== undefined && Math.abs(nine.gcn - 1 / Math.sqrt(18 * 6)) < 0.0006,
    `GCN c(34, 9) = ${nine?.gcn}`,
  );
  // GAT's ranks follow its scores e (LeakyReLU(query + key)): larger e, better rank.
  for (const a of rows)
    for (const b of rows)
      if (a.gatE > b.gatE + 0.002) check(a.gatRank <= b.gatRank, `GAT ranks ${a.j} above ${b.j}`);
  // The live equation writes member 34's scores and weights as the table prints them: GAT, then
  // GATv2 picked from the keyboard.
  const alphaOf = (tex: string) => texPart(texLine(tex, "\\alpha_{34,j}"), 1);
  const eOf = (tex: string) => texPart(texLine(tex, "e_{34,j}"), 0);
  let tex = await waitForEquation(w, (t) => t.includes("a_1^\\top W h_{34}"), "GAT's equation for member 34");
  check(
    nearAll(
      alphaOf(tex),
      rows.map((r) => r.gat),
      1e-12,
    ),
    `GAT α in the equation: ${alphaOf(tex)}`,
  );
  check(
    nearAll(
      eOf(tex),
      rows.map((r) => r.gatE),
      1e-12,
    ),
    `GAT e in the equation: ${eOf(tex)}`,
  );
  await w.getByLabel("Network in the equation").focus();
  await page.keyboard.press("ArrowDown");
  tex = await waitForEquation(w, (t) => t.includes("W_q h_{34}"), "GATv2's equation for member 34");
  check(
    nearAll(
      alphaOf(tex),
      rows.map((r) => r.gatv2),
      1e-12,
    ),
    `GATv2 α in the equation: ${alphaOf(tex)}`,
  );
  check(
    nearAll(
      eOf(tex),
      rows.map((r) => r.gatv2E),
      1e-12,
    ),
    `GATv2 e in the equation: ${eOf(tex)}`,
  );
  check((await attr("step")) === pausedAt, `still at step ${pausedAt} while paused`);
  const statics = await textOf(w.locator('[data-output="static"]'));
  check(/GAT: 34 of 34 members/.test(statics) && /GAT ranks 0 in opposite orders/.test(statics), statics);
  check(/GCN 0\./.test(statics), `GCN is static too: ${statics}`);

  // A labelled set without the Officer's side: a message beside the field, the run kept.
  const field = w.getByLabel("Labelled members (changing them starts again)");
  await typeInto(field, "1 2");
  await waitFor(
    async () => (await textOf(w.locator("#karate-labelled-msg"))).includes("at least one member of Officer"),
    "bad labelled set reported",
  );
  check((await attr("step")) === pausedAt, "a bad set does not restart the run");

  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => Number(await attr("step")) > Number(pausedAt), "training resumes");
  await waitFor(async () => (await attr("state")) === "done", "training finishes", 120_000);
  // At the end the drawings show the same model the last evaluation measured.
  const accs = await w
    .locator("figure[data-net]")
    .evaluateAll((fs) => fs.map((f) => Number(f.getAttribute("data-accuracy"))));
  check(accs.length === 3 && accs.every((a) => a >= 0.9), `each network ≥ 90 %: ${accs.join(", ")}`);
  check(Number(await attr("accuracy")) >= 0.9, `still ≥ 90 % at the end: ${await attr("accuracy")}`);

  // A valid new set starts again from step 0.
  await typeInto(field, "1 34 9");
  await waitFor(async () => (await attr("state")) === "idle" && (await attr("step")) === "0", "a fresh run");
  check((await textOf(w.locator("#karate-labelled-msg"))) === "", "no message for a valid set");

  // Open in notebook: GATv2's weights of member 34 in the fresh run, recomputed from the carried
  // W_q h_i, W_k h_j and a.
  let fresh = rows;
  await waitFor(
    async () =>
      (fresh = await queryRows(w)).length === 18 &&
      !nearAll(
        fresh.map((r) => r.gatv2),
        rows.map((r) => r.gatv2),
        1e-9,
      ),
    "member 34's table for the fresh run",
  );
  const nb = await openInNotebook(page, w, null);
  const alpha = await namedCellNumbers(nb, "alpha");
  check(
    nearAll(
      alpha,
      fresh.map((r) => r.gatv2),
      0.0006,
    ),
    `notebook α ${alpha} vs the table's ${fresh.map((r) => r.gatv2)}`,
  );
});

/** Pairs of labels (node numbers and edge weights) in one drawing whose boxes on screen overlap. */
async function overlappingLabels(w: Locator, graph: string): Promise<string[]> {
  return w.locator(`[data-graph="${graph}"]`).evaluate((svg) => {
    const boxes = [...svg.querySelectorAll("text")].map((t) => ({
      name: t.classList.contains("ga-node-label")
        ? `node ${t.textContent}`
        : `weight ${t.getAttribute("data-edge-label")}`,
      r: t.getBoundingClientRect(),
    }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].r, boxes[j].r];
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 0.5 && dy > 0.5) out.push(`${boxes[i].name} and ${boxes[j].name}`);
      }
    return out;
  });
}

for (const width of [360, 1280]) {
  test(`graph-attention: at ${width} px, the karate club's labels around member 34 do not overlap`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await visit(page, PATH);
    const w = page.locator(WIDGET);
    await w.getByLabel("Preset").selectOption("karate");
    await waitFor(async () => (await rows(w)).length === 17, "the karate club is loaded");
    await w.getByLabel("Selected node").selectOption({ value: "33" });
    await waitFor(async () => (await rows(w)).length === 18, "member 34 is selected");
    const fontPx = await w
      .locator('[data-graph="gat"] .ga-node-label')
      .first()
      .evaluate((t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest("svg")!.getScreenCTM()?.a ?? 1));
    check(fontPx >= 11, `node labels are ${fontPx.toFixed(1)} px on screen`);
    for (const graph of ["gat", "gcn"]) {
      // The font follows the drawing's width (a resize observer): wait for it to settle.
      let last: string[] = [];
      const clear = await waitFor(
        async () => (last = await overlappingLabels(w, graph)).length === 0,
        "labels stop overlapping",
      ).catch(() => false);
      check(clear, `${graph} drawing at ${width} px, overlapping labels: ${last.join("; ")}`);
    }
    // Every labelled weight is one of member 34's, and the largest one is labelled.
    const labelled = await w
      .locator('[data-graph="gat"] .ga-edge-label')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute("data-edge-label")));
    const top = (await rows(w)).filter((x) => x.j !== 34).sort((a, b) => b.alpha - a.alpha)[0];
    check(
      labelled.includes(`34-${top.j}`),
      `the largest weight, on ${top.j}, is not labelled: ${labelled.join(" ")}`,
    );
    check(
      labelled.every((l) => l?.startsWith("34-")),
      `labels: ${labelled.join(" ")}`,
    );
  });
}

/** The vectors of the editor's equation: the scores e and the weights α of the selected node. */
function equationVectors(tex: string): { tex: string; e: number[]; alpha: number[] } {
  const vecAfter = (marker: string) => {
    const at = tex.indexOf(marker);
    const m = at < 0 ? null : /\[([^\]]*)\]/.exec(tex.slice(at));
    return m ? m[1].split(/,\\ /).map(Number) : [];
  };
  return { tex, e: vecAfter("\\\\\n&= "), alpha: vecAfter("\\operatorname{softmax}_j") };
}

test("graph-attention: the selected node's equation follows the keyboard, and Open in notebook recomputes it", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  // Keyboard: the next node in the "Selected node" list.
  await w.getByLabel("Selected node").focus();
  await page.keyboard.press("ArrowDown");
  await waitFor(async () => (await caption(w)).startsWith("Node 2"), "ArrowDown selects node 2");
  const eq = equationVectors(
    await waitForEquation(w, (t) => t.includes("\\mathcal{N}(2)"), "the equation is node 2's"),
  );
  // Node 2 of the default graph: neighbours 1, 3, 6 and itself. α is the softmax of e, computed here.
  check(eq.tex.includes("\\{1, 2, 3, 6\\}"), `node 2's neighbourhood: ${eq.tex}`);
  const m = Math.max(...eq.e);
  const z = eq.e.reduce((s, x) => s + Math.exp(x - m), 0);
  check(eq.e.length === 4 && eq.alpha.length === 4, `four scores and weights: ${eq.tex}`);
  eq.alpha.forEach((a, k) =>
    check(near(a, Math.exp(eq.e[k] - m) / z, 0.004), `α = ${eq.alpha} is not the softmax of e = ${eq.e}`),
  );
  const table = await rows(w);
  table.forEach((r, k) => check(nearSig(eq.e[k], r.e), `table e ${r.e}, equation e ${eq.e[k]}`));
  const printed = (await textOf(w.locator('[data-output="concat"]'))).match(/-?\d+(\.\d+)?/g) ?? [];
  const output = printed.slice(2).map(Number); // after "Node 2's output with 1 head"

  // Open in notebook: the cells give the same scores, weights and output. One head on the default
  // graph: X, A, W1, a1, W, a, i, Wh, z, e (cell 10), m, alpha (cell 12), H, h_i (cell 14).
  const nb = await openInNotebook(page, w, 14);
  const alpha = await cellNumbers(nb, 12);
  const e = await cellNumbers(nb, 10);
  check(alpha.length === 6, `alpha has one entry per node: ${alpha}`);
  [1, 2, 3, 6].forEach((j, k) => {
    check(nearSig(eq.alpha[k], alpha[j - 1]), `notebook α_2${j} = ${alpha[j - 1]}, widget ${eq.alpha[k]}`);
    check(nearSig(eq.e[k], e[j - 1]), `notebook e_2${j} = ${e[j - 1]}, widget ${eq.e[k]}`);
  });
  check(alpha[3] === 0 && alpha[4] === 0, `nodes 4 and 5 are not neighbours of 2: ${alpha}`);
  const h = await cellNumbers(nb, 14);
  check(
    h.length === output.length && h.every((x, k) => nearSig(output[k], x)),
    `notebook h_i ${h}, widget output ${output}`,
  );
});
