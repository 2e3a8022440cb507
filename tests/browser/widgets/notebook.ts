/**
 * The notebook page: a reader builds attention cell by cell, edits an early cell and sees the
 * later ones update, shares the link and opens it fresh; hostile and broken input (in cells and
 * in links) gets a message while the page keeps responding; cells are edited from the keyboard.
 */
import type { Browser, Locator, Page } from "@playwright/test";
import { origin, site, test } from "../fixtures";
import { check, textOf, typeInto, waitFor } from "../helpers";
import { readResponsiveness, readWatch, startResponsiveness, startWatch } from "../responsive";
import { readFile } from "node:fs/promises";
import { READY_MADE } from "../../../src/notebook/examples";
import { notebookUrlForCells } from "../../../src/widgets/primitives/openNotebook";

const PATH = "/notebook/";

/** A share-link fragment written independently of the page's codec: deflate-raw JSON, base64url. */
async function linkFor(cells: string[]): Promise<string> {
  const json = JSON.stringify({ v: 1, cells: cells.map((s) => ({ s })) });
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return `#nb=${Buffer.from(await new Response(stream).arrayBuffer()).toString("base64url")}`;
}

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url, { waitUntil: "load" });
  const nb = page.locator(".nb[data-ready='true']");
  await nb.waitFor({ timeout: 30_000 });
  return nb;
}

const cellAt = (nb: Locator, n: number) => nb.locator(`[data-cell="${n}"]`);
const editorOf = (nb: Locator, n: number) =>
  cellAt(nb, n).getByRole("textbox", { name: `Cell ${n} formula` });

/** A cell's value as numbers, read from its text view. */
async function numbers(nb: Locator, n: number): Promise<number[]> {
  const cell = cellAt(nb, n);
  const select = cell.getByLabel("View");
  const out = cell.locator(`[data-value="cell-${n}"]`);
  // Until the result is drawn there is no View to switch, and a cell that recomputes (as it does
  // while the reader types) may draw its new result in its default view: switch to the text view
  // whenever it is not, and read once it shows.
  return waitFor(
    async () => {
      if ((await select.count()) > 0 && (await select.inputValue()) !== "text")
        await select.selectOption("text");
      if (!(await out.isVisible())) return null;
      const text = ((await out.textContent({ timeout: 2000 })) ?? "").replace(/\s+/g, " ");
      return (text.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
    },
    `cell ${n}'s numbers in its text view`,
    15_000,
  ) as Promise<number[]>;
}

async function settled(nb: Locator, n: number): Promise<void> {
  await waitFor(
    async () => (await cellAt(nb, n).getAttribute("data-state")) !== "pending",
    `cell ${n} settles`,
    15_000,
  );
}

/** Attention in plain JavaScript, independent of lib/: softmax(Q Kᵀ / √d) V. */
function attention(Q: number[][], K: number[][], V: number[][]): number[][] {
  const d = Q[0].length;
  return Q.map((q) => {
    const s = K.map((k) => k.reduce((a, kj, j) => a + kj * q[j], 0) / Math.sqrt(d));
    const m = Math.max(...s);
    const e = s.map((x) => Math.exp(x - m));
    const z = e.reduce((a, b) => a + b, 0);
    return V[0].map((_, c) => e.reduce((a, w, i) => a + (w / z) * V[i][c], 0));
  });
}

const close = (a: number[], b: number[]) =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 1e-5 * Math.max(1, Math.abs(b[i])));

test.skip(!site.pages.includes(PATH), "the notebook page is not built");
// These tests take many steps; the machine running them is shared.
test.describe.configure({ timeout: 180_000 });

