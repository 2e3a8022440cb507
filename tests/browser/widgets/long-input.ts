/**
 * A 100,000-character value pasted into one widget field of each kind (a matrix, a list of
 * numbers, a sentence, a story, a score formula, a seed): a short message appears beside the field,
 * quoting at most an excerpt of the value, and neither the message nor the widget runs out of its
 * box or makes the page scroll sideways.
 */
import type { Locator } from "@playwright/test";
import { site, test } from "../fixtures";
import { check, visit, waitFor } from "../helpers";

const HUGE = "x".repeat(100_000);
/** Longest message accepted: a sentence or two with an excerpt, never the value. */
const MAX_MESSAGE = 300;

interface Case {
  chapter: string;
  widget: string;
  /** The field, found by its label. */
  field: string;
  /** Something to do first (pick the formula, say). */
  before?: (w: Locator) => Promise<void>;
}

const CASES: Case[] = [
  { chapter: "score-functions", widget: "score-functions/score-explorer", field: "Keys K (one row per key)" },
  {
    chapter: "score-functions",
    widget: "score-functions/score-explorer",
    field: "Your score function s(q, k)",
    before: (w) => w.getByRole("radio", { name: "Your formula" }).check(),
  },
  {
    chapter: "self-attention",
    widget: "self-attention/explorer",
    field: "Sentence (2–10 words, separated by spaces)",
  },
  { chapter: "self-attention", widget: "self-attention/explorer", field: "Embedding seed" },
  {
    chapter: "pointer-networks",
    widget: "pointer-networks/pointer-sort",
    field: "Numbers to sort (1 to 12, separated by spaces or commas)",
  },
  { chapter: "memory-networks", widget: "memory-networks/story-qa", field: "Story (one sentence per line)" },
];

/** The messages shown in the widget, and whether any of them or the widget sticks out. */
async function messages(w: Locator) {
  return w.evaluate((root) => {
    const box = root.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const shown = [...root.querySelectorAll<HTMLElement>(".field-error")].filter(
      (m) => m.getClientRects().length > 0 && (m.textContent ?? "").trim() !== "",
    );
    return {
      texts: shown.map((m) => (m.textContent ?? "").trim()),
      outside: shown
        .filter((m) => m.getBoundingClientRect().right > box.right + 1 || m.scrollWidth > m.clientWidth + 1)
        .map((m) => (m.textContent ?? "").slice(0, 60)),
      widgetRight: box.right,
      width,
      pageWidth: document.scrollingElement!.scrollWidth,
    };
  });
}

for (const chapter of [...new Set(CASES.map((c) => c.chapter))]) {
  test.describe(() => {
    test.skip(!site.written.includes(chapter), `chapter ${chapter} is not built`);
    test(`long input: 100,000 characters in ${chapter}'s fields get a short message that stays in the widget`, async ({
      page,
    }) => {
      await visit(page, `/chapters/${chapter}/`);
      for (const c of CASES.filter((x) => x.chapter === chapter)) {
        const w = page.locator(`[data-widget="${c.widget}"]`);
        await c.before?.(w);
        const field = w.getByLabel(c.field, { exact: true });
        const before = await field.inputValue();
        await field.fill(HUGE);
        let m = await messages(w);
        await waitFor(async () => (m = await messages(w)).texts.length > 0, `${c.field}: a message`, 15_000);
        const longest = Math.max(...m.texts.map((t) => t.length));
        check(
          longest <= MAX_MESSAGE,
          `${c.field}: a message of ${longest} characters: ${m.texts.map((t) => t.slice(0, 120)).join(" | ")}`,
        );
        check(m.outside.length === 0, `${c.field}: a message runs out of its box: ${m.outside.join(" | ")}`);
        check(
          m.widgetRight <= m.width + 1 && m.pageWidth <= m.width + 1,
          `${c.field}: the widget (right edge ${Math.round(m.widgetRight)}) or the page (${m.pageWidth} px) is wider than the window (${m.width} px)`,
        );
        check((await field.inputValue()).length === HUGE.length, `${c.field}: the typed value was not kept`);
        // Back to what was there: the message goes and the widget computes again.
        await field.fill(before);
        await waitFor(
          async () => (m = await messages(w)).texts.length === 0,
          `${c.field}: a message stays after the value is restored`,
          15_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}: ${m.texts.join(" | ").slice(0, 300)}`);
        });
      }
    });
  });
}
