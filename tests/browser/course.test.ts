/**
 * The course as a student uses it: work through a chapter's exercises (wrong, a hint, right), see
 * the progress on the course page, keep it across a reload, export it, reset, import it back;
 * corrupted saved progress; keyboard-only use; axe on exercises and the course page in both
 * themes; and the whole course offline after one visit.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, site } from "./fixtures";
import { axeViolations, check, textOf, visit, waitFor } from "./helpers";

const CHAPTER = "queries-keys-values";
const EXERCISE = `${CHAPTER}/two-keys`;

async function courseRow(page: Page, slug: string): Promise<string> {
  return textOf(page.locator(`li[data-chapter="${slug}"] [data-status]`));
}

test.skip(
  !site.written.includes(CHAPTER) || !site.fileAt("/course/"),
  "the course page or its chapter is not built",
);

test("course: a student's walkthrough, from a wrong answer to an imported backup", async ({ page }) => {
  await page.goto(`/chapters/${CHAPTER}/`);
  const total = await page.locator("[data-exercise]").count();
  const ex = page.locator(`[data-exercise="${EXERCISE}"]`);
  const field = ex.getByLabel("Your answer");
  const feedback = ex.locator(".exercise-feedback");

  // Wrong, then a hint, then right: 40 and 32 over √16 = 4 differ by 2, so 1 / (1 + e^-2).
  await field.fill("0.5");
  await field.press("Enter");
  await waitFor(async () => (await feedback.getAttribute("data-result")) === "wrong", "wrong answer refused");
  const hint = ex.locator(".hint").first();
  check(!(await hint.isVisible()), "the hint shows before it is asked for");
  await ex.getByRole("button", { name: /hint/i }).click();
  check(await hint.isVisible(), "the hint did not appear");
  await field.fill((1 / (1 + Math.exp(-2))).toFixed(4));
  await field.press("Enter");
  await waitFor(async () => (await textOf(feedback)) === "Correct.", "right answer accepted");
  check(await ex.locator(".exercise-solved").isVisible(), "the exercise is not marked solved");

  // The chapter's "check yourself" summary, and marking the chapter read.
  const summary = page.locator(".check-yourself");
  await waitFor(
    async () =>
      (await textOf(summary.locator("[data-summary]"))) ===
      `You have solved 1 of ${total} exercises in this chapter.`,
    "check-yourself summary",
  );
  check(
    (await summary.locator(`[data-exercise-ref="${EXERCISE}"]`).getAttribute("data-solved")) === "true",
    "the summary does not show the exercise solved",
  );
  await summary.getByLabel("I have read this chapter").check();

  // The course page shows it, and keeps it across a reload.
  const expected = `read · 1 of ${total} exercises solved`;
  await page.goto("/course/");
  await waitFor(async () => (await courseRow(page, CHAPTER)) === expected, `course row says "${expected}"`);
  check(
    await page.locator(`[data-node="${CHAPTER}"]`).evaluate((n) => n.classList.contains("read")),
    "graph node",
  );
  await page.reload();
  await waitFor(async () => (await courseRow(page, CHAPTER)) === expected, "progress kept across a reload");

  // Export, reset, import.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export progress to a file" }).click(),
  ]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, "utf8")) as { solved: Record<string, string> };
  check(EXERCISE in exported.solved, `the export lacks the solved exercise: ${JSON.stringify(exported)}`);
  await page.getByRole("button", { name: "Reset progress…" }).click();
  await page.getByRole("button", { name: "Erase my progress" }).click();
  await waitFor(
    async () => (await courseRow(page, CHAPTER)) === `not read yet · 0 of ${total} exercises solved`,
    "reset clears the row",
  );
  await page.getByLabel("Import progress from a file").setInputFiles(file);
  await waitFor(async () => (await courseRow(page, CHAPTER)) === expected, "import brings the progress back");
});

test("course: corrupted saved progress is reported, kept, and never breaks a page", async ({ page }) => {
  await page.goto("/course/");
  const broken = '{"version":1,"read":{"queries-keys-values":';
  await page.evaluate((raw) => localStorage.setItem("atlas-progress", raw), broken);
  await page.reload();
  const alert = page.locator(".progress-error");
  await waitFor(() => alert.isVisible(), "no message for corrupted progress on the course page");
  check(
    /could not be read: it is not valid JSON/.test(await textOf(alert)),
    `message: ${await textOf(alert)}`,
  );

  await page.goto(`/chapters/${CHAPTER}/`);
  check(await page.locator(".check-yourself .progress-error").isVisible(), "no message at the chapter's end");
  const ex = page.locator(`[data-exercise="${EXERCISE}"]`);
  await ex.getByLabel("Your answer").fill("1/(1+e^-2)");
  await ex.getByLabel("Your answer").press("Enter");
  const fb = await textOf(ex.locator(".exercise-feedback"));
  check(fb.startsWith("Correct.") && fb.includes("Not saved"), `exercise with corrupted progress: ${fb}`);
  const kept = await page.evaluate(() => localStorage.getItem("atlas-progress"));
  check(kept === broken, `the corrupted record was changed: ${kept}`);
});

test("course: exercises and the course page from the keyboard alone", async ({ page }) => {
  await page.goto(`/chapters/${CHAPTER}/`);
  const ex = page.locator(`[data-exercise="${EXERCISE}"]`);
  await ex.getByLabel("Your answer").focus();
  await page.keyboard.type("0,8808");
  await page.keyboard.press("Enter");
  await waitFor(async () => (await textOf(ex.locator(".exercise-feedback"))) === "Correct.", "Enter submits");
  await page.keyboard.press("Tab");
  check(
    await ex.getByRole("button", { name: "Check" }).evaluate((b) => b === document.activeElement),
    "Tab → Check",
  );
  await page.keyboard.press("Tab");
  const hintButton = ex.getByRole("button", { name: /hint/i });
  check(await hintButton.evaluate((b) => b === document.activeElement), "Tab → the hint button");
  await page.keyboard.press("Enter");
  check(await ex.locator(".hint").first().isVisible(), "Enter on the hint button shows the hint");

  await page.goto("/course/");
  const reset = page.getByRole("button", { name: "Reset progress…" });
  await reset.focus();
  await page.keyboard.press("Enter");
  const keep = page.getByRole("button", { name: "Keep it" });
  check(await keep.evaluate((b) => b === document.activeElement), "the confirmation takes the focus");
  await page.keyboard.press("Enter");
  check(await reset.evaluate((b) => b === document.activeElement), "Keep it returns the focus to Reset");
  check(
    (await page.evaluate(() => localStorage.getItem("atlas-progress")))?.includes(EXERCISE),
    "Keep it kept",
  );
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(() => {
    test.use({ colorScheme: scheme });
    test(`course: axe (${scheme}) on exercises with hints, feedback and solutions open, and on the course page`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await visit(page, `/chapters/${CHAPTER}/`);
      for (const ex of await page.locator("[data-exercise]").all()) {
        const hint = ex.getByRole("button", { name: /hint/i });
        while ((await hint.count()) > 0 && (await hint.isVisible())) await hint.click();
        await ex.getByRole("button", { name: "Check" }).click();
        await ex.locator(".exercise-solution summary").click();
      }
      await page.locator(".check-yourself").getByLabel("I have read this chapter").check();
      const onChapter = await axeViolations(page);
      check(onChapter.length === 0, `axe (${scheme}) on the exercises:\n${onChapter.join("\n")}`);
      await visit(page, "/course/");
      await page.getByRole("button", { name: "Reset progress…" }).click();
      const onCourse = await axeViolations(page);
      check(onCourse.length === 0, `axe (${scheme}) on the course page:\n${onCourse.join("\n")}`);
    });
  });
}