test("notebook: build attention cell by cell, edit an early cell, share the link, reopen it", async ({
  page,
  browser,
}) => {
  const nb = await open(page, PATH);
  // A first visit shows the starter: Q, K, V, W and out.
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 5, "five starter cells");
  // Clear it from the keyboard: delete every cell, then add one.
  for (let i = 5; i >= 2; i--) {
    await editorOf(nb, i).click();
    await page.keyboard.press("Shift+Alt+Backspace");
    await waitFor(async () => (await nb.locator("[data-cell]").count()) === i - 1, `${i - 1} cells left`);
  }
  await editorOf(nb, 1).click();
  await page.keyboard.press("ControlOrMeta+a");
  const rows = [
    "Q = [[1, 0], [0, 1], [1, 1]]",
    "K = [[1, 2], [0, 1], [1, -1]]",
    "V = [[1, 2], [3, 4], [5, 6]]",
  ];
  const later = ["S = Q * K' / sqrt(2)", "A = softmax(S)", "O = A * V"];
  const all = [...rows, ...later];
  for (let i = 0; i < all.length; i++) {
    if (i > 0) await page.keyboard.press("Alt+Enter");
    await waitFor(async () => (await nb.locator("[data-cell]").count()) === i + 1, `cell ${i + 1} added`);
    await page.keyboard.type(all[i]);
    await page.keyboard.press("Escape"); // close the completion list
  }
  for (let n = 1; n <= 6; n++) await settled(nb, n);
  const Q = [
    [1, 0],
    [0, 1],
    [1, 1],
  ];
  const K = [
    [1, 2],
    [0, 1],
    [1, -1],
  ];
  const V = [
    [1, 2],
    [3, 4],
    [5, 6],
  ];
  check(close(await numbers(nb, 6), attention(Q, K, V).flat()), "O = softmax(QKᵀ/√2) V");
  const A = await numbers(nb, 5);
  check(Math.abs(A[0] + A[1] + A[2] - 1) < 1e-5, "the weights of a row sum to 1");

  // Edit the first cell: S, A and O follow.
  await editorOf(nb, 1).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Q = [[2, 0], [0, 2], [1, 3]]");
  const Q2 = [
    [2, 0],
    [0, 2],
    [1, 3],
  ];
  await waitFor(
    async () => close(await numbers(nb, 6), attention(Q2, K, V).flat()),
    "O follows the new Q",
    15_000,
  );

  // Share, then open the link in a fresh page (its own storage): the same results.
  await nb.getByRole("button", { name: "Copy share link" }).click();
  const link = await nb.getByLabel("Share link").inputValue();
  check(link.includes("#nb="), `a share link: ${link}`);
  // A fresh context has its own storage; the fixture does not watch it, so its errors are collected here.
  const fresh = await browser.newContext({ baseURL: origin, serviceWorkers: "block" });
  const problems: string[] = [];
  try {
    const other = await fresh.newPage();
    other.on("pageerror", (e) => problems.push(e.message));
    other.on("console", (m) => {
      const blocked = m.text() === "Service Worker registration blocked by Playwright";
      if ((m.type() === "error" || m.type() === "warning") && !blocked) problems.push(m.text());
    });
    const nb2 = await open(other, link);
    await waitFor(async () => (await nb2.locator("[data-cell]").count()) === 6, "six cells from the link");
    await settled(nb2, 6);
    check(close(await numbers(nb2, 6), attention(Q2, K, V).flat()), "same O after opening the link");
    check((await textOf(editorOf(nb2, 1))) === "Q = [[2, 0], [0, 2], [1, 3]]", "same first cell");
    check(problems.length === 0, `problems in the page opened from the link: ${problems.join("; ")}`);
  } finally {
    await fresh.close();
  }

  // The notebook was saved as the reader typed: a reload shows it.
  await page.goto(PATH, { waitUntil: "load" });
  const nb3 = page.locator(".nb[data-ready='true']");
  await nb3.waitFor();
  await waitFor(async () => (await nb3.locator("[data-cell]").count()) === 6, "the saved notebook reloads");
});

