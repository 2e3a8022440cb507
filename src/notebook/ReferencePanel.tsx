import { useEffect, useMemo, useState } from "preact/hooks";
import type { RefEntry } from "./reference";

export type { RefEntry } from "./reference";

interface Props {
  /** Entries with their formula typeset at build time (KaTeX HTML from the library's own comments). */
  entries: (RefEntry & { texHtml: string })[];
  onInsert(example: string): void;
}

/** The library's formula functions: searchable, each with usage, formula and an example to insert. */
export function ReferencePanel({ entries, onInsert }: Props) {
  const [query, setQuery] = useState("");
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q === ""
      ? entries
      : entries.filter((e) => `${e.name} ${e.summary} ${e.signature}`.toLowerCase().includes(q));
  }, [query, entries]);
  // The entries shown are new elements: the page's script gives the wide formulas a tab stop.
  useEffect(() => {
    dispatchEvent(new Event("atlas:math-changed"));
  }, [shown]);
  return (
    <aside class="nb-reference" aria-labelledby="nb-reference-title">
      <h2 id="nb-reference-title">Library functions</h2>
      <label for="nb-reference-search">Search the functions</label>
      <input
        id="nb-reference-search"
        type="search"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        aria-describedby="nb-reference-count"
      />
      <p id="nb-reference-count" class="hint" aria-live="polite">
        {shown.length} of {entries.length} functions
      </p>
      <ul class="nb-reference-list">
        {shown.map((e) => (
          <li key={e.name} data-function={e.name}>
            <h3>
              <code>{e.signature}</code>
            </h3>
            <p>{e.summary}</p>
            {/* Build-time KaTeX of the library's own doc comment; nothing from the reader. */}
            <div class="nb-reference-tex" dangerouslySetInnerHTML={{ __html: e.texHtml }} />
            <p class="nb-reference-example">
              <code>{e.example}</code> gives <code>{e.returns}</code>{" "}
              <button
                type="button"
                onClick={() => onInsert(e.example)}
                aria-label={`Insert the example of ${e.name} as a cell`}
              >
                Insert
              </button>
            </p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
