/**
 * Layout checks a page passes at a phone's width (360 px) and a desktop's (1280 px): no sideways
 * scrolling, a one-row header, labels and selects not squeezed, wide formulas and tables that show
 * they scroll, chart text at least 11 CSS px, and a visible caption on every figure.
 */
import type { Locator, Page } from "@playwright/test";
import { check, waitFor } from "./helpers";

/** Chart and heatmap text is at least this many CSS px on screen. */
export const MIN_CHART_PX = 11;

/** The page does not scroll sideways; `when` says in what state (for the message). */
export async function checkNoSidewaysScroll(page: Page, width: number, when: string): Promise<void> {
  const { scrollWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Elements sticking out past the right edge whose parent fits, and that nothing clips.
    const culprits: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      const parent = el.parentElement!;
      if (parent !== document.body && parent.getBoundingClientRect().right > width + 1) continue;
      let clipped = false;
      for (let p: HTMLElement | null = parent; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") clipped = true;
      }
      if (clipped) continue;
      const classes = [...el.classList].map((c) => "." + c).join("");
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      culprits.push(
        `${el.tagName.toLowerCase()}${classes} in ${parent.tagName.toLowerCase()} (right edge ${Math.round(r.right)} px): "${text}"`,
      );
      if (culprits.length >= 3) break;
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, culprits };
  });
  check(
    scrollWidth <= width + 1,
    `page scrolls sideways at ${width} px${when}: scrollWidth ${scrollWidth}; wider elements: ${culprits.join(", ")}`,
  );
}

/** The chart and diagram texts inside widgets drawn smaller than MIN_CHART_PX, as "widget: text (size)". */
export async function smallChartText(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const t of document.querySelectorAll<SVGTextElement>("[data-widget] svg text")) {
      const ctm = t.getScreenCTM();
      const text = (t.textContent ?? "").trim();
      if (!ctm || !text || t.getBoundingClientRect().width === 0) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
      if (px < min - 0.05) {
        const widget = t.closest("[data-widget]")?.getAttribute("data-widget");
        out.push(`${widget}: "${text.slice(0, 30)}" at ${px.toFixed(1)} px`);
      }
    }
    return out;
  }, MIN_CHART_PX);
}

/**
 * The axis titles of a widget's charts that stick out of their chart (an SVG clips them: a long
 * loss title read "s-entropy on the labelled members ("), as "text (title top..bottom, chart top..bottom)".
 */
