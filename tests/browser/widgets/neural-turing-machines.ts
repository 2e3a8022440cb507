/**
 * Chapter 14, "Neural Turing Machines": the addressing pipeline and the copy task used as a reader
 * would. Expected numbers are computed here independently of lib/ (cosine, softmax, shift, power).
 */
import type { Locator } from "@playwright/test";
import { test, site } from "../fixtures";
import { axeViolations, check, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/neural-turing-machines/";
const ADDR = '[data-widget="neural-turing-machines/addressing"]';
const COPY = '[data-widget="neural-turing-machines/copy-task"]';

/** The values a bar chart lists in its aria-label ("…: 0 0.135, 1 0.135, …"). */
async function bars(w: Locator, name: string): Promise<number[]> {
  const label = (await w.locator(`[data-chart="${name}"]`).getAttribute("aria-label")) ?? "";
  return label
    .slice(label.lastIndexOf(": ") + 2)
    .split(", ")
    .map((p) => Number(p.split(" ")[1]));
}

const near = (a: number, b: number, tol = 0.002) => Math.abs(a - b) <= tol;

async function setRange(w: Locator, id: string, value: number) {
  await w.locator(`#${id}`).evaluate((el: HTMLInputElement, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

test.skip(!site.written.includes("neural-turing-machines"), "chapter neural-turing-machines is not built");

test("neural-turing-machines: addressing stages, read/write, bad input, URL state", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(ADDR);
  // Default: key 1 1 0 0, β = 5: cosines [.707,.707,0,1,0,.707] → softmax.
  const cos = [Math.SQRT1_2, Math.SQRT1_2, 0, 1, 0, Math.SQRT1_2];
  const z = cos.reduce((s, x) => s + Math.exp(5 * x), 0);
  const content = await bars(w, "content");
  cos.forEach((x, i) => check(near(content[i], Math.exp(5 * x) / z), `content[${i}] = ${content[i]}`));
  check(near((await bars(w, "sharpened"))[3], 0.787), "sharpened slot 3 should be 0.787");

  // Shift "Stay", γ = 1, β = 50 → one-hot on slot 3; the read equals slot 3 = [1, 1, 0, 0].
  await w.getByLabel("Shift s").selectOption("stay");
  await setRange(w, "ntm-gamma", 1);
  await setRange(w, "ntm-beta", 50);
  await waitFor(async () => (await bars(w, "sharpened"))[3] > 0.99, "β = 50 focuses on slot 3");
  const readText = await textOf(w.locator('[data-output="read"]'));
  const read = readText
    .slice(readText.indexOf("[") + 1, -1)
    .split(", ")
    .map(Number);
  check(
    read.every((v, j) => near(v, [1, 1, 0, 0][j], 0.001)),
    `read should be slot 3, got ${readText}`,
  );
  // Write with e = 1 1 1 1, a = 0 0 0 1 → slot 3 of the memory after becomes ≈ [0, 0, 0, 1].
  const after = await w.locator('[data-table="after"] tbody tr').nth(3).locator("td").allTextContents();
  check(
    after
      .slice(0, 4)
      .map(Number)
      .every((v, j) => near(v, [0, 0, 0, 1][j], 0.01)),
    `slot 3 after: ${after}`,
  );

  // g = 0, move forward: from previous focus slot 0 to slot 1, whatever the key.
  await setRange(w, "ntm-g", 0);
  await w.getByLabel("Shift s").selectOption("forward");
  await waitFor(async () => near((await bars(w, "sharpened"))[1], 1), "g = 0 and shift +1 moves slot 0 → 1");

  // Bad input: a key of the wrong length shows a message; the last result stays.
  await typeInto(w.locator("#ntm-key"), "1 2");
  await waitFor(
    async () => (await textOf(w.locator("#ntm-key-error"))).includes("needs 4"),
    "key length error",
  );
  check(near((await bars(w, "sharpened"))[1], 1), "last good result kept");
  await typeInto(w.locator("#ntm-key"), "0 0 1 1");

  // URL state round-trip.
  await waitFor(() => new URL(page.url()).searchParams.get("ntm.key") === "0 0 1 1", "key in the URL");
  await page.goto(page.url());
  await visit(page, page.url());
  check((await page.locator("#ntm-key").inputValue()) === "0 0 1 1", "key restored from the URL");
  check((await page.locator("#ntm-g").inputValue()) === "0", "g restored from the URL");
  const v = await axeViolations(page);
  check(v.length === 0, v.join("\n"));
});

test("neural-turing-machines: copy task step-through", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator(COPY);
  const step = w.getByRole("button", { name: "Step ▶" });
  for (let i = 0; i < 8; i++) await step.click();
  await waitFor(async () => (await textOf(w.locator('[data-output="frame"]'))) === "8 / 8", "frame 8");
  const out = await w
    .locator('[data-table="output"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
    );
  check(
    JSON.stringify(out) ===
      JSON.stringify([
        [1, 0, 1, 0],
        [0, 1, 1, 0],
        [1, 1, 0, 1],
        [0, 0, 1, 1],
      ]),
    `output ${JSON.stringify(out)}`,
  );
  await w.getByRole("button", { name: "◀ Back" }).click();
  check(
    (await textOf(w.locator('[data-output="caption"]'))).startsWith("Read step 3 of 4"),
    "Back goes to read step 3",
  );
  // Too few slots: a message, the last result kept.
  await typeInto(w.locator("#copy-slots"), "3");
  await waitFor(
    async () => (await textOf(w.locator("#copy-slots-error"))).includes("cannot hold"),
    "slots error",
  );
  check((await w.locator('[data-table="memory"] tbody tr').count()) === 6, "last good memory kept");
  await typeInto(w.locator("#copy-seq"), "1 1\n0 1");
  await typeInto(w.locator("#copy-slots"), "4");
  await waitFor(() => new URL(page.url()).searchParams.get("copy.slots") === "4", "slots in URL");
});

test.describe(() => {
  test.use({ contextOptions: { reducedMotion: "reduce" } });
  test("neural-turing-machines: Play with reduced motion jumps to the end", async ({ page }) => {
    await visit(page, PATH);
    const w = page.locator(COPY);
    await w.locator('[data-action="play"]').click();
    await waitFor(
      async () => (await textOf(w.locator('[data-output="frame"]'))) === "8 / 8",
      "jumped to the end",
    );
  });
});
