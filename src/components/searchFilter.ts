/**
 * Pagefind retries a word that matches nothing with shorter and shorter prefixes of it, so
 * "xyzzy" ends up matching every "x" on the site. A result is kept only if some highlighted word
 * in its excerpts is a real match for some search term: the term is a prefix of the word (the
 * reader is still typing), or the word is the term with at most a short ending cut off (a plural
 * or another form the stemmer joined), never a bare one- or two-letter prefix.
 */
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

export function searchTerms(query: string): string[] {
  return query.split(/\s+/).map(letters).filter(Boolean);
}

export function highlighted(excerptHtml: string): string[] {
  return [...excerptHtml.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => letters(m[1])).filter(Boolean);
}

export function isRealMatch(term: string, word: string): boolean {
  if (word.startsWith(term)) return true;
  return term.startsWith(word) && word.length >= 3 && term.length - word.length <= 3;
}

/** Whether a result whose excerpts highlight `words` really matches the query's terms. */
export function matchesQuery(terms: string[], words: string[]): boolean {
  return terms.some((t) => words.some((w) => isRealMatch(t, w)));
}