test("notebook: keyboard editing with undo and redo", async ({ page }) => {
  const nb = await open(page, PATH + (await linkFor(["a = 1", "b = a + 1", "c = b * 10"])));
  await settled(nb, 3);
  check((await numbers(nb, 3))[0] === 20, "c = 20");
  await editorOf(nb, 1).click();
  await page.keyboard.press("Shift+Alt+ArrowDown"); // a moves below b: order does not matter
  await waitFor(async () => (await textOf(editorOf(nb, 2))) === "a = 1", "a moved down");
  check((await textOf(editorOf(nb, 1))) === "b = a + 1", "b is first");
  await page.keyboard.press("Shift+Alt+d");
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 4, "duplicated");
  await waitFor(
    async () => /defined in more than one cell/.test(await textOf(cellAt(nb, 2).locator("[data-message]"))),
    "a duplicate name is reported on the cell",
  );
  await page.keyboard.press("Alt+z"); // undo the duplicate
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 3, "undo removes the copy");
  await page.keyboard.press("Alt+y"); // redo
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 4, "redo brings it back");
  await editorOf(nb, 3).click(); // the copy: b, a, a (copy), c
  await page.keyboard.press("Shift+Alt+Backspace");
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 3, "deleted");
  await settled(nb, 3);
  check((await numbers(nb, 3))[0] === 20, "c = 20 again");
});

test("notebook: typing the start of a library function offers it, and accepting it inserts it", async ({
  page,
}) => {
  const nb = await open(page, PATH + (await linkFor(["b = 2", "c = b * 10"])));
  await settled(nb, 2);
  await editorOf(nb, 2).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" + attentionW");
  const list = page.getByRole("listbox");
  const option = list.getByRole("option", { name: /^attentionWeights/ });
  await option.waitFor();
  // The list offers library functions by the typed start, with their signature.
  const offered = await list.getByRole("option").allTextContents();
  check(
    offered.every((o) => /^attentionW/i.test(o)),
    `only names starting with attentionW: ${offered.join(", ")}`,
  );
  check(/\(Q, K/.test(await textOf(option)), `the signature is shown: ${await textOf(option)}`);
  // Move to it (it may not be the first) and accept with Enter.
  for (let i = 0; i < offered.length && (await option.getAttribute("aria-selected")) !== "true"; i++)
    await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await waitFor(
    async () => (await textOf(editorOf(nb, 2))) === "c = b * 10 + attentionWeights(",
    "the function and its bracket are inserted",
  );
  await page.keyboard.type("[[1, 0]], [[1, 0], [0, 1]])");
  // Scores 1/√2 and 0, then a softmax.
  const e = Math.exp(1 / Math.sqrt(2));
  await waitFor(
    async () => close(await numbers(nb, 2), [20 + e / (e + 1), 20 + 1 / (e + 1)]),
    "c = 20 + attentionWeights([[1, 0]], [[1, 0], [0, 1]])",
  );
});

/** Check the main thread kept responding while `what` was opened (see `readResponsiveness`). */
async function responded(browser: Browser, what: string): Promise<void> {
  // How many times the timer fired depends on how long the cells took (a quick machine: a few); a
  // gap is the page's fault only when the page itself was busy for it (readResponsiveness).
  const r = await readResponsiveness(browser, 100);
  check(
    r.blocked.length === 0,
    `${what}: the page blocked its main thread for over 100 ms: ${r.blocked.map((b) => `a ${b.gap.toFixed(0)} ms gap with ${b.busy.toFixed(0)} ms of the page's own work`).join("; ")}`,
  );
}

/** A cell that sets a 30×30 matrix, almost as long as a cell may be. */
const bigCell = (i: number) =>
  `M${i} = [${Array.from({ length: 30 }, (_, r) => `[${Array.from({ length: 30 }, (_, c) => (r * c + i) % 7).join(",")}]`).join(",")}]`;

