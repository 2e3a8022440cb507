/**
 * Seed fields (issue 9): every seed is a whole number in a stated range. Typed as a reader would:
 * an empty field, 1.5, 1e9, −5 and 2.5 each show a message beside the field and stay on screen,
 * while the widget (and its link) keeps the last valid seed; a whole number in range is taken.
 */
import type { Locator, Page } from "@playwright/test";
import { site, test } from "../fixtures";
import { check, textOf, typeInto, visit, waitFor } from "../helpers";

interface SeedField {
  slug: string;
  widget: string;
  /** The field's accessible name. */
  label: string;
  /** The seed's URL parameter. */
  param: string;
  /** A text that changes with the seed. */
  output: string;
}

const FIELDS: SeedField[] = [
  {
    slug: "multi-head-attention",
    widget: "multi-head-attention/heads",
    label: "Seed of Wv and Wᴼ",
    param: "heads.seed",
    output: '[data-table="output"]',
  },
  {
    slug: "transformer-encoder",
    widget: "transformer-encoder/encoder-step",
    label: "Seed",
    param: "encoder-step.seed",
    output: '[data-table="stage"]',
  },
  {
    slug: "self-attention",
    widget: "self-attention/explorer",
    label: "Embedding seed",
    param: "explorer.seed",
    output: '[data-table="weights"]',
  },
  {
    slug: "self-attention",
    widget: "self-attention/explorer",
    label: "Weight seed (Wq, Wk, Wv)",
    param: "explorer.wseed",
    output: '[data-table="weights"]',
  },
  {
    slug: "score-functions",
    widget: "score-functions/sqrt-d",
    label: "Seed",
    param: "sqrt-d.seed",
    output: '[data-output="summary"]',
  },
];

const seedInUrl = (page: Page, param: string) => new URL(page.url()).searchParams.get(param);

async function errorOf(field: Locator): Promise<string> {
  const id = (await field.getAttribute("aria-describedby")) ?? "";
  return textOf(field.page().locator(`[id="${id}"]`));
}

for (const f of FIELDS) {
  test(`seed fields: ${f.slug}, ${f.label}`, async ({ page }) => {
    test.skip(!site.written.includes(f.slug), `chapter ${f.slug} is not built`);
    await visit(page, `/chapters/${f.slug}/`);
    const w = page.locator(`[data-widget="${f.widget}"]`);
    const field = w.getByLabel(f.label, { exact: true });
    const shown = () => textOf(w.locator(f.output).first());

    await typeInto(field, "17");
    await waitFor(() => seedInUrl(page, f.param) === "17", `${f.param}=17 in the URL`);
    // The widget may measure a moment after the URL changes: read it once it has settled.
    let at17 = await shown();
    await waitFor(
      async () => {
        const now = await shown();
        const same = now === at17;
        at17 = now;
        return same && (await w.locator('[data-busy="true"]').count()) === 0;
      },
      "the widget settles on seed 17",
      20_000,
    );
    check((await errorOf(field)) === "", "no message for 17");

    // Pasted (typed key by key, "1.5" would pass through the valid seed 1 on its way).
    for (const typed of ["", "1.5", "1e9", "-5", "2.5", "99999999"]) {
      await field.fill(typed);
      await waitFor(
        async () => /whole number from 0 to/.test(await errorOf(field)),
        `a message for "${typed}"`,
      );
      check(
        (await field.inputValue()) === typed,
        `"${typed}" stays on screen, got "${await field.inputValue()}"`,
      );
      check((await field.getAttribute("aria-invalid")) === "true", `"${typed}" marked invalid`);
      check(
        (await errorOf(field)).includes("17"),
        `the message names the seed still used: ${await errorOf(field)}`,
      );
      check(
        seedInUrl(page, f.param) === "17",
        `the link keeps seed 17 after "${typed}", has ${seedInUrl(page, f.param)}`,
      );
      check((await shown()) === at17, `the widget still shows seed 17 after "${typed}"`);
    }

    await typeInto(field, "23");
    await waitFor(() => seedInUrl(page, f.param) === "23", `${f.param}=23 in the URL`);
    await waitFor(async () => (await errorOf(field)) === "", "the message is gone");
    check((await field.getAttribute("aria-invalid")) === "false", "23 is valid");
    await waitFor(async () => (await shown()) !== at17, "the widget shows seed 23", 20_000);

    // The link brings back what was on screen.
    await visit(page, page.url());
    const again = page.locator(`[data-widget="${f.widget}"]`).getByLabel(f.label, { exact: true });
    check((await again.inputValue()) === "23", `the link restores 23, got ${await again.inputValue()}`);
  });
}
