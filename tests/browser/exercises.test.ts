/**
 * The exercise component as a reader meets it: hints stay hidden until asked for and come one at a
 * time, the worked solution stays closed, answers are read in the forms the prose uses, and
 * malformed input gets a sentence instead of a verdict.
 */
import { readFileSync } from "node:fs";
import { test, site } from "./fixtures";
import { answers } from "./exerciseAnswers";
import { check, textOf, waitFor } from "./helpers";

const CHAPTER = "/chapters/queries-keys-values/";

test.skip(!site.written.includes("queries-keys-values"), "chapter queries-keys-values is not built");

test("exercise: hints hidden until asked, solution closed, forms readers type", async ({ page }) => {
  await page.goto(CHAPTER);
  const ex = page.locator('[data-exercise="queries-keys-values/two-keys"]');
  const hint = ex.locator(".hint").first();
  check(!(await hint.isVisible()), "the hint is visible before the reader asks for it");
  const question = await textOf(ex.locator(".exercise-question"));
  check(!question.includes("Divide both scores"), `the hint text is in the question: "${question}"`);
  check(
    !(await ex.locator(".exercise-solution").evaluate((d) => (d as HTMLDetailsElement).open)),
    "solution open",
  );

  const field = ex.getByLabel("Your answer");
  const feedback = ex.locator(".exercise-feedback");
  await field.fill("0.9997");
  await field.press("Enter");
  await waitFor(async () => /√d_k|sqrt|scale/i.test(await textOf(feedback)), "the √d_k mistake is explained");
  check(
    (await textOf(feedback)).includes("A hint is available"),
    `no pointer to the hint: ${await textOf(feedback)}`,
  );
  await ex.getByRole("button", { name: /hint/i }).click();
  check(await hint.isVisible(), "the hint did not appear when asked for");
  check((await textOf(hint)).includes("Divide both scores"), `hint text: ${await textOf(hint)}`);

  await field.fill("abc");
  await field.press("Enter");
  check(
    (await feedback.getAttribute("data-result")) === "invalid",
    "malformed input is not reported as invalid",
  );
  check(/Could not read "abc"/.test(await textOf(feedback)), `message: ${await textOf(feedback)}`);
  check((await field.getAttribute("aria-invalid")) === "true", "the field is not marked invalid");
  // Decimal comma and arithmetic: 1 / (1 + e^-2) = 0.8808.
  await field.fill("0,8808");
  await field.press("Enter");
  check((await textOf(feedback)).startsWith("Correct."), `decimal comma: ${await textOf(feedback)}`);
  await field.fill("1/(1+e^-2)");
  await field.press("Enter");
  check((await textOf(feedback)).startsWith("Correct."), `arithmetic: ${await textOf(feedback)}`);

  const matrix = page.locator('[data-exercise="queries-keys-values/output-row"]');
  await matrix.getByLabel(/Your answer/).fill("[1/2, 3/2]");
  await matrix.getByRole("button", { name: "Check" }).click();
  check(
    (await textOf(matrix.locator(".exercise-feedback"))).startsWith("Correct."),
    "brackets and fractions",
  );

  const solution = ex.locator(".exercise-solution");
  await solution.locator("summary").click();
  check(await solution.locator(".katex").first().isVisible(), "the worked solution has no typeset math");
});

test("exercises: at least 75 on the site, and an independent answer for each one", async () => {
  const onSite = site.written.flatMap((slug) => {
    const html = readFileSync(site.fileAt(`/chapters/${slug}/`)!, "utf8");
    return [...html.matchAll(/data-exercise="([^"]+)"/g)].map((m) => m[1]);
  });
  check(onSite.length >= 75, `the site has ${onSite.length} exercises; the course promises at least 75`);
  check(new Set(onSite).size === onSite.length, "two exercises share an id");
  // Answers may be written ahead for a chapter that is not built yet.
  const stale = Object.keys(answers).filter(
    (id) => site.written.includes(id.split("/")[0]) && !onSite.includes(id),
  );
  check(stale.length === 0, `answers for exercises that are not on the site: ${stale.join(", ")}`);
});

for (const slug of site.written) {
  test(`exercises: ${slug}: each takes its right answer and refuses a wrong one`, async ({ page }) => {
    await page.goto(`/chapters/${slug}/`);
    const ids = await page.$$eval("[data-exercise]", (els) =>
      els.map((e) => e.getAttribute("data-exercise")!),
    );
    check(ids.length >= 4, `${slug} has ${ids.length} exercises; every chapter needs at least 4`);
    for (const id of ids) {
      const answer = answers[id];
      check(answer, `${id}: no independently computed answer in tests/browser/exerciseAnswers.ts`);
      const ex = page.locator(`[data-exercise="${id}"]`);
      const feedback = ex.locator(".exercise-feedback");
      const submit = async (expected: "correct" | "wrong", what: string) => {
        await ex.getByRole("button", { name: "Check" }).click();
        await waitFor(
          async () => (await feedback.getAttribute("data-result")) === expected,
          `${id}: ${what} should be ${expected}, page says "${await textOf(feedback)}"`,
        );
      };
      if (answer.kind === "text") {
        const field = ex.locator("[name=answer]");
        await field.fill(answer.wrong);
        await submit("wrong", `"${answer.wrong}"`);
        await field.fill(answer.right);
        await submit("correct", `"${answer.right}"`);
      } else if (answer.kind === "choice") {
        const setChoices = async (values: string[]) => {
          for (const box of await ex.locator(".exercise-form input").all()) {
            const on = values.includes((await box.getAttribute("value"))!);
            if ((await box.getAttribute("type")) === "checkbox") await box.setChecked(on);
            else if (on) await box.check();
          }
        };
        await setChoices(answer.wrong);
        await submit("wrong", `choices ${answer.wrong.join(", ")}`);
        await setChoices(answer.right);
        await submit("correct", `choices ${answer.right.join(", ")}`);
      } else {
        await submit("wrong", "the shuffled order");
        // Reorder from the keyboard: move each step up until it sits at its place.
        for (let k = 0; k < answer.right.length; k++) {
          for (;;) {
            const shown = await ex.locator(".order-text").allTextContents();
            const at = shown.indexOf(answer.right[k]);
            check(at >= 0, `${id}: step "${answer.right[k]}" is not on the page (${shown.join(" | ")})`);
            if (at === k) break;
            const up = ex.locator(".order-list li").nth(at).locator('button[data-move="-1"]');
            await up.focus();
            await up.press("Enter");
          }
        }
        await submit("correct", "the right order");
      }
      const show = ex.locator('[data-action="show-in-widget"]');
      if ((await show.count()) > 0) {
        const state = (await ex.getAttribute("data-widget-state"))!;
        await show.click();
        const widget = page.locator(`[data-widget="${await ex.getAttribute("data-widget-target")}"]`);
        await waitFor(
          async () => (await widget.getAttribute("data-ready")) === "true",
          `${id}: widget ready`,
          30_000,
        );
        await waitFor(async () => {
          const params = new URL(page.url()).searchParams;
          // The widget writes its state back to the URL and leaves out values equal to its defaults.
          const wanted = [...new URLSearchParams(state)];
          return (
            wanted.some(([k]) => params.has(k)) &&
            wanted.every(([k, v]) => params.get(k) === v || !params.has(k))
          );
        }, `${id}: "Show it in the widget" did not set ${state} (URL ${page.url()})`);
      }
    }
  });
}