test("notebook: hostile formulas in a shared link are stopped with messages, other cells keep working", async ({
  page,
  browser,
}) => {
  await page.goto(PATH, { waitUntil: "load" });
  // A trap for injected script (window.__injected) and for dialogs, kept across the fragment changes below.
  await startWatch(page);
  // The page has opened (the starter notebook computed and drawn) before the timer starts.
  const first = await open(page, PATH);
  await waitFor(
    async () =>
      (await page.locator(".nb[data-mounting]").count()) === 0 &&
      (await first.locator('[data-cell][data-state="pending"]').count()) === 0,
    "the first notebook settles",
  );
  // The control: legitimate cells, one of which keeps the worker busy for a while. While each link
  // opens, a timer on the main thread must keep firing within 100 ms.
  const fine = ["x = 2", "f(n) = n < 1 ? 0 : f(n-1) + f(n-1)", "f(11) + x"];
  await startResponsiveness(page, browser);
  let nb = await open(page, PATH + (await linkFor(fine)));
  await settled(nb, 3);
  await responded(browser, "opening a link of harmless cells");
  check((await numbers(nb, 3))[0] === 2, "f(11) + x = 2");
  const cases: [string, RegExp][] = [
    ["f(n) = n < 1 ? 0 : f(n-1) + f(n-1)", /./],
    ["f(60)", /ran for more than 2 seconds|was stopped|too much work/],
    ["q = [1, 2]", /./],
    ["q[3e7] = 1", /position would make a matrix of 30,000,001 entries/],
    ["q.resize([1e8])", /Method calls such as q\.resize/],
    ["g(x) = g(x)", /./],
    ["g(1)", /calls itself more than 256 levels deep/],
    ["zeros(1e5, 1e5)", /zeros: the result would have 10,000,000,000 entries/],
    ['evaluate("1 + 1")', /evaluate\(\) is not available in formulas/],
    ["import({x: 1})", /import\(\) is not available in formulas/],
    ["a = b + 1", /part of a cycle: a → b → a/],
    ["b = a", /part of a cycle: b → a → b/],
    ["(1 + ", /Syntax error at character/],
    ["nope + 1", /"nope" is not defined \(at character 1\)/],
    ["[].constructor", /cannot use "constructor"/],
    ["\"<img src=x onerror='window.__injected=true'>\"", /./],
  ];
  // A well-behaved cell after all of them, then 40 cells of large matrices (drawn and typeset).
  const last = cases.length + 1;
  const big = Array.from({ length: 40 }, (_, i) => bigCell(i));
  check(
    big.every((c) => c.length > 1800 && c.length <= 2000),
    "large cells near the length limit",
  );
  await startResponsiveness(page, browser);
  nb = await open(page, PATH + (await linkFor([...cases.map(([s]) => s), "ok = 6 * 7", ...big])));
  const all = last + big.length;
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === all, `${all} cells`, 60_000);
  await waitFor(
    async () => (await nb.locator('[data-cell][data-state="pending"]').count()) === 0,
    "every cell settles",
    60_000,
  );
  await responded(browser, "opening a link of hostile cells and large matrices");
  for (let n = 1; n <= cases.length; n++) {
    const [source, message] = cases[n - 1];
    await settled(nb, n);
    if (message.source === ".") continue;
    const text = await textOf(cellAt(nb, n).locator("[data-message]"));
    check(message.test(text), `cell ${n} (${source}): ${text}`);
    check(text.startsWith(`Cell ${n}: `), `the message names cell ${n}: ${text}`);
    check(!/call stack|undefined or null|Cannot read/.test(text), `no engine text: ${text}`);
  }
  await settled(nb, last);
  check((await numbers(nb, last))[0] === 42, "the well-behaved cell computes: ok = 42");
  // After the runaway cell was stopped (its worker terminated and restarted), the page and the
  // worker keep working: an edit recomputes.
  await editorOf(nb, last).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("8");
  await waitFor(async () => (await numbers(nb, last))[0] === 48, "ok = 6 * 8 recomputes", 15_000);
  check((await page.locator(".nb img").count()) === 0, "markup in a formula is text, not an image");
  // The visiting notebook did not replace the saved one without asking.
  check((await nb.getByRole("button", { name: /Keep this notebook/ }).count()) === 1, "asked before saving");
  check(!(await readWatch(page)).injected, "no injected script ran");
});

