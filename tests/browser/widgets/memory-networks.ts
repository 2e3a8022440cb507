/**
 * Chapter 13, "Memory networks": the story widget used as a reader would. The expected attention
 * is computed here from the chapter's construction (score = β·[names the person] + τ·i, β = 40,
 * τ = 3), independently of lib/.
 */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { createMemoryNetwork } from "../../../lib/models/memoryNetwork";
import { expectStepsLikeNode } from "../fingerprint";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";
import {
  cellNumbers,
  namedCellNumbers,
  near,
  openInNotebook,
  texLine,
  texPart,
  waitForEquation,
} from "../liveEquation";

const PATH = "/chapters/memory-networks/";
const WIDGET = '[data-widget="memory-networks/story-qa"]';

async function hop(w: Locator, k: number): Promise<number[]> {
  return w
    .locator(`[data-table="attention"] td[data-hop="${k}"] .mn-num`)
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
}

/** A number as the equation prints it, to 3 significant digits. */
const sig3 = (v: number) => String(Number(v.toPrecision(3)));

const softmax = (x: number[]) => {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

test.skip(!site.written.includes("memory-networks"), "chapter memory-networks is not built");

test("memory-networks: a typed story is answered right, with the expected attention and updates", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  check(
    (await textOf(w.locator('[data-output="answer"]'))).includes("Correct"),
    "the generated story is answered right",
  );

  await typeInto(
    w.getByLabel("Story (one sentence per line)"),
    "Mary moved to the bathroom.\nJohn went to the hallway.\nMary went to the kitchen.",
  );
  await typeInto(w.getByLabel("Question"), "Where is Mary?");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="answer"] strong'))) === "kitchen",
    "answer kitchen",
  );
  const expected = softmax([40, 3, 46]);
  const p1 = await hop(w, 1);
  check(p1.length === 3, `3 sentences, got ${p1.length}`);
  p1.forEach((p, i) =>
    check(Math.abs(p - expected[i]) < 0.002, `p[${i}] = ${p}, expected ${expected[i].toFixed(4)}`),
  );

  // Two hops (keyboard on the slider): hop 2 attends the same way; u gains the place.
  await w.locator("#mn-hops").focus();
  await page.keyboard.press("ArrowRight");
  await waitFor(async () => (await hop(w, 2)).length === 3, "a second hop column");
  const kitchen = await w
    .locator('[data-table="update"] tr[data-dim="kitchen"] td')
    .evaluateAll((cs) => cs.map((x) => Number(x.textContent)));
  // columns: u1, o1, u2, o2, u3
  check(kitchen.length === 5, `5 columns, got ${kitchen.length}`);
  check(Math.abs(kitchen[2] - (kitchen[0] + kitchen[1])) < 0.01, "u2 = u1 + o1 on the kitchen dimension");
  check(Math.abs(kitchen[4] - (kitchen[2] + kitchen[3])) < 0.01, "u3 = u2 + o2 on the kitchen dimension");
  check(Math.abs(kitchen[1] - expected[2]) < 0.002, `o1[kitchen] = ${kitchen[1]}`);

  // Unknown words are named; the last answer stays.
  await typeInto(w.getByLabel("Story (one sentence per line)"), "Mary flew to the moon.");
  await waitFor(
    async () => (await textOf(w.locator("#mn-story-error"))).includes("“flew”, “moon”"),
    "unknown words named",
  );
  check(await w.locator('[data-output="answer"] strong').isVisible(), "the last answer stays on screen");
  await typeInto(
    w.getByLabel("Story (one sentence per line)"),
    "Sandra journeyed to the office.\nMary went back to the garden.",
  );
  await waitFor(
    async () => (await textOf(w.locator('[data-output="answer"] strong'))) === "garden",
    "answer garden",
  );

  // URL round trip.
  const url = page.url();
  check(url.includes("story-qa.hops=2"), `hops in the URL: ${url}`);
  await visit(page, url);
  const w2 = page.locator(WIDGET);
  check(
    (await textOf(w2.locator('[data-output="answer"] strong'))) === "garden",
    "the link restores the story",
  );
  check((await hop(w2, 2)).length === 2, "and the two hops");
});

test("memory-networks: New story gives seeded stories that are answered right; bad links are reported", async ({
  page,
}) => {
  await visit(page, `${PATH}?story-qa.hops=9`);
  const w = page.locator(WIDGET);
  check(
    (await textOf(w.locator('[role="alert"]').first())).includes("hops"),
    "a message names the bad field",
  );
  for (let i = 0; i < 5; i++) {
    const before = await textOf(w.locator('[data-output="seed"]'));
    await w.locator('[data-action="new-story"]').click();
    await waitFor(async () => (await textOf(w.locator('[data-output="seed"]'))) !== before, "a new seed");
    check(
      (await textOf(w.locator('[data-output="answer"]'))).includes("Correct"),
      `story ${i + 1} answered right`,
    );
  }
});

