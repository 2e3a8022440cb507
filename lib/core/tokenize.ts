/** One word of a text: its normalised form and its form on the page. */
export interface WordToken {
  /** The word NFC-normalised and lower-cased: what models look up and embed. */
  word: string;
  /** The word as typed (NFC-normalised, case kept): what a widget shows. */
  text: string;
  /** UTF-16 offset of the word in the NFC-normalised input. */
  index: number;
}

let segmenter: Intl.Segmenter | null = null;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** ASCII text without "_" (the common case), whose UAX #29 words this pattern finds exactly. */
const PLAIN_ASCII = /^[\0-\x5e\x60-\x7f]*$/;
/** Letters and digits, joined by ' . : between letters and by . , ; ' between digits (rules WB5–WB12). */
const ASCII_WORD =
  /[A-Za-z0-9]+(?:(?:(?<=[A-Za-z])['.:](?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))[A-Za-z0-9]+)*/g;

/**
 * Split a text into words with `Intl.Segmenter` (Unicode word boundaries, UAX #29): letters and
 * digits of any script, apostrophes inside a word kept ("Mary's"), punctuation and spaces dropped.
 * The text is NFC-normalised first, so a letter typed with a combining accent (`e` + U+0301) and the
 * precomposed letter give the same word.
 *
 * $$\text{"Cafe\u0301, Mary's!"} \mapsto [(\text{café}, \text{Café}), (\text{mary's}, \text{Mary's})]$$
 *
 * @example
 * wordTokens("Cafe\u0301, Mary's!").map((t) => [t.word, t.text, t.index]);
 * // returns [["café", "Café", 0], ["mary's", "Mary's", 6]]
 *
 * @see {@link tokenize}
 */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  if (PLAIN_ASCII.test(text)) {
    // Same words as the segmenter (a test compares them), ~10× faster.
    for (const m of text.matchAll(ASCII_WORD))
      out.push({ word: m[0].toLowerCase(), text: m[0], index: m.index });
    return out;
  }
  segmenter ??= new Intl.Segmenter("en", { granularity: "word" });
  for (const s of segmenter.segment(text.normalize("NFC"))) {
    // Word-like segments with at least one letter or digit ("__" alone is word-like to UAX #29).
    if (!s.isWordLike || !LETTER_OR_DIGIT.test(s.segment)) continue;
    out.push({ word: s.segment.toLowerCase().normalize("NFC"), text: s.segment, index: s.index });
  }
  return out;
}

/**
 * The words of a text, NFC-normalised and lower-cased (the tokenizer of every widget and model
 * that reads typed text).
 *
 * $$\text{"Where is Mary?"} \mapsto [\text{where}, \text{is}, \text{mary}]$$
 *
 * @example
 * tokenize("Where is Cafe\u0301 Μαρία?");
 * // returns ["where", "is", "café", "μαρία"]
 *
 * @see {@link wordTokens}, {@link bagOfWords}
 */
export function tokenize(text: string): string[] {
  return wordTokens(text).map((t) => t.word);
}