test("notebook: damaged links and saved state give a message and keep the reader's notebook", async ({
  page,
}) => {
  const good = await linkFor(["mine = 42"]);
  let nb = await open(page, PATH + good);
  await settled(nb, 1);
  // Opened from a link with nothing of the reader's saved: it becomes the saved notebook.
  await page.waitForFunction(() =>
    localStorage.getItem("attention-atlas.notebook.v1")?.includes("mine = 42"),
  );
  // A truncated link: a sentence, and the saved notebook instead.
  nb = await open(page, PATH + good.slice(0, good.length - 8));
  await waitFor(
    async () => /link is damaged/.test(await textOf(nb.locator("[data-notice]"))),
    "damaged link",
  );
  check((await textOf(editorOf(nb, 1))) === "mine = 42", "the saved notebook is shown");
  // A link that is not a notebook.
  nb = await open(page, PATH + "#nb=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  await waitFor(
    async () => /link is damaged/.test(await textOf(nb.locator("[data-notice]"))),
    "garbage link",
  );
  check(
    (await page.evaluate(() => localStorage.getItem("attention-atlas.notebook.v1")))!.includes("mine = 42"),
    "nothing saved was overwritten",
  );
  // Damaged saved state: a message, an empty notebook, and the damaged copy kept for download.
  await page.evaluate(() => localStorage.setItem("attention-atlas.notebook.v1", '{"v":1,"cells":[{"s":"mi'));
  nb = await open(page, PATH);
  await waitFor(
    async () => /Your saved notebook is damaged/.test(await textOf(nb.locator("[data-notice]"))),
    "damaged saved state",
  );
  check(
    (await nb.getByRole("button", { name: "Download the damaged copy" }).count()) === 1,
    "kept for download",
  );
  check(
    (await page.evaluate(() => localStorage.getItem("attention-atlas.notebook.v1.damaged"))) ===
      '{"v":1,"cells":[{"s":"mi',
    "the damaged copy is kept",
  );
});

test("notebook: Open in notebook carries the QKV widget's matrices as cells that recompute it", async ({
  page,
}) => {
  await page.goto("/chapters/queries-keys-values/", { waitUntil: "load" });
  const w = page.locator('[data-widget="queries-keys-values/qkv-explorer"]');
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget="queries-keys-values/qkv-explorer"][data-ready="true"]');
  await w.getByRole("button", { name: "Open in notebook" }).click();
  await page.waitForURL(/\/notebook\//);
  const nb = page.locator(".nb[data-ready='true']");
  await nb.waitFor({ timeout: 30_000 });
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 8, "eight cells");
  await settled(nb, 8);
  const Q = [
    [2, 0, 0, 0],
    [0, 1, 1, 1],
  ];
  const K = [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 1],
  ];
  const V = [
    [1, 0],
    [0, 1],
    [0.5, 0.5],
  ];
  check(close(await numbers(nb, 8), attention(Q, K, V).flat()), "H = softmax(QKᵀ/√4) V");
});

test("notebook: Open in notebook carries the score explorer's typed q and K and its score function", async ({
  page,
}) => {
  await page.goto("/chapters/score-functions/", { waitUntil: "load" });
  const w = page.locator('[data-widget="score-functions/score-explorer"]');
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget="score-functions/score-explorer"][data-ready="true"]');
  await w.getByRole("radio", { name: "Scaled dot" }).check();
  await typeInto(w.getByLabel("Query q (one row)"), "1 2 3 4");
  await typeInto(w.getByLabel("Keys K (one row per key)"), "2 0 1 1\n0 0 0 1");
  // The widget's state is in the page's URL once the view shows it.
  await page.waitForURL(/score-explorer\.q=1/);
  await w.getByRole("button", { name: "Open in notebook" }).click();
  await page.waitForURL(/\/notebook\//);
  const nb = page.locator(".nb[data-ready='true']");
  await nb.waitFor({ timeout: 30_000 });
  // q, K, d, one cell per key, the scores s and the weights alpha.
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 7, "seven cells");
  await settled(nb, 7);
  // Scaled dot: q·k1/√4 = 9/2 = 4.5 and q·k2/√4 = 4/2 = 2.
  check(close(await numbers(nb, 6), [4.5, 2]), "s = [4.5, 2]");
  const e = Math.exp(4.5 - 2);
  check(close(await numbers(nb, 7), [e / (e + 1), 1 / (e + 1)]), "alpha = softmax(s)");
  // The widget's state was read once: the address is the plain notebook page again.
  check(!page.url().includes("from="), `the notebook's address: ${page.url()}`);
});