const TRAIN = '[data-widget="memory-networks/train-memn2n"]';

/** The trained widget's hop attention: one array of weights per hop, over the sentences. */
async function hops(w: Locator): Promise<number[][]> {
  const cols = await w.locator('[data-table="attention"] thead th').count();
  const k = cols - 2;
  return Promise.all(Array.from({ length: k }, (_, i) => hop(w, i + 1)));
}
const argmax = (p: number[]) => p.indexOf(Math.max(...p));

test("memory-networks: train the memory network on task 1 and task 2, pause, resume, ask about your own story", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await visit(page, PATH);
  const w = page.locator(TRAIN);
  const attr = async (name: string) => (await w.getAttribute(`data-${name}`)) ?? "";
  await w.scrollIntoViewIfNeeded();
  await w.getByLabel("1: single supporting fact").check();
  await waitFor(
    async () => (await attr("state")) === "idle" && (await attr("step")) === "0",
    "a fresh task-1 model",
    30_000,
  );

  // Determinism: seed 1, task 1, 3 hops, the worker's weights equal Node's to the bit.
  await expectStepsLikeNode(w, createMemoryNetwork, 1, { task: 1, hops: 3 }, 2);
  // Task 1: train to the target on held-out stories.
  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => (await attr("state")) === "training", "training starts");
  await waitFor(
    async () => Number(await attr("accuracy")) >= 0.99,
    "task 1 held-out accuracy ≥ 99 %",
    240_000,
  );
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused");
  const pausedAt = await attr("step");

  // The reader's own story: the last hop lands on the supporting fact (Sandra's last move).
  const story = w.getByLabel("Your story (one sentence per line)");
  const question = w.getByLabel("Your question");
  await typeInto(
    story,
    "Sandra went to the office.\nMary moved to the garden.\nSandra journeyed to the bedroom.\nJohn went to the hallway.",
  );
  await typeInto(question, "Where is Sandra?");
  await waitFor(async () => (await hops(w))[0]?.length === 4, "attention over 4 sentences");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="answer"] strong'))) === "bedroom",
    "answer bedroom",
  );
  check((await textOf(w.locator('[data-output="verdict"]'))).includes("Correct"), "the rule agrees");
  const p = await hops(w);
  check(p.length === 3, `three hops: ${p.length}`);
  check(argmax(p[2]) === 2, `the last hop attends to sentence 3: ${JSON.stringify(p)}`);
  check((await attr("step")) === pausedAt, `still at step ${pausedAt} while paused`);

  // Unknown words: a message beside the field, the last answer kept.
  await typeInto(story, "Sandra flew to the moon.");
  await waitFor(
    async () => (await textOf(w.locator("#mn2-story-error"))).includes("“flew”, “moon”"),
    "unknown words named beside the story",
  );
  // Typing went through "Sandra", the last valid story: its answer stays on screen.
  check(
    (await textOf(w.locator('[data-output="answer"]'))).includes("Where is Sandra?"),
    "the last answer stays",
  );
  check((await hops(w))[0].length === 1, "for the last valid story, one sentence");
  await typeInto(question, "Where is Bob?");
  await waitFor(
    async () => (await textOf(w.locator("#mn2-question-error"))).includes("“bob”"),
    "beside the question",
  );

  // Resume: the step moves on.
  await w.getByRole("button", { name: "Resume" }).click();
  await waitFor(async () => Number(await attr("step")) > Number(pausedAt), "training resumes");
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused again");

  // Task 2: a fresh model; the two supporting facts are found by different hops.
  await w.getByLabel("2: two supporting facts").check();
  await waitFor(
    async () => (await attr("state")) === "idle" && (await attr("step")) === "0",
    "a fresh task-2 model",
    30_000,
  );
  await w.getByRole("button", { name: "Train" }).click();
  await waitFor(
    async () => Number(await attr("accuracy")) >= 0.85,
    "task 2 held-out accuracy ≥ 85 %",
    300_000,
  );
  await w.getByRole("button", { name: "Pause" }).click();
  await waitFor(async () => (await attr("state")) === "paused", "paused on task 2");
  await typeInto(
    story,
    "Daniel went to the kitchen.\nDaniel grabbed the apple.\nMary moved to the office.\nDaniel travelled to the garden.\nMary went to the hallway.",
  );
  await typeInto(question, "Where is the apple?");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="answer"] strong'))) === "garden",
    "answer garden",
  );
  const q = await hops(w);
  check(argmax(q[0]) === 1, `hop 1 finds who has the apple: ${JSON.stringify(q)}`);
  check(argmax(q[q.length - 1]) === 3, `the last hop finds where Daniel went: ${JSON.stringify(q)}`);

  // The live equation: hop 1, sentence 2 (“Daniel grabbed the apple.”), picked from the keyboard.
  await w.getByLabel("Sentence in the equation").focus();
  await page.keyboard.press("ArrowDown");
  const tex = await waitForEquation(
    w,
    (t) => t.includes("m^{1}_{2}") && t.includes("\\exp"),
    "hop 1, sentence 2",
  );
  const scores = texPart(texLine(tex, "p^{1} &"), 1);
  const p1 = texPart(texLine(tex, "p^{1} &"), 2);
  check(near(p1, q[0], 0.0005), `the equation's p¹ ${p1} is the table's hop 1 ${q[0]}`);
  const z = scores.map((x) => Math.exp(x - Math.max(...scores)));
  check(
    near(
      p1,
      z.map((x) => x / z.reduce((a, b) => a + b, 0)),
      0.002,
    ),
    `p¹ = softmax of the scores ${scores}`,
  );
  check(near(texPart(texLine(tex, "p^{1}_{2}"), 1), [q[0][1]], 0.0005), "p¹₂ is the table's weight");
  const u1 = texPart(texLine(tex, "u^{1} &"), 0);
  const o1 = texPart(texLine(tex, "o^{1} &"), 2);
  const u2 = texPart(texLine(tex, "u^{2} &"), 1);
  check(
    u1.length === 20 &&
      near(
        u2,
        u1.map((x, j) => x + o1[j]),
        0.0015,
      ),
    `u² = u¹ + o¹: ${u2}`,
  );
  const answerP = Number(
    /probability (\d\.\d+)/.exec(await textOf(w.locator('[data-output="answer"]')))?.[1],
  );

  // Open in notebook: the carried memories give the same attention, queries and answer.
  const nb = await openInNotebook(page, w, null);
  for (let k = 1; k <= q.length; k++) {
    const pk = await namedCellNumbers(nb, `p_${k}`);
    check(near(pk, q[k - 1], 0.0005), `notebook p_${k} ${pk} is the table's hop ${k} ${q[k - 1]}`);
  }
  const u2nb = await namedCellNumbers(nb, "u_2");
  check(near(u2nb, u2, 0.0005), `notebook u_2 ${u2nb} is the equation's ${u2}`);
  const top = Math.max(...(await namedCellNumbers(nb, "probs")));
  check(Math.abs(top - answerP) < 0.0005, `notebook max(probs) ${top} is the answer's ${answerP}`);
});

