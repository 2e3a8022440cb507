/**
 * Reading a widget's live equation and its Open in notebook cells as a reader sees them: the TeX
 * KaTeX typeset (from the MathML annotation), the numbers on one of its lines, and the numbers a
 * notebook cell shows in its text view.
 */
import type { Locator, Page } from "@playwright/test";
import { textOf, waitFor } from "./helpers";

/** The TeX of the widget's live equation, once typeset. */
export async function equationTex(w: Locator): Promise<string> {
  const a = w.locator('.widget-equation[aria-busy="false"] annotation[encoding="application/x-tex"]');
  await a.first().waitFor({ state: "attached", timeout: 15_000 });
  return (await a.first().textContent()) ?? "";
}

/** The line of an `aligned` equation whose left side starts with `lhs` (e.g. "\\alpha_{2}"). */
export function texLine(tex: string, lhs: string): string {
  const line = tex.split("\n").find((l) => l.trimStart().startsWith(lhs));
  if (line === undefined) throw new Error(`no line starting ${lhs} in ${tex}`);
  return line;
}

/** The numbers written in a piece of TeX, after its subscripts and superscripts are removed. */
export function texNumbers(tex: string): number[] {
  const plain = tex.replace(/[_^]\{[^{}]*\}/g, "").replace(/[_^][0-9a-z]/gi, "");
  return (plain.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
}

/** Wait until the equation's TeX satisfies `ok`, and return it. */
export async function waitForEquation(
  w: Locator,
  ok: (tex: string) => boolean,
  what: string,
): Promise<string> {
  let tex = "";
  await waitFor(async () => ok((tex = await equationTex(w))), `${what}; the equation is ${tex}`, 15_000);
  return tex;
}

/**
 * Press Open in notebook and wait for the notebook page (a new tab for a widget whose state is not in
 * its link; the locator is in that tab) with `count` settled cells (`null`: as
 * many as the link holds, for cells whose count depends on the trained numbers' digits).
 */
export async function openInNotebook(page: Page, w: Locator, count: number | null): Promise<Locator> {
  const button = w.getByRole("button", { name: "Open in notebook" });
  // A widget whose state is not in its link (a trained model) opens the notebook in a new tab and
  // stays as it was; the others go there in the same tab.
  const newTab = (await button.getAttribute("data-notebook")) === "cells";
  const opened = newTab ? page.context().waitForEvent("page") : null;
  await button.click();
  const target = opened ? await opened : page;
  await target.waitForURL(/\/notebook\//);
  const nb = target.locator(".nb[data-ready='true']");
  await nb.waitFor({ timeout: 30_000 });
  const cells = async () => await nb.locator("[data-cell]").count();
  // A long notebook's cells mount over several frames (data-mounting meanwhile).
  const mounted = async () => (await cells()) > 0 && (await nb.getAttribute("data-mounting")) === null;
  await waitFor(
    async () => (count === null ? await mounted() : (await cells()) === count),
    `${count ?? "the"} cells`,
    15_000,
  );
  await waitFor(
    async () => (await nb.locator('[data-cell][data-state="pending"]').count()) === 0,
    "every cell settles",
    20_000,
  );
  return nb;
}

/** The numbers of notebook cell n (1-based) as its text view shows them. */
export async function cellNumbers(nb: Locator, n: number): Promise<number[]> {
  const cell = nb.locator(`[data-cell="${n}"]`);
  const select = cell.getByLabel("View");
  if ((await select.count()) > 0 && (await select.inputValue()) !== "text") await select.selectOption("text");
  const out = cell.locator(`[data-value="cell-${n}"]`);
  await out.waitFor({ timeout: 10_000 });
  return ((await textOf(out)).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
}

/** The numbers of the notebook cell that sets `name`, found by its title ("Cell 7 (p_1)"). */
export async function namedCellNumbers(nb: Locator, name: string): Promise<number[]> {
  const titles = await nb.locator(".nb-cell-title").allTextContents();
  const n = titles.findIndex((t) => t.trim().endsWith(`(${name})`)) + 1;
  if (n === 0) throw new Error(`no notebook cell sets ${name}: ${titles.join("; ")}`);
  return cellNumbers(nb, n);
}

/** True when every a[i] is within tol of b[i] and the lengths agree. */
export const near = (a: number[], b: number[], tol: number): boolean =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= tol);

/** Softmax in plain JavaScript (independent of lib/), for the numbers a test expects. */
export function softmax(s: number[]): number[] {
  const m = Math.max(...s);
  const e = s.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** Wait until the equation's TeX contains every one of `parts`, and return it. */
export const equationShows = (w: Locator, parts: string[], what: string): Promise<string> =>
  waitForEquation(w, (tex) => parts.every((p) => tex.includes(p)), `${what}: ${parts.join(", ")}`);
/** The numbers of a TeX line between its n-th and (n+1)-th " = ", leaving out `\text{…}`. */
export const texPart = (line: string, n: number): number[] =>
  texNumbers(line.split(" = ")[n].replace(/\\text\{[^}]*\}/g, ""));
