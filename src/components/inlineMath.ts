import katex from "katex";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * HTML for a line of text whose `$…$` spans are TeX, typeset by KaTeX like the chapters' math
 * (frontmatter objectives and notation cells are plain strings, not MDX). Throws, failing the
 * build, on a formula KaTeX cannot parse or a `$` left open.
 */
export function inlineMathHtml(text: string): string {
  const parts = text.split("$");
  if (parts.length % 2 === 0) throw new Error(`An unclosed $ in: ${text}`);
  return parts
    .map((part, i) =>
      i % 2 === 0
        ? escapeHtml(part)
        : katex.renderToString(part, { throwOnError: true, output: "htmlAndMathml" }),
    )
    .join("");
}
