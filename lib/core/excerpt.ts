/**
 * A reader's text as a message quotes it: runs of whitespace become one space, and anything longer
 * than `max` characters (code points, so no emoji is cut in half) is cut with an ellipsis. A
 * message about a 100,000-character value stays one short line.
 *
 * Shapes and units: `max` is a count of code points (≥ 2); the result has at most `max`.
 *
 * $$\operatorname{excerpt}(s) = \begin{cases} s & |s| \le m \\ s_1 \dots s_{m-1}\,\text{…} & |s| > m \end{cases}$$
 *
 * @example
 * excerpt("x".repeat(100_000)).length;
 * // returns 30
 * @example
 * excerpt("constructor");
 * // returns "constructor"
 *
 * @see {@link https://unicode.org/reports/tr29/ | UAX #29} for why code points, not UTF-16 units
 */
export function excerpt(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, " ").trim();
  // Cheap exit for short strings; the slice below reads at most `max` code points either way.
  if (flat.length <= max) return flat;
  const points: string[] = [];
  for (const ch of flat) {
    points.push(ch);
    if (points.length > max) break;
  }
  return points.length > max ? `${points.slice(0, max - 1).join("")}…` : flat;
}
