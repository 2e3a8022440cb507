/**
 * The exercise component as a reader meets it: hints stay hidden until asked for and come one at a
 * time, the worked solution stays closed, answers are read in the forms the prose uses, and
 * malformed input gets a sentence instead of a verdict.
 */
import type { TestApi } from "./harness";
import { check, textOf, waitFor } from "./helpers";

const CHAPTER = "/chapters/queries-keys-values/";

export default function register(t: TestApi): void {
  if (!t.site.written.includes("queries-keys-values")) return;

  t.test("exercise: hints hidden until asked, solution closed, forms readers type", async (c) => {
    await c.page.goto(c.url(CHAPTER));
    const ex = c.page.locator('[data-exercise="queries-keys-values/two-keys"]');
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
    await waitFor(
      async () => /√d_k|sqrt|scale/i.test(await textOf(feedback)),
      "the √d_k mistake is explained",
    );
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

    const matrix = c.page.locator('[data-exercise="queries-keys-values/output-row"]');
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
}
