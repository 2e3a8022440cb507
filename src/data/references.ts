/**
 * Every paper cited on the site, from the chapters' frontmatter `papers`, merged by title: one
 * entry per paper with the chapters that cite it. The key is the anchor on the references page.
 */
export interface PaperRef {
  authors: string;
  year: number;
  title: string;
  venue?: string;
  url?: string;
}

export interface Reference extends PaperRef {
  key: string;
  citedIn: { slug: string; title: string; order: number }[];
}

/** `ref-<first author>-<year>-<first title word>`, lower case, letters and digits only. */
export function referenceKey(p: PaperRef): string {
  const first =
    p.authors
      .split(/,| and /)[0]
      .trim()
      .split(/\s+/)
      .pop() ?? "";
  const word = p.title.split(/\s+/).find((w) => w.length > 3) ?? p.title;
  const clean = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "");
  return `ref-${clean(first)}-${p.year}-${clean(word)}`;
}

export function collectReferences(
  chapters: { slug: string; title: string; order: number; papers: PaperRef[] }[],
): Reference[] {
  const byKey = new Map<string, Reference>();
  for (const c of [...chapters].sort((a, b) => a.order - b.order)) {
    for (const p of c.papers) {
      const key = referenceKey(p);
      const ref = byKey.get(key) ?? { ...p, key, citedIn: [] };
      ref.url ??= p.url;
      ref.venue ??= p.venue;
      if (!ref.citedIn.some((x) => x.slug === c.slug))
        ref.citedIn.push({ slug: c.slug, title: c.title, order: c.order });
      byKey.set(key, ref);
    }
  }
  return [...byKey.values()].sort((a, b) => a.authors.localeCompare(b.authors, "en") || a.year - b.year);
}
