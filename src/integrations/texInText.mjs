import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";

/**
 * TeX source that a reader would see as raw text: a subscript or superscript group (`_{`, `^{`),
 * a backslash command, or a one-letter subscript glued to a letter (`p_t`, `h_i`). Math belongs
 * in `$…$` (typeset by KaTeX) or in Unicode (pₜ, hᵢ).
 */
const TEX =
  /_\{|\^\{|\\[A-Za-z(){}[\]]|[A-Za-z\u0370-\u03ff]_[A-Za-z0-9\u0370-\u03ff]\b|[A-Za-z0-9)\u0370-\u03ff]\^[A-Za-z0-9(\u2212\u0370-\u03ff-]/g;

/** Elements whose text is not prose: typeset math, code, and what the browser never shows. */
const NOT_PROSE = ".katex, pre, code, script, style, template, noscript, [data-pagefind-ignore]";

/** Attributes a reader meets through a screen reader or a tooltip. */
const READ_ATTRIBUTES = ["aria-label", "alt", "title", "placeholder"];

/**
 * The places in one page's HTML where reader-visible text outside math shows TeX source.
 * Returns one short description per place.
 */
export function texInText(html) {
  const { document } = parseHTML(html);
  const found = [];
  const excluded = (el) => el.closest(NOT_PROSE) !== null;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, 4 /* text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || excluded(parent)) continue;
    const text = node.textContent ?? "";
    for (const m of text.matchAll(TEX)) found.push(`text "${excerpt(text, m.index)}"`);
  }
  for (const el of document.querySelectorAll(READ_ATTRIBUTES.map((a) => `[${a}]`).join(","))) {
    if (excluded(el)) continue;
    for (const a of READ_ATTRIBUTES) {
      const value = el.getAttribute(a) ?? "";
      for (const m of value.matchAll(TEX)) found.push(`${a}="${excerpt(value, m.index)}"`);
    }
  }
  return found;
}

function excerpt(text, at) {
  return text
    .slice(Math.max(0, at - 30), at + 30)
    .replace(/\s+/g, " ")
    .trim();
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * An Astro integration that fails the build when a page shows TeX source as plain text
 * ("p_t", "e_{t,i}", "\alpha") in its prose, captions, labels or exercise choices.
 */
export function texInTextCheck() {
  return {
    name: "attention-atlas:tex-in-text",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const problems = [];
        for (const file of htmlFiles(root)) {
          for (const p of texInText(readFileSync(file, "utf8")))
            problems.push(`${relative(root, file)}: ${p}`);
        }
        if (problems.length) {
          throw new Error(
            `TeX source shows as plain text (use $…$ or Unicode):\n${problems.map((p) => `  ${p}`).join("\n")}`,
          );
        }
        logger.info("No TeX source in reader-visible text");
      },
    },
  };
}
