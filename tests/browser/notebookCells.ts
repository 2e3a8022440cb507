/**
 * Open in notebook, as a reader uses it from a widget: press the frame's button, wait for the
 * notebook page, and read a named cell's value (the cell `name = …`) from its text view.
 */
import type { Locator, Page } from "@playwright/test";
import { check, textOf, waitFor } from "./helpers";

/** Press the widget's "Open in notebook" and wait until the notebook holds `cells` cells. */
export async function openInNotebook(page: Page, widget: Locator, cells?: number): Promise<Locator> {
  await widget.getByRole("button", { name: "Open in notebook" }).click();
  await page.waitForURL(/\/notebook\//);
  const nb = page.locator(".nb[data-ready='true']");
  await nb.waitFor({ timeout: 30_000 });
  if (cells !== undefined)
    await waitFor(async () => (await nb.locator("[data-cell]").count()) === cells, `${cells} cells`, 15_000);
  return nb;
}

/** The numbers of the cell that assigns `name`, once it has computed (text view). */
export async function cellNumbers(nb: Locator, name: string): Promise<number[]> {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const cell = nb.getByRole("region", { name: new RegExp(`^Cell \\d+ \\(${escaped}\\)$`) });
  await waitFor(async () => (await cell.count()) === 1, `one cell assigns ${name}`, 15_000);
  await waitFor(
    async () => (await cell.getAttribute("data-state")) === "ok",
    `cell ${name} computes`,
    15_000,
  );
  const n = await cell.getAttribute("data-cell");
  const select = cell.getByLabel("View");
  if ((await select.count()) > 0 && (await select.inputValue()) !== "text") await select.selectOption("text");
  const out = cell.locator(`[data-value="cell-${n}"]`);
  await out.waitFor({ timeout: 10_000 });
  const nums = (await textOf(out)).match(/-?\d+(\.\d+)?(e-?\d+)?/g);
  check(nums, `cell ${name} shows no numbers`);
  return nums.map(Number);
}