test("notebook: a widget's own cells (openNotebookWithCells) open as a notebook, titled, beside the saved one", async ({
  page,
}) => {
  // The reader has a saved notebook of their own.
  let nb = await open(page, PATH + (await linkFor(["mine = 42"])));
  await settled(nb, 1);
  await page.waitForFunction(() =>
    localStorage.getItem("attention-atlas.notebook.v1")?.includes("mine = 42"),
  );
  // What a trained widget's Open in notebook writes (the primitive runs the same in Node).
  const url = await notebookUrlForCells(
    ["W = [[0.5, -1.25], [2, 0.75]]", "x = [1, 2]", "y = W * x"],
    "the trained test model",
  );
  nb = await open(page, url);
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 3, "three cells");
  await settled(nb, 3);
  check(close(await numbers(nb, 3), [-2, 3.5]), "y = W x = [-2, 3.5]");
  const banner = await textOf(nb.getByRole("region", { name: "Opened notebook" }));
  check(banner.includes("comes from the trained test model"), `the banner names the widget: ${banner}`);
  check(
    (await page.evaluate(() => localStorage.getItem("attention-atlas.notebook.v1")))!.includes("mine = 42"),
    "the saved notebook is kept",
  );
});

test("notebook: a chapter opens its part's ready-made notebook; the reference inserts examples; export and import", async ({
  page,
}) => {
  // From a chapter of part 4 (memory), as a reader follows the link at the end of the chapter.
  await page.goto("/chapters/hopfield-networks/", { waitUntil: "load" });
  await page.getByRole("link", { name: "Try this part's formulas in the notebook" }).click();
  await page.waitForURL(/\/notebook\/\?example=part-4/);
  const nb = page.locator(".nb[data-ready='true']");
  await nb.waitFor({ timeout: 30_000 });
  const ready = READY_MADE.find((r) => r.part === 4)!;
  const n = ready.cells.length;
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === n, `${n} cells of part 4`);
  for (let i = 1; i <= n; i++) await settled(nb, i);
  check(
    (await nb.locator('[data-cell][data-state="error"]').count()) === 0,
    "every ready-made cell computes",
  );
  check((await textOf(editorOf(nb, 1))) === ready.cells[0], "the part's first cell");

  // The reference panel: search, then insert an example as a new cell, which computes its stated value.
  const search = nb.getByLabel("Search the functions");
  await search.fill("softmax");
  const entry = nb.locator('[data-function="softmax"]');
  await entry.waitFor();
  check(/^\d+ of \d+ functions$/.test(await textOf(nb.locator("#nb-reference-count"))), "a count of matches");
  const example = await textOf(entry.locator(".nb-reference-example code").first());
  const stated = (await textOf(entry.locator(".nb-reference-example code").nth(1))).match(
    /-?\d+(\.\d+)?(e-?\d+)?/g,
  )!;
  await entry.getByRole("button", { name: "Insert the example of softmax as a cell" }).click();
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === n + 1, "the example became a cell");
  check((await textOf(editorOf(nb, n + 1))) === example, `the inserted cell: ${example}`);
  await settled(nb, n + 1);
  check(
    close(await numbers(nb, n + 1), stated.map(Number)),
    `it computes what the reference states: ${stated}`,
  );

  // Export to a file, then import it back after a damaged file was refused.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    nb.getByRole("button", { name: "Export to file" }).click(),
  ]);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8")) as { cells: { s: string }[] };
  check(exported.cells.length === n + 1 && exported.cells[n].s === example, "the file holds every cell");
  const input = nb.getByLabel("Import from file");
  await input.setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"v":1,"cells":[{"s":"x'),
  });
  await waitFor(
    async () =>
      /broken\.json is damaged.*The notebook on the page is unchanged\./.test(
        await textOf(nb.locator("[data-notice]")),
      ),
    "a damaged file is refused with a sentence",
  );
  check((await nb.locator("[data-cell]").count()) === n + 1, "the notebook is unchanged");
  const mine = { v: 1, cells: [{ s: "imported = 5" }, { s: "imported * 2" }] };
  await input.setInputFiles({
    name: "mine.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(mine)),
  });
  await waitFor(async () => (await nb.locator("[data-cell]").count()) === 2, "the imported notebook");
  await settled(nb, 2);
  check((await numbers(nb, 2))[0] === 10, "imported * 2 = 10");
  // Imported over the reader's saved notebook: kept aside until they choose.
  check((await nb.getByRole("button", { name: /Keep this notebook/ }).count()) === 1, "asked before saving");
});
