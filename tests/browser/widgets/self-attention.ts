/** Chapter 8 (self-attention): the explorer and the worked example, used as a reader would. */
import { test, site } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/self-attention/";

test.skip(!site.written.includes("self-attention"), "chapter self-attention is not built");

test("self-attention: worked example gives 14, 12 and 0.88 / 0.12, and reacts to d_k", async ({ page }) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="self-attention/worked-example"]');
  const steps = w.locator('[data-output="worked"]');
  check((await textOf(steps)).includes("14 and 12"), `scaled scores: ${await textOf(steps)}`);
  check((await textOf(w.locator('[data-output="w1"]'))) === "0.8808", "α₁ should be 0.8808");
  check((await textOf(w.locator('[data-output="w2"]'))) === "0.1192", "α₂ should be 0.1192");
  await w.getByLabel("dₖ").selectOption("16");
  // 112/4 = 28 and 96/4 = 24: a gap of 4, so α₁ = 1/(1 + e^-4) = 0.9820.
  await waitFor(async () => (await textOf(w.locator('[data-output="w1"]'))) === "0.9820", "α₁ for d_k = 16");
  const s2 = w.getByLabel("q·k₂");
  await typeInto(s2, "abc");
  await waitFor(async () => await w.locator(".field-error").isVisible(), "a message for a bad score");
  check((await textOf(w.locator('[data-output="w1"]'))) === "0.9820", "the last good result stays");
  await typeInto(s2, "112");
  await waitFor(
    async () => (await textOf(w.locator('[data-output="w1"]'))) === "0.5000",
    "equal scores give 0.5",
  );
});

test("self-attention: pick a token, shuffle (equivariance), causal mask, bad input, URL state", async ({
  page,
}) => {
  await visit(page, PATH);
  const w = page.locator('[data-widget="self-attention/explorer"]');
  // Choose "mat" (the last token) with the keyboard-accessible radio group.
  await w.getByRole("radio", { name: "mat" }).check();
  const arcs = w.locator("svg.sa-arcs");
  await waitFor(
    async () => ((await arcs.getAttribute("aria-label")) ?? "").includes("“mat”"),
    "arcs for mat",
  );
  // The arcs' label lists one weight per token; they sum to 1.
  const label = (await arcs.getAttribute("aria-label")) ?? "";
  const nums = [...label.matchAll(/ (\d\.\d\d)(?=,|$)/g)].map((m) => Number(m[1]));
  check(nums.length === 7, `7 weights in the arcs' label, got ${nums.length}: ${label}`);
  const sum = nums.reduce((a, b) => a + b, 0);
  check(Math.abs(sum - 1) < 0.04, `weights sum to ${sum}`);

  // Shuffle: outputs move with their tokens.
  await w.getByRole("button", { name: "Shuffle the words" }).click();
  const equi = w.locator('[data-output="equivariance"]');
  await waitFor(async () => (await textOf(equi)).includes("moved with its token"), "equivariance message");
  const rows = await w
    .locator('[data-table="equivariance"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  check(
    rows.some((r) => r[0] !== r[2]),
    "the shuffle moved at least one token",
  );
  for (const r of rows)
    check(r[1] === r[3], `a token's output changed under shuffling: ${JSON.stringify(r)}`);

  // The causal mask breaks equivariance: the message reports a non-zero difference.
  await w.getByLabel("Causal mask (hide later words)").check();
  await waitFor(
    async () => (await textOf(equi)).includes("do not just move"),
    "causal mask breaks equivariance",
  );
  await w.getByRole("button", { name: "Original order" }).click();
  // In the original order with the mask, the first token attends only to itself.
  await w.getByRole("radio", { name: "the" }).first().check();
  await waitFor(
    async () => ((await arcs.getAttribute("aria-label")) ?? "").includes("the 1.00, cat 0.00"),
    "first row is one-hot",
  );

  // Bad input: one word only; message shown, last good sentence kept.
  const field = w.getByLabel("Sentence (2–10 words, separated by spaces)");
  await typeInto(field, "alone");
  await waitFor(
    async () => (await textOf(w.locator("#sa-text-error"))).includes("at least two words"),
    "bad-input message",
  );
  check((await w.getByRole("radio").count()) === 7, "the last valid sentence stays");
  await typeInto(field, "dog bites man");
  await waitFor(async () => (await w.getByRole("radio").count()) === 3, "three tokens after typing");

  // URL round-trip: the state is in the query string and restores on reload.
  await w.getByLabel("Weight seed (Wq, Wk, Wv)").fill("42");
  await waitFor(() => page.url().includes("sa.wseed=42"), "seed in the URL");
  const url = page.url();
  check(url.includes("sa.causal=1") && url.includes("sa.text=dog"), `URL holds the state: ${url}`);
  const before = (await arcs.getAttribute("aria-label")) ?? "";
  await visit(page, url);
  const again = page.locator('[data-widget="self-attention/explorer"] svg.sa-arcs');
  await waitFor(async () => (await again.getAttribute("aria-label")) === before, "same weights after reload");
});
