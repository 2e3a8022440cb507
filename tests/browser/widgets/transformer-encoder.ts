/** Chapter 10 (the Transformer encoder): positional encoding, the layer step-through, the cost chart. */
import { test, site } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";

const PATH = "/chapters/transformer-encoder/";

test.skip(!site.written.includes("transformer-encoder"), "chapter transformer-encoder is not built");

test("transformer-encoder: PE similarity peaks at p, step through the layer, cost crossover, URL", async ({
  page,
}) => {
  await visit(page, PATH);
  const pe = page.locator('[data-widget="transformer-encoder/positional-encoding"]');
  // PE(p)·PE(p) = d/2 = 16 for d = 32.
  const sims = await pe.locator('[data-table="pe-sim"] tbody td').allTextContents();
  check(sims.length === 24, `24 similarities, got ${sims.length}`);
  check(Number(sims[8]) === 16, `PE(8)·PE(8) = d/2 = 16, got ${sims[8]}`);
  check(
    sims.every((s) => Number(s) <= 16),
    "the reference position is the most similar",
  );
  const dSlider = pe.getByLabel("Dimensions d");
  await dSlider.focus();
  await dSlider.press("ArrowLeft"); // 32 → 30
  await waitFor(
    async () => (await pe.locator('[data-table="pe-sim"] tbody td').nth(8).textContent()) === "15",
    "d/2 = 15",
  );

  const enc = page.locator('[data-widget="transformer-encoder/encoder-step"]');
  const next = enc.getByRole("button", { name: "Next stage →" });
  for (let i = 0; i < 4; i++) await next.click();
  await waitFor(async () => (await enc.locator(".enc-stage").getAttribute("data-stage")) === "4", "stage 5");
  const rows = await enc
    .locator('[data-table="stage"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
    );
  for (const r of rows) {
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    check(Math.abs(mean) < 0.01, `layer norm row mean ${mean}`);
  }
  await enc.getByRole("combobox", { name: "Stage" }).selectOption("6");
  await waitFor(async () => (await textOf(enc.locator("caption"))).includes("exactly 0"), "ReLU note");
  const hidden = await enc.locator('[data-table="stage"] tbody td').allTextContents();
  check(
    hidden.every((h) => Number(h) >= 0),
    "ReLU output is non-negative",
  );
  await typeInto(enc.getByLabel("Words (2–6)"), "x");
  await waitFor(
    async () => (await textOf(enc.locator("#enc-error"))).includes("2 to 6 words"),
    "bad input message",
  );
  check((await enc.locator('[data-table="stage"] tbody tr').count()) === 3, "last valid input kept");

  const cost = page.locator('[data-widget="transformer-encoder/layer-cost"]');
  const out = cost.locator('[data-output="cost"]');
  check((await textOf(out)).includes("Self-attention is cheaper"), "n = 100 < d = 512");
  await cost.getByLabel("Sequence length n").fill("1000");
  await waitFor(async () => (await textOf(out)).includes("Recurrence is cheaper"), "n = 1000 > d");
  await cost.getByLabel("Sequence length n").fill("512");
  await waitFor(async () => (await textOf(out)).includes("Both cost the same"), "n = d");
  await waitFor(() => page.url().includes("cost.n=512"), "n in the URL");
  await visit(page, page.url());
  await waitFor(
    async () =>
      (
        await textOf(page.locator('[data-widget="transformer-encoder/layer-cost"] [data-output="cost"]'))
      ).includes("Both cost the same"),
    "state restored from the URL",
  );
});
