/**
 * A rehype plugin that fails the build when KaTeX could not parse a formula.
 *
 * rehype-katex records a parse error as a message on the file and renders the formula in red.
 * This plugin runs after it and turns those messages into a thrown error that names the
 * chapter file, the line and column, and KaTeX's own reason.
 */
export function rehypeKatexStrict() {
  return (_tree, file) => {
    const errors = file.messages.filter((m) => m.source === "rehype-katex");
    if (errors.length === 0) return;
    const where = file.path ?? "(unknown file)";
    const lines = errors.map((m) => {
      // The formula's own position, else the nearest ancestor's (display math loses its own).
      const positioned = [m.place, ...[...(m.ancestors ?? [])].reverse().map((a) => a.position)].find(
        Boolean,
      );
      const start = positioned && "start" in positioned ? positioned.start : positioned;
      const line = start?.line ?? "?";
      const column = start?.column ?? "?";
      const reason = m.cause instanceof Error ? m.cause.message : m.reason;
      return `${where}:${line}:${column}: KaTeX cannot parse this formula: ${reason}`;
    });
    throw new Error(lines.join("\n"));
  };
}