export async function clippedAxisTitles(w: Locator): Promise<string[]> {
  return w.locator("svg text.axis-title").evaluateAll((titles) =>
    titles.flatMap((t) => {
      const r = t.getBoundingClientRect();
      const s = (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
      const inside =
        r.left >= s.left - 1 && r.right <= s.right + 1 && r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
      return r.width === 0 || inside
        ? []
        : [
            `"${t.textContent}" (${Math.round(r.top)}..${Math.round(r.bottom)}, chart ${Math.round(s.top)}..${Math.round(s.bottom)})`,
          ];
    }),
  );
}

/** The layout checks at the page's current width, with every `<details>` opened first. */
export async function checkLayout(page: Page, width: number): Promise<void> {
  // Charts measure their box after they mount: wait until no text is too small, then report.
  let small: string[] = [];
  await waitFor(
    async () => (small = await smallChartText(page)).length === 0,
    "chart text sizes",
    3000,
  ).catch(() => {});
  check(
    small.length === 0,
    `at ${width} px, ${small.length} chart text(s) under ${MIN_CHART_PX} px:\n${small.slice(0, 10).join("\n")}`,
  );

  const opened = await page.evaluate(() => {
    const closed = [...document.querySelectorAll("details")].filter((d) => !d.open);
    for (const d of closed) d.open = true;
    return closed.length;
  });
  // Two frames: layout, and the scroll marks (BaseLayout) that follow it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await checkNoSidewaysScroll(page, width, ` with every <details> open (${opened} opened)`);

  const header = await page.evaluate(() => {
    const h = document.querySelector(".site-header");
    if (!h) return null;
    const mids = [...h.children].map((k) => {
      const r = k.getBoundingClientRect();
      return r.top + r.height / 2;
    });
    return { height: h.getBoundingClientRect().height, spread: Math.max(...mids) - Math.min(...mids) };
  });
  if (header)
    check(
      header.height <= 64 && header.spread < 12,
      `at ${width} px the site header is ${Math.round(header.height)} px tall and its parts' centres differ by ${Math.round(header.spread)} px (one row of at most 64 px expected)`,
    );

  // Widget labels do not break one word per line, and a select shows its whole choice.
  const squeezed = await page.evaluate(() => {
    const out: string[] = [];
    for (const label of document.querySelectorAll<HTMLElement>("[data-widget] label")) {
      const range = document.createRange();
      const tops = new Set<number>();
      let words = 0;
      for (const n of label.childNodes) {
        if (n.nodeType !== Node.TEXT_NODE || !n.textContent?.trim()) continue;
        words += n.textContent.trim().split(/\s+/).length;
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      if (words >= 3 && tops.size >= words)
        out.push(`label "${label.textContent?.trim()}" wraps word by word`);
    }
    for (const select of document.querySelectorAll<HTMLSelectElement>("select")) {
      if (select.getClientRects().length === 0) continue;
      const cs = getComputedStyle(select);
      const probe = document.createElement("span");
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${cs.font}`;
      probe.textContent = select.selectedOptions[0]?.textContent ?? "";
      document.body.append(probe);
      const need = probe.getBoundingClientRect().width;
      probe.remove();
      // The arrow takes about 14 px of the select's content box.
      const room = select.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 14;
      if (need > room + 1)
        out.push(`select shows "${probe.textContent}" in ${Math.round(room)} px, needs ${Math.round(need)}`);
    }
    return out;
  });
  check(squeezed.length === 0, `at ${width} px: ${squeezed.join("; ")}`);

  // Formulas and tables wider than their column scroll, and say so: the [data-scrolls] edge
  // shadow, a tab stop and a name.
  const unmarked = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        ".katex-display, .table-wrap, .widget-equation, .number-table, .scroll-box, .widget details",
      ),
    ]
      .filter((el) => {
        const o = getComputedStyle(el).overflowX;
        return (o === "auto" || o === "scroll") && el.scrollWidth > el.clientWidth + 1;
      })
      .filter((el) => el.getClientRects().length > 0)
      .filter(
        (el) =>
          el.dataset.scrolls === undefined ||
          el.getAttribute("tabindex") !== "0" ||
          !(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")),
      )
      .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)),
  );
  check(
    unmarked.length === 0,
    `at ${width} px these wide formulas or tables scroll without showing it: ${unmarked.join(" | ")}`,
  );

  // Every figure, and every chart or diagram in a widget, has a visible caption.
  const uncaptioned = await page.evaluate(() => {
    const out: string[] = [];
    // [figure, what to call it] pairs: every <figure>, and the figure around each chart or diagram.
    const wanted: [Element | null, string][] = [];
    for (const f of document.querySelectorAll("figure"))
      if (f.getClientRects().length > 0)
        wanted.push([f, `figure "${(f.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}"`]);
    for (const img of document.querySelectorAll("[data-widget] svg[role='img'], [data-widget] canvas")) {
      const r = img.getBoundingClientRect();
      if (r.width < 60 || r.height < 60) continue; // icons
      wanted.push([
        img.closest("figure"),
        `${img.closest("[data-widget]")?.getAttribute("data-widget")}: "${img.getAttribute("aria-label")?.slice(0, 40) ?? img.tagName}"`,
      ]);
    }
    for (const [fig, name] of wanted) {
      const cap = fig?.querySelector(":scope > figcaption");
      const r = cap?.getBoundingClientRect();
      const ok =
        cap &&
        r &&
        r.width > 0 &&
        r.height > 0 &&
        getComputedStyle(cap).visibility !== "hidden" &&
        (cap.textContent ?? "").trim().length >= 8;
      if (!ok) out.push(`${name} has no visible caption`);
    }
    return out;
  });
  check(uncaptioned.length === 0, `at ${width} px:\n${uncaptioned.join("\n")}`);
}
