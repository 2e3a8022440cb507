/**
 * Saving a chart from the widget frame: the chart's SVG (with its colours written out, so it looks
 * the same outside the page), a PNG of it, and its numbers as CSV, read from the same `<details>`
 * table the chart shows under it. Loaded by the frame only when the reader opens "Save".
 */

import { coordinate } from "./format";

/** Styles that decide how an SVG element looks; copied from the page into the saved file. */
const PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "stop-color",
] as const;

const colourCache = new Map<string, string>();

/** Any CSS colour (color-mix, oklab, var-resolved) as rgb()/rgba() that every SVG viewer reads. */
function plainColour(value: string): string {
  if (value === "none" || value === "" || value.startsWith("url(")) return value;
  let out = colourCache.get(value);
  if (out === undefined) {
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) return value;
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = value;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    out = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${coordinate(a / 255, 3)})`;
    colourCache.set(value, out);
  }
  return out;
}

/** A standalone SVG document of a chart as drawn now, colours and fonts written out. */
export function svgDocument(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const target = to[i] as SVGElement;
    const style: string[] = [];
    for (const p of PROPS) {
      let v = cs.getPropertyValue(p);
      if (!v) continue;
      if (p === "fill" || p === "stroke" || p === "stop-color") v = plainColour(v);
      style.push(`${p}:${v}`);
    }
    target.removeAttribute("class");
    target.setAttribute("style", style.join(";"));
  });
  const w = svg.viewBox.baseVal?.width || svg.clientWidth;
  const h = svg.viewBox.baseVal?.height || svg.clientHeight;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(w));
  copy.setAttribute("height", String(h));
  copy.removeAttribute("role");
  copy.removeAttribute("aria-label");
  const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", plainColour(getComputedStyle(document.body).backgroundColor));
  const t = document.createElementNS("http://www.w3.org/2000/svg", "title");
  t.textContent = title;
  copy.prepend(t, bg);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** A PNG of a chart at `scale` × its size. */
export async function pngBlob(svg: SVGSVGElement, title: string, scale = 2): Promise<Blob> {
  const doc = svgDocument(svg, title);
  const url = URL.createObjectURL(new Blob([doc], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(img.naturalWidth * scale);
    canvas.height = Math.ceil(img.naturalHeight * scale);
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error("the PNG could not be made"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A table as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted). */
export function tableCsv(table: HTMLTableElement): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [...table.rows]
    .map((tr) => [...tr.cells].map((c) => quote((c.textContent ?? "").replace(/\s+/g, " ").trim())).join(","))
    .join("\r\n");
}

/** Hand a file to the browser's downloads. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save one chart of a widget in a format; returns the file name. */
export async function saveChart(
  figure: HTMLElement,
  widgetId: string,
  format: "svg" | "png" | "csv",
): Promise<string> {
  const name = figure.dataset.chartFrame ?? "chart";
  const label = figure.dataset.chartLabel ?? name;
  const base = `${widgetId.replace("/", "-")}-${name}`;
  const svg = figure.querySelector<SVGSVGElement>("svg[data-chart]");
  const details = figure.querySelector<HTMLDetailsElement>("details[data-lazy]");
  if (format === "csv" && details && !details.open) {
    // A large matrix builds its table when first opened: open it, and wait for the rows.
    const toggled = new Promise((ok) => details.addEventListener("toggle", ok, { once: true }));
    details.open = true;
    await toggled;
    await new Promise((ok) => setTimeout(ok, 0));
  }
  const table = figure.querySelector<HTMLTableElement>("details table");
  if (format === "csv") {
    if (!table) throw new Error("this chart has no table");
    download(
      `${base}.csv`,
      new Blob(["\uFEFF", tableCsv(table), "\r\n"], { type: "text/csv;charset=utf-8" }),
    );
    return `${base}.csv`;
  }
  if (!svg) throw new Error("this chart has no drawing");
  if (format === "svg") {
    download(`${base}.svg`, new Blob([svgDocument(svg, label)], { type: "image/svg+xml" }));
    return `${base}.svg`;
  }
  download(`${base}.png`, await pngBlob(svg, label));
  return `${base}.png`;
}