test("memory-networks: the hop equation follows the keyboard, and Open in notebook recomputes every hop", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator(WIDGET);
  await typeInto(
    w.getByLabel("Story (one sentence per line)"),
    "Mary moved to the bathroom.\nJohn went to the hallway.\nMary went to the kitchen.",
  );
  await typeInto(w.getByLabel("Question"), "Where is Mary?");
  // Two hops, then hop 2 in the equation, both from the keyboard.
  await w.locator("#mn-hops").focus();
  await page.keyboard.press("ArrowRight");
  await waitFor(async () => (await hop(w, 2)).length === 3, "a second hop column");
  await w.getByLabel("Hop in the equation").focus();
  await page.keyboard.press("ArrowDown");
  // Scores 40·[names Mary] + 3·i; A embeds only people, so o¹ adds nothing to hop 2's scores.
  const scores = [40, 3, 46];
  const p = softmax(scores);
  const tex = await waitForEquation(w, (t) => t.includes("p^{2}"), "the equation shows hop 2");
  for (const part of [
    `m_i \\cdot u^{2} &= [${scores.join(",\\ ")}]`,
    `= [${p.map((x) => x.toFixed(3)).join(",\\ ")}]`,
    // The weights p with three decimals, as in the softmax line and the hop table.
    `${p[2].toFixed(3)}\\,c_{3} + ${p[0].toFixed(3)}\\,c_{1}`,
    // u³ = u¹ + o¹ + o² = 40 e_mary + 1 e_time + 2 p₃ e_kitchen + 2 p₁ e_bathroom.
    `u^{3} &= u^{2} + o^{2} = 40\\,e_{\\text{mary}} + ${sig3(2 * p[0])}\\,e_{\\text{bathroom}} + ${sig3(2 * p[2])}\\,e_{\\text{kitchen}} + 1\\,e_{\\text{time}}`,
  ])
    check(tex.includes(part), `the equation lacks “${part}”`);

  // Cells: A, B, C, T_A, W, X, q, m, c, u_1, then p, o, u per hop (p_2 is cell 14, u_3 cell 16), probs, confidence.
  const nb = await openInNotebook(page, w, 18);
  const p2 = await cellNumbers(nb, 14);
  check(p2.length === 3 && p2.every((x, i) => Math.abs(x - p[i]) < 1e-4), `notebook p_2 = ${p2}`);
  const u3 = await cellNumbers(nb, 16);
  // Dimensions: mary john sandra daniel, bathroom hallway kitchen garden office bedroom, time.
  const want = [40, 0, 0, 0, 2 * p[0], 0, 2 * p[2], 0, 0, 0, 1];
  check(u3.length === 11 && u3.every((x, i) => Math.abs(x - want[i]) < 1e-4), `notebook u_3 = ${u3}`);
});
